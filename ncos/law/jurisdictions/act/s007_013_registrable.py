"""Who is a registrable offender: ss 7–13 (chapter 2, part 2.1), child sex offender registration
orders (part 2.2) and prescribed corresponding offenders (s 11).

> A person is a registrable offender if the person— (a) is sentenced by a court for a registrable
> offence; or (b) is the subject of a child sex offender registration order; or (c) is a
> prescribed corresponding offender.

The result is the list of findings that count under part 3.5 (every finding of guilt for a
registrable offence, s 88 included) and the grounds that make the person registrable.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from ncos.law.contract import CaseError, read_datetime
from ncos.law.explain import Citation
from ncos.law.facts import Event, Offence
from ncos.law.jurisdictions.act.common import ActContext, fmt, s
from ncos.law.time import zone

_YOUNG_SINGLE_ITEMS = {("2", "2.1", "3"), ("2", "2.1", "4"), ("2", "2.1", "10")}
_DOLLS_ITEM = ("2", "2.2", "15")


@dataclass
class Finding:
    """A finding of guilt that counts for part 3.5 (or a registration order taken as one)."""

    ref: str
    offence_class: str  # "class1" | "class2"
    offence: Offence | None
    committed: date | None = None
    committed_at: datetime | None = None
    victim: str | None = None
    young: bool | None = None
    sentenced: date | None = None
    kind_key: str = ""
    ground: bool = True
    """Whether this finding, on its own, makes the person a registrable offender."""
    ground_reason: str = ""
    order: Event | None = None
    row: tuple[str, str, str] | None = None
    custodial: bool = False
    imprisonment: bool = False
    supervision: bool = False


@dataclass
class Registrability:
    findings: list[Finding] = field(default_factory=list)
    corresponding: list[Event] = field(default_factory=list)
    registrable: bool = False

    @property
    def grounds(self) -> list[Finding]:
        return [f for f in self.findings if f.ground]


def _quashed(ctx: ActContext, ref: str) -> Event | None:
    return next((e for e in ctx.of("finding_quashed") if e.ref == ref), None)


def _amended(ctx: ActContext, o: Offence) -> Offence:
    """The offence with its sentence as amended on appeal (s 13 (1) (a) (ii))."""
    for e in ctx.of("sentence_amended"):
        if e.ref != o.ref:
            continue
        changes: dict[str, bool] = {}
        for key in ("custodial", "imprisonment", "supervision"):
            v = e.extra.get(key)
            if isinstance(v, bool):
                changes[key] = v
        o = replace(o, **changes)  # type: ignore[arg-type]
        ctx.builder.step(
            f"{o.ref}: the sentence was amended on appeal"
            + (f" on {fmt(e.day)}" if e.day else "")
            + "; the amended sentence is used as if it were the original",
            s("s 13 (1) (a) (ii)"),
        )
    return o


def _committed_at(o: Offence) -> datetime | None:
    raw = o.extra.get("datetime_committed")
    return None if raw is None else read_datetime(raw, f"{o.path}.datetime_committed")


def _classify(ctx: ActContext, o: Offence) -> tuple[str, tuple[str, str, str] | None]:
    from ncos.law.catalogue import classify_offence

    result = classify_offence("ACT", o, ctx.case.person)
    for text, sections in result.steps:
        ctx.builder.step(f"{o.ref}: {text}", *(s(x) for x in sections))
    row = None
    if result.row is not None:
        row = (result.row.schedule, result.row.part, result.row.item)
    return result.offence_class, row


def _young(ctx: ActContext, committed: date | None) -> bool | None:
    if committed is None:
        return None
    return ctx.case.person.age_on(committed) < ctx.params.integer("adult_age")


def _finding(
    ctx: ActContext, o: Offence, offence_class: str, row: tuple[str, str, str] | None
) -> Finding:
    committed_at = _committed_at(o)
    committed = o.date_committed
    if committed is None and committed_at is not None:
        committed = committed_at.astimezone(zone("ACT")).date()
    imprisonment = o.imprisonment if o.imprisonment is not None else o.custodial
    return Finding(
        ref=o.ref,
        offence_class=offence_class,
        offence=o,
        committed=committed,
        committed_at=committed_at,
        victim=o.victim,
        young=_young(ctx, committed),
        sentenced=o.date_sentenced,
        kind_key=f"{o.act.lower()}|{o.provision.lower().replace(' ', '')}",
        row=row,
        custodial=o.custodial,
        imprisonment=bool(imprisonment),
        supervision=bool(o.supervision),
    )


def _pre_commencement_ground(ctx: ActContext, f: Finding) -> tuple[bool, str, tuple[Citation, ...]]:
    """s 8 (2): sentenced before commencement — registrable only if a prescribed corresponding
    offender or under supervision (custody included) immediately before commencement."""
    start = ctx.commencement
    o = f.offence
    if o is None or o.date_sentenced is None or o.date_sentenced >= start:
        return True, "", ()
    eve = start - timedelta(days=1)
    supervised = bool(o.extra.get("supervised_at_commencement")) or ctx.in_custody(eve)
    if supervised:
        return (
            True,
            (
                f"{o.ref} was sentenced before the Act commenced on {fmt(start)} and he was under "
                "supervision (in government custody) immediately before it commenced"
            ),
            (s("s 8 (2)"),),
        )
    return (
        False,
        (
            f"{o.ref} was sentenced before the Act commenced on {fmt(start)}, and he was neither "
            "in custody nor under supervision immediately before it commenced, so that sentence "
            "alone does not make him a registrable offender (it still counts for the length of "
            "any reporting period)"
        ),
        (s("s 8 (2)"), s("s 88")),
    )


def assess_registrable(ctx: ActContext) -> Registrability:
    b = ctx.builder
    out = Registrability()
    orders = {e.ref: e for e in ctx.of("registration_order") if e.ref}
    quashed_orders = {e.ref for e in ctx.of("registration_order_quashed")}
    for o in ctx.case.offences:
        q = _quashed(ctx, o.ref)
        offence_class, row = _classify(ctx, o)
        order = orders.get(o.ref)
        if order is not None and o.ref in quashed_orders:
            b.step(
                f"{o.ref}: the child sex offender registration order was quashed on appeal",
                s("s 13 (1) (b)"),
            )
            order = None
        if offence_class == "none" and order is not None:
            b.classify(
                o.ref,
                "class2",
                f"{o.ref} is not a class 1 or class 2 offence, but a court made a child sex "
                "offender registration order for it: it is a registrable offence and, for the "
                "reporting period, he is taken to have been found guilty of a class 2 offence",
                s("s 8 (1) (b)"),
                s("s 10 (1) (c)"),
                s("s 91"),
            )
            offence_class = "class2"
        else:
            b.offence_classes[o.ref] = offence_class  # type: ignore[assignment]
        if offence_class == "none":
            continue
        if q is not None:
            if q.retrial:
                b.step(
                    f"{o.ref}: the finding of guilt was quashed but a retrial was ordered, so it "
                    "still counts",
                    s("s 13 (2)"),
                )
            else:
                b.step(
                    f"{o.ref}: the finding of guilt was quashed or set aside, so it is not a "
                    "finding of guilt for this Act",
                    s("s 7 (2) (c)"),
                    s("s 13 (1) (a) (i)"),
                )
                continue
        o = _amended(ctx, o)
        f = _finding(ctx, o, offence_class, row)
        f.order = order
        if o.non_conviction_order:
            f.ground = False
            f.ground_reason = f"{o.ref}: a non-conviction order alone does not make him registrable"
            b.step(f.ground_reason, s("s 9 (1) (a)"), s("s 7 (1) (d)"))
        elif o.court_exempted and (row == _DOLLS_ITEM or f.young):
            f.ground = False
            which = s("s 9 (2)") if row == _DOLLS_ITEM else s("s 9 (3)")
            f.ground_reason = (
                f"{o.ref}: on the defence's application the court decided he should not be "
                "registered for it"
            )
            b.step(f.ground_reason, which)
        else:
            ok, why, cites = _pre_commencement_ground(ctx, f)
            if not ok:
                f.ground = False
                f.ground_reason = why
            if why:
                b.step(why, *cites)
        out.findings.append(f)
    for e in ctx.of("registration_order"):
        if e.ref is not None:
            if ctx.case.offence(e.ref) is None:
                raise CaseError(f"no offence has ref {e.ref!r}", f"{e.path}.ref")
            continue
        if None in quashed_orders:
            b.step(
                "The child sex offender registration order was quashed on appeal",
                s("s 13 (1) (b)"),
            )
            continue
        b.step(
            "A court made a child sex offender registration order for him as a previous "
            f"offender on {fmt(e.day) if e.day else 'a date not given'}; for the reporting "
            "period he is taken to have been found guilty of a class 2 offence",
            s("s 8 (1) (b)"),
            s("s 14"),
            s("s 91"),
        )
        out.findings.append(
            Finding(
                ref=f"order:{e.index}",
                offence_class="class2",
                offence=None,
                sentenced=e.day,
                order=e,
                kind_key=f"order:{e.index}",
            )
        )
    out.corresponding = list(ctx.of("corresponding_offender"))
    return out
