"""Part 2A Divisions 1 and 2: registrable person orders (ss 3C, 3CA) and child protection
registration orders (ss 3D–3H).

> A court (the sentencing court) that sentences a person for a registrable offence must make an
> order (a registrable person order) that the person is a registrable person if— (a) for a person
> who was an adult when the registrable offence was committed—the sentencing court imposes a
> sentence for the registrable offence, other than a no conviction order, or (b) for a person who
> was a child when the registrable offence was committed— (i) the sentencing court imposes a
> sentence for the registrable offence, other than a no conviction order, and (ii) the
> prosecution requests the registrable person order be made, and (iii) the sentencing court is
> satisfied the registrable person order is necessary because the person poses a risk to the
> lives or sexual safety of one or more children or of children generally.

> If a person is sentenced for more than 1 registrable offence, only 1 registrable person order
> must be made for all the offences.

> For the purposes of calculating the person’s reporting period under this Act, a person subject
> to an order under this section is deemed to have been found guilty of a Class 2 offence.

> For the purposes of calculating the person’s reporting period under this Act, if the Local
> Court makes an order in respect of a person under this section, the person is taken to have
> been found guilty of, and sentenced for, a Class 2 offence on the date an order under this
> section is made.

A `registration_order` event records an order: ``kind`` ``registrable_person_order`` (s 3C) or
``child_protection_registration_order`` (s 3D–3G; the added ``section`` field says which), ``ref``
the offence it is for, ``period`` the reporting period it specifies (s 3C (3), s 3H). Because the
s 3C (1) (a) order is mandatory, the engine treats it as made for an adult sentenced on or after
29 September 2025 even when no event records it (NSW-R1). A child protection registration order
made for an offence is counted once, as the deemed Class 2 offence, not also as the offence it
was made for (NSW-O1).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ncos.law.facts import Event, Offence
from ncos.law.jurisdictions.nsw.common import NswContext, fmt, s
from ncos.law.jurisdictions.nsw.s002b_002i_definitions import Finding, is_child

_CPRO_SECTIONS = ("s 3D", "s 3E", "s 3F", "s 3G")
# The provision deeming a child protection registration order a Class 2 finding of guilt, and
# whether it also deems the sentence to be on the day of the order.
_DEEMING = {
    "s 3D": ("s 3D (6)", False),
    "s 3E": ("s 3E (4)", True),
    "s 3F": ("s 3F (3)", True),
    "s 3G": ("s 3G (4)", True),
}


@dataclass(frozen=True, slots=True)
class Order:
    """A registrable person order or child protection registration order in force."""

    event: Event
    cpro: bool
    section: str
    day: date | None
    ref: str | None
    period: str | None
    quashed: bool = False
    """Quashed on appeal or revoked (s 3B (c); s 3CA (3) (a))."""
    ceased_on: date | None = None
    """For a s 3G order: the day he was sentenced, when it ceased to have effect (s 3G (6) (b))."""

    @property
    def active(self) -> bool:
        return not self.quashed and self.ceased_on is None

    @property
    def name(self) -> str:
        if self.cpro:
            return f"child protection registration order ({self.section})"
        return "registrable person order (s 3C)"


def _section(e: Event) -> str:
    raw = e.extra.get("section")
    if isinstance(raw, str):
        text = raw.strip().lower().replace("section", "").replace("s", "").strip()
        for sec in _CPRO_SECTIONS:
            if sec[2:].lower() == text.split("(")[0].strip():
                return sec
    return "s 3D" if e.kind == "child_protection_registration_order" else "s 3C"


def orders(ctx: NswContext) -> list[Order]:
    """Every order recorded, in the order made, marked if quashed (s 3B (c)) or ceased (s 3G)."""
    out: list[Order] = []
    quashings = ctx.of("registration_order_quashed")
    for e in ctx.of("registration_order"):
        section = _section(e)
        cpro = e.kind == "child_protection_registration_order" or section != "s 3C"
        order = Order(e, cpro, section, e.day, e.ref, e.period)
        gone = next(
            (
                q
                for q in quashings
                if (q.ref is None or q.ref == e.ref)
                and (q.day is None or e.day is None or q.day >= e.day)
            ),
            None,
        )
        if gone is not None:
            ctx.builder.step(
                f"The {order.name} made "
                + (f"on {fmt(order.day)} " if order.day else "")
                + "was quashed or revoked, so it no longer has effect",
                s("s 3B (c)"),
            )
            out.append(replace(order, quashed=True))
            continue
        if section == "s 3G" and e.ref is not None:
            o = ctx.case.offence(e.ref)
            if (
                o is not None
                and o.date_sentenced is not None
                and (e.day is None or o.date_sentenced >= e.day)
            ):
                ctx.builder.step(
                    f"The s 3G order made on bail ceased to have effect when he was sentenced "
                    f"for {o.ref}",
                    s("s 3G (6) (b)"),
                )
                out.append(replace(order, ceased_on=o.date_sentenced))
                continue
        out.append(order)
    return out


def rpo_for(orders_: list[Order], o: Offence) -> Order | None:
    """The registrable person order covering an offence: one made for it, or one made on the day
    he was sentenced for it (one order covers every offence sentenced together, s 3C (2))."""
    for order in orders_:
        if order.cpro or not order.active:
            continue
        if order.ref == o.ref:
            return order
        if order.ref is None or (order.day is not None and order.day == o.date_sentenced):
            return order
    return None


def cpro_for(orders_: list[Order], ref: str) -> Order | None:
    return next((x for x in orders_ if x.cpro and x.active and x.ref == ref), None)


def quashed_rpo_for(orders_: list[Order], o: Offence) -> Order | None:
    """A registrable person order for the offence that was quashed or revoked."""
    live = [replace(x, quashed=False) for x in orders_ if x.quashed and not x.cpro]
    return rpo_for(live, o)


def decide_rpo(
    ctx: NswContext, f: Finding, o: Offence, orders_: list[Order], adults: set[date]
) -> None:
    """s 3C: whether the registrable person order makes him registrable for a NSW sentence on or
    after 29 September 2025. `adults` holds the days on which he was sentenced for an offence
    committed as an adult (the order then covers every offence sentenced that day, s 3C (2))."""
    b = ctx.builder
    order = rpo_for(orders_, o)
    sentenced = o.date_sentenced
    gone = quashed_rpo_for(orders_, o) if order is None else None
    if gone is not None:
        f.ground = False
        b.step(
            f"{o.ref}: the registrable person order made for it was quashed or revoked on "
            "appeal, so it does not make him a registrable person",
            s("s 3B (c)"),
            s("s 3CA (3) (a)"),
        )
        return
    assert sentenced is not None  # noqa: S101 - callers decide only sentenced offences
    child = is_child(ctx, f.committed)
    if order is not None:
        f.ground, f.via_order, f.order_period = True, True, order.period
        which = "s 3C (1) (b)" if child else "s 3C (1) (a)"
        b.step(
            f"{o.ref}: the sentencing court made a registrable person order on "
            f"{fmt(order.day) if order.day else 'the day he was sentenced'}, so he is a "
            "registrable person",
            s(which),
            s("s 3A (1) (a)"),
        )
        return
    if child is not True or sentenced in adults:
        f.ground, f.via_order = True, True
        why = (
            "he was an adult when he committed it"
            if child is False
            else "the date it was committed is not given, so it is not shown he was a child"
            if child is None
            else f"he was sentenced on {fmt(sentenced)} for an offence committed as an adult "
            "as well, and one order covers all the offences (s 3C (2))"
        )
        b.step(
            f"{o.ref}: sentenced in NSW on {fmt(sentenced)}, on or after 29 September 2025; "
            f"{why}, and the sentence is not a no conviction order, so the sentencing court "
            "must make a registrable person order: he is a registrable person (the order is "
            "mandatory, so it is treated as made although none is recorded)",
            s("s 3C (1) (a)"),
            *((s("s 3C (2)"),) if child is True else ()),
            s("s 3A (1) (a)"),
        )
        return
    f.ground = False
    b.step(
        f"{o.ref}: he was a child when he committed it, and a registrable person order is made "
        "for a child only if the prosecution requests it and the court finds it necessary "
        "because of the risk he poses to children; no order is recorded, so this offence does "
        "not make him a registrable person",
        s("s 3C (1) (b)"),
    )


def cpro_finding(ctx: NswContext, order: Order, o: Offence | None) -> Finding:
    """The deemed Class 2 finding of guilt a child protection registration order gives."""
    b = ctx.builder
    deeming, on_order_day = _DEEMING[order.section]
    sentenced = order.day if on_order_day else (o.date_sentenced if o is not None else order.day)
    found = order.day if on_order_day else (o.date_found_guilty if o is not None else order.day)
    target = f"for {o.ref} " if o is not None else ""
    when = f"on {fmt(order.day)}" if order.day else "(date not given)"
    deemed = (
        "taken to have been found guilty of, and sentenced for, a Class 2 offence on the date "
        "the order was made"
        if on_order_day
        else "deemed to have been found guilty of a Class 2 offence"
    )
    b.step(
        f"A court made a {order.name} {target}{when}: he is a registrable person, and for "
        f"calculating his reporting period he is {deemed}",
        s("s 3A (1) (b)"),
        s(deeming),
    )
    committed = o.date_committed if o is not None else None
    return Finding(
        ref=o.ref if o is not None else f"order:{order.event.index}",
        offence_class="class2",
        offence=o,
        committed=committed,
        victim=o.victim if o is not None else None,
        child=is_child(ctx, committed),
        found_guilty=found,
        sentenced=sentenced,
        custodial=bool(o is not None and o.custodial and not on_order_day),
        released=o.custody_release_date if o is not None and not on_order_day else None,
        order=order.event,
        ground=True,
        via_order=True,
        order_period=order.period,
    )
