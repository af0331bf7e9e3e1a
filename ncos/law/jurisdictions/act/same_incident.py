"""Offences arising from the same incident (dictionary; s 9 (6); s 90).

> same incident—offences arise from the same incident only if they are committed within a single
> period of 24 hours and are committed against the same person.

Grouping is greedy in time order: an incident's 24 hours start at its first offence. With dates
only, offences on the same calendar day against the same victim are within a single period of
24 hours; offences on different days are not shown to be (the times are needed), so they are
separate incidents and the answer says so (interpretation: docs/law/interpretations.md, ACT-4).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from ncos.law.jurisdictions.act.common import ActContext, fmt, s
from ncos.law.jurisdictions.act.s007_013_registrable import Finding


@dataclass
class Unit:
    """One offence for part 3.5: a finding, or several arising from the same incident."""

    findings: list[Finding] = field(default_factory=list)

    @property
    def offence_class(self) -> str:
        return "class1" if any(f.offence_class == "class1" for f in self.findings) else "class2"

    @property
    def refs(self) -> list[str]:
        return [f.ref for f in self.findings]


def _same(a: Finding, b: Finding, hours: int) -> bool:
    if a.committed_at is not None and b.committed_at is not None:
        return abs(b.committed_at - a.committed_at) <= timedelta(hours=hours)
    return a.committed is not None and a.committed == b.committed


def group(
    ctx: ActContext,
    findings: Sequence[Finding],
    *,
    extra_key: Callable[[Finding], Hashable] = lambda f: None,
    explain: bool = True,
) -> list[Unit]:
    """Findings grouped into incidents (optionally only findings sharing `extra_key`)."""
    hours = ctx.params.integer("same_incident_hours")
    units: list[Unit] = []
    buckets: dict[tuple[str, Hashable], list[Finding]] = {}
    for f in findings:
        if f.victim is None or f.committed is None or f.order is not None and f.offence is None:
            units.append(Unit([f]))
        else:
            buckets.setdefault((f.victim, extra_key(f)), []).append(f)
    for (victim, _), members in buckets.items():
        members.sort(key=lambda f: (f.committed, f.committed_at is None, f.committed_at))
        current: Unit | None = None
        for f in members:
            if current is not None and _same(current.findings[0], f, hours):
                current.findings.append(f)
                continue
            if explain and current is not None:
                prev = current.findings[-1]
                if (
                    prev.committed is not None
                    and f.committed is not None
                    and (f.committed - prev.committed).days == 1
                    and (prev.committed_at is None or f.committed_at is None)
                ):
                    ctx.builder.step(
                        f"{prev.ref} and {f.ref} (victim {victim}) were committed on consecutive "
                        "days; without the times it is not shown that they were committed within "
                        "a single period of 24 hours, so they are counted as separate offences",
                        s("dict, def same incident"),
                    )
            current = Unit([f])
            units.append(current)
    if explain:
        for u in units:
            if len(u.findings) > 1:
                first = u.findings[0]
                when = fmt(first.committed) if first.committed else "the same day"
                ctx.builder.step(
                    f"{', '.join(u.refs)} were committed against the same person ({first.victim}) "
                    f"within a single period of 24 hours (from {when}): they arise from the same "
                    "incident and are treated as a single "
                    + ("class 1 offence" if u.offence_class == "class1" else "offence"),
                    s("dict, def same incident"),
                    s("s 90 (1)"),
                    *(
                        [s("s 90 (2)")]
                        if any(f.offence_class == "class2" for f in u.findings)
                        and u.offence_class == "class1"
                        else []
                    ),
                )
    units.sort(key=lambda u: min((f.ref for f in u.findings), default=""))
    return units
