"""The s 9 exceptions that turn on a "single offence" (s 9 (1) (b), (c); s 9 (5), (6)).

> (b) the person has been sentenced for a single class 2 offence, and the sentence did not
> include— (i) a term of imprisonment; or (ii) a requirement that the person be under the
> supervision of a supervising authority or anyone else; or

> single offence includes a reference to more than 1 offence of the same kind arising from the
> same incident.

"Of the same kind" is read as the same offence provision (interpretation ACT-5). A sentence's
`imprisonment` defaults to `custodial`; `supervision` not stated is taken as not included, and the
answer says so (interpretation ACT-6).
"""

from __future__ import annotations

from ncos.law.jurisdictions.act.common import ActContext, s
from ncos.law.jurisdictions.act.s007_013_registrable import Registrability
from ncos.law.jurisdictions.act.same_incident import group

_YOUNG_SINGLE_ITEMS = {("2", "2.1", "3"), ("2", "2.1", "4"), ("2", "2.1", "10")}


def apply_single_offence_exceptions(ctx: ActContext, reg: Registrability) -> None:
    b = ctx.builder
    if reg.corresponding:
        if reg.findings:
            b.step(
                "He is a prescribed corresponding offender, so the exceptions in s 9 do not apply",
                s("s 9 (5)"),
            )
        return
    if not reg.grounds:
        return
    units = group(ctx, reg.findings, extra_key=lambda f: f.kind_key, explain=False)
    if len(units) != 1:
        return
    members = units[0].findings
    refs = ", ".join(f.ref for f in members)
    single_class2 = all(f.offence_class == "class2" and f.order is None for f in members)
    if single_class2 and not any(f.imprisonment or f.supervision for f in members):
        stated = all(f.offence is not None and f.offence.supervision is not None for f in members)
        note = "" if stated else " (no supervision requirement was stated)"
        b.step(
            f"His only registrable offence is a single class 2 offence ({refs}) and the "
            f"sentence included neither a term of imprisonment nor supervision{note}: that "
            "does not make him a registrable offender",
            s("s 9 (1) (b)"),
            s("s 9 (6)"),
        )
        for f in members:
            f.ground = False
        return
    if all(f.young and f.row in _YOUNG_SINGLE_ITEMS for f in members):
        item = members[0].row[2] if members[0].row else "?"
        b.step(
            f"As a young person he was sentenced for a single offence in sch 2 pt 2.1 item {item} "
            f"({refs}): that does not make him a registrable offender",
            s("s 9 (1) (c) (i)"),
            s("s 9 (6)"),
        )
        for f in members:
            f.ground = False
