"""Part 1: definitions the other Parts rely on — child, finding of guilt, Class 1 and Class 2
offences, and offences treated as a single offence (ss 2B, 2D, 2E, 2F).

> child means any person who is under the age of 18 years.

> A reference to a finding of guilt in this Act does not include a finding of guilt that is
> subsequently quashed or set aside by a court.

> A person, other than a court, who is calculating a reporting period must treat 2 or more
> offences as a single offence if the offences arise from the same incident.

> For this section, offences arise from the same incident if— (a) each of the offences is
> committed within 24 hours of one or more of the other offences, and (b) for offences committed
> against a person—the offences are committed against the same person.

The engine is "a person, other than a court", so it applies s 2F; a court's decision under s 2E
reaches the answer only through the period its order specifies (s 14AA). With dates only, offences
on the same calendar day are within 24 hours of each other; offences on different days are not
shown to be, and are counted separately unless `datetime_committed` is given (NSW-C1). Offences
with no victim satisfy s 2F (4) on the 24-hour test alone; an offence against a person is never
merged with one that has no victim (NSW-C2).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ncos.law.contract import read_datetime
from ncos.law.facts import Event, Offence, OffenceClass
from ncos.law.jurisdictions.nsw.common import NswContext, fmt, s
from ncos.law.time import zone


@dataclass
class Finding:
    """A finding of guilt that counts for the reporting period (or an order taken as one)."""

    ref: str
    offence_class: OffenceClass
    """"class1" or "class2" for the period (a child protection registration order: "class2")."""
    offence: Offence | None
    committed: date | None = None
    committed_at: datetime | None = None
    victim: str | None = None
    child: bool | None = None
    """Whether he was a child when he committed it (None: the date is not known)."""
    found_guilty: date | None = None
    sentenced: date | None = None
    """The day he was sentenced (for s 3E, 3F, 3G orders: the day the order was made)."""
    custodial: bool = False
    released: date | None = None
    foreign: bool = False
    order: Event | None = None
    """The child protection registration order this finding is, or rests on."""
    ground: bool = False
    """Whether this finding, on its own, makes him a registrable person."""
    via_order: bool = False
    """Whether he is registrable for it because of a registrable person order or child protection
    registration order (so s 3I and s 14AA, not s 14A, give the period)."""
    order_period: str | None = None
    notified: date | None = None
    """When he was given notice of his reporting obligations for it (s 3I (4), s 14A (2))."""

    @property
    def registered_on(self) -> date | None:
        """The day he became a registrable person in relation to it."""
        return self.sentenced if not self.foreign else (self.sentenced or self.found_guilty)

    @property
    def obligations_begin(self) -> date | None:
        """s 14: the later of sentence and ceasing to be in government custody for it."""
        if self.sentenced is None:
            return None
        if self.custodial:
            return self.released
        return self.sentenced


@dataclass
class Incident:
    """One offence for the reporting period: a finding, or several from the same incident."""

    findings: list[Finding] = field(default_factory=list)

    @property
    def offence_class(self) -> OffenceClass:
        return "class1" if any(f.offence_class == "class1" for f in self.findings) else "class2"

    @property
    def refs(self) -> list[str]:
        return [f.ref for f in self.findings]

    @property
    def committed(self) -> date | None:
        days = [f.committed for f in self.findings if f.committed is not None]
        return min(days) if days else None

    @property
    def ground(self) -> bool:
        return any(f.ground for f in self.findings)

    @property
    def registered_on(self) -> date | None:
        days = [f.registered_on for f in self.findings if f.ground and f.registered_on]
        return min(days) if days else None

    @property
    def notified(self) -> date | None:
        days = [f.notified for f in self.findings if f.ground and f.notified]
        return min(days) if days else self.registered_on


def is_child(ctx: NswContext, committed: date | None) -> bool | None:
    """Whether he was "under the age of 18 years" (s 2B (1)) on the day he committed the offence.

    A person attains an age at the start of the anniversary of his birth, so on his 18th birthday
    he is an adult (NSW-Y1).
    """
    if committed is None:
        return None
    return ctx.case.person.age_on(committed) < ctx.params.integer("adult_age")


def committed_at(o: Offence) -> datetime | None:
    """The moment the offence was committed, from the added `datetime_committed` field."""
    raw = o.extra.get("datetime_committed")
    return None if raw is None else read_datetime(raw, f"{o.path}.datetime_committed")


def classify(ctx: NswContext, o: Offence) -> OffenceClass:
    """The offence's class under s 2D (Schedules 1A and 1B), recorded with its explanation."""
    from ncos.law.catalogue import classify_offence

    result = classify_offence("NSW", o, ctx.case.person)
    ctx.builder.offence_classes[o.ref] = result.offence_class
    for text, sections in result.steps:
        ctx.builder.step(f"{o.ref}: {text}", *(s(x) for x in sections))
    return result.offence_class


def quashed(ctx: NswContext, ref: str) -> Event | None:
    """The `finding_quashed` event for an offence, if its finding of guilt was quashed."""
    return next((e for e in ctx.of("finding_quashed") if e.ref == ref), None)


def new_finding(ctx: NswContext, o: Offence, offence_class: OffenceClass) -> Finding:
    at = committed_at(o)
    committed = o.date_committed
    if committed is None and at is not None:
        committed = at.astimezone(zone("NSW")).date()
    where = o.jurisdiction_of_conviction
    raw_notice = o.extra.get("notice_given")
    notified = None
    if isinstance(raw_notice, str):
        from ncos.law.contract import read_date

        notified = read_date(raw_notice, f"{o.path}.notice_given")
    return Finding(
        ref=o.ref,
        offence_class=offence_class,
        offence=o,
        committed=committed,
        committed_at=at,
        victim=o.victim,
        child=is_child(ctx, committed),
        found_guilty=o.date_found_guilty or o.date_sentenced,
        sentenced=o.date_sentenced,
        custodial=o.custodial,
        released=o.custody_release_date,
        foreign=where is not None and where != "NSW",
        notified=notified,
    )


def _within(a: Finding, b: Finding, hours: int) -> bool:
    if a.committed_at is not None and b.committed_at is not None:
        return abs(b.committed_at - a.committed_at) <= timedelta(hours=hours)
    return a.committed is not None and a.committed == b.committed


def _same_person(a: Finding, b: Finding) -> bool:
    return a.victim == b.victim


def same_incident(ctx: NswContext, findings: Sequence[Finding]) -> list[Incident]:
    """Findings grouped into incidents under s 2F (4): linked when each is within 24 hours of
    another and (for offences against a person) against the same person."""
    hours = ctx.params.integer("same_incident_hours")
    parent = list(range(len(findings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(findings):
        for j in range(i + 1, len(findings)):
            b = findings[j]
            if (
                a.order is not None
                and a.offence is None
                or b.order is not None
                and b.offence is None
            ):
                continue
            if _same_person(a, b) and _within(a, b, hours):
                parent[root(j)] = root(i)
            elif (
                _same_person(a, b)
                and a.committed is not None
                and b.committed is not None
                and abs((b.committed - a.committed).days) == 1
                and (a.committed_at is None or b.committed_at is None)
            ):
                ctx.builder.step(
                    f"{a.ref} and {b.ref} were committed on consecutive days; without the times "
                    "it is not shown that each was committed within 24 hours of the other, so "
                    "they are counted as separate offences",
                    s("s 2F (4) (a)"),
                )
    groups: dict[int, Incident] = {}
    for i, f in enumerate(findings):
        groups.setdefault(root(i), Incident()).findings.append(f)
    out = list(groups.values())
    for inc in out:
        if len(inc.findings) < 2:
            continue
        first = inc.findings[0]
        when = fmt(first.committed) if first.committed else "the same day"
        against = (
            f"against the same person ({first.victim})"
            if first.victim is not None
            else "not against a person"
        )
        cites = [s("s 2F (1)"), s("s 2F (4)")]
        single = "a single offence"
        if inc.offence_class == "class1":
            cites.append(s("s 2F (2)"))
            single = "a single Class 1 offence"
        else:
            cites.append(s("s 2F (3)"))
            single = "a single Class 2 offence"
        ctx.builder.step(
            f"{', '.join(inc.refs)} were committed {against} within 24 hours of each other "
            f"({when}): they arise from the same incident and are treated as {single}",
            *cites,
        )
    if len(out) > 1:
        names = "; ".join(", ".join(i.refs) for i in out)
        ctx.builder.step(
            f"For the reporting period these are {len(out)} separate offences ({names}): offences "
            "arise from the same incident only if each is committed within 24 hours of another "
            "and, for offences against a person, against the same person",
            s("s 2F (4)"),
        )
    return out
