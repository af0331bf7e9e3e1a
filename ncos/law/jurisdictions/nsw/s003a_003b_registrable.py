"""Part 2: who is a registrable person (s 3A), when a person ceases to be one (s 3B), and the
2024 transitional rule (Sch 2 cl 33).

> In this Act, each of the following is a registrable person (a) a person subject to a
> registrable person order, (b) a person subject to a child protection registration order, (c) a
> corresponding registrable person, (d) a person who has been found guilty by a court of an
> offence specified in section 2D(1)(c) or (2)(c), (e) a person who was a registrable person
> immediately before the commencement of this subsection, as substituted by the Child Protection
> (Offenders Registration) Amendment Act 2024.

> Unless a person is a corresponding registrable person, a person is not a registrable person
> merely because the person— (a) is a person in respect of whom a court has made an order under
> section 10 of the Crimes (Sentencing Procedure) Act 1999 or section 33 (1) (a) of the Children
> (Criminal Proceedings) Act 1987 (or an equivalent order under the laws of a foreign
> jurisdiction) in respect of a Class 1 or Class 2 offence, or

> (d) is a person whom a court has found guilty of a registrable offence before 15 October 2001,
> unless the person is an existing controlled person or the offence results in the making of a
> child protection registration order against the person.

> A person ceases to be a registrable person if— (a) the finding of guilt against the person for
> the only offence that makes the person a registrable person is quashed or set aside by a court,

> New section 3C does not apply to a court sentencing a person before the commencement of that
> section.

Before 29 September 2025 a person sentenced for a registrable offence was a registrable person
without any order; such a person remains one (s 3A (1) (e)). The former s 3A (2) (b)–(c)
exclusions for some young offenders are repealed and not in the supplied text, so they are not
evaluated (NSW-R2). An offence convicted outside NSW (`jurisdiction_of_conviction` other than NSW)
that is a Class 1 or Class 2 offence makes the person registrable under s 3A (1) (d) with no NSW
order (NSW-R3); an offence without `jurisdiction_of_conviction` is a NSW conviction (NSW-R4).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from ncos.law.contract import read_date
from ncos.law.facts import Event, Offence
from ncos.law.jurisdictions.nsw.common import NswContext, fmt, s
from ncos.law.jurisdictions.nsw.s002b_002i_definitions import (
    Finding,
    classify,
    is_child,
    new_finding,
    quashed,
)
from ncos.law.jurisdictions.nsw.s003c_003h_orders import (
    Order,
    cpro_finding,
    cpro_for,
    decide_rpo,
    orders,
)


@dataclass
class Registrability:
    findings: list[Finding] = field(default_factory=list)
    """Every finding of guilt that counts for the reporting period ("ever been found guilty")."""
    orders: list[Order] = field(default_factory=list)
    corresponding: list[Event] = field(default_factory=list)
    registrable: bool = False

    @property
    def grounds(self) -> list[Finding]:
        return [f for f in self.findings if f.ground]

    @property
    def via_orders(self) -> bool:
        return any(f.via_order for f in self.grounds)


def _amended(ctx: NswContext, o: Offence) -> Offence:
    """The offence with its sentence as altered on appeal (s 3B (b); s 3CA (3))."""
    for e in ctx.of("sentence_amended"):
        if e.ref != o.ref:
            continue
        nco = e.extra.get("non_conviction_order")
        custodial = e.extra.get("custodial")
        release = e.extra.get("custody_release_date")
        if isinstance(nco, bool):
            o = replace(o, non_conviction_order=nco)
        if isinstance(custodial, bool):
            o = replace(o, custodial=custodial)
        if isinstance(release, str):
            o = replace(
                o, custody_release_date=read_date(release, f"{e.path}.custody_release_date")
            )
        ctx.builder.step(
            f"{o.ref}: the sentence was altered on appeal"
            + (f" on {fmt(e.day)}" if e.day else "")
            + "; the amended sentence is used as if it were the original",
            s("s 3B (b)"),
        )
    return o


def _ground(
    ctx: NswContext, f: Finding, o: Offence, orders_: list[Order], adults: set[date]
) -> None:
    """Whether this finding, on its own, makes him a registrable person."""
    b = ctx.builder
    commencement = ctx.params.value("amendment_2024_commencement")
    cutoff = ctx.params.value("registrable_finding_cutoff")
    assert isinstance(commencement, date)  # noqa: S101 - the parameter file is validated
    assert isinstance(cutoff, date)  # noqa: S101 - the parameter file is validated
    found = f.found_guilty
    assert found is not None  # noqa: S101 - callers pass found findings only
    if o.non_conviction_order:
        b.step(
            f"{o.ref}: the court made a no conviction order (Crimes (Sentencing Procedure) Act "
            "1999 s 10 or an equivalent order); that alone does not make him a registrable person",
            s("s 3A (2) (a)"),
            *((s("s 3C (1) (a)"),) if not f.foreign and o.date_sentenced else ()),
        )
        return
    if found < cutoff:
        b.step(
            f"{o.ref}: he was found guilty on {fmt(found)}, before {fmt(cutoff)}, so (unless a "
            "child protection registration order is made, or he was an existing controlled "
            "person) it does not make him a registrable person",
            s("s 3A (2) (d)"),
        )
        return
    if f.foreign:
        sub = "1" if f.offence_class == "class1" else "2"
        f.ground = True
        b.step(
            f"{o.ref}: he was found guilty of it by a court of {o.jurisdiction_of_conviction}, a "
            f"foreign jurisdiction; it is an offence specified in s 2D ({sub}) (c), so he is a "
            "registrable person without any NSW order",
            s("s 3A (1) (d)"),
            s(f"s 2D ({sub}) (c)"),
        )
        return
    if o.date_sentenced is None:
        b.step(
            f"{o.ref}: he has not been sentenced for it; a registrable person order is made by the "
            "court that sentences him (s 3C (1)), so it does not yet make him a registrable person",
            s("s 3C (1)"),
        )
        return
    if o.date_sentenced < commencement:
        f.ground = True
        young = (
            " The former young-offender exclusions (s 3A (2) (b)–(c), repealed in 2024) are not "
            "in the supplied Act and are not evaluated."
            if f.child
            else ""
        )
        b.step(
            f"{o.ref}: he was sentenced for it on {fmt(o.date_sentenced)}, before the "
            f"Child Protection (Offenders Registration) Amendment Act 2024 commenced on "
            f"{fmt(commencement)}; the new registrable person order regime does not apply to "
            "that sentence, and a person sentenced for a registrable offence was then a "
            "registrable person, so he remains one." + young,
            s("s 3A (1) (e)"),
            s("Sch 2 cl 33 (2)"),
        )
        return
    decide_rpo(ctx, f, o, orders_, adults)


def _adult_sentence_days(ctx: NswContext, classes: dict[str, str]) -> set[date]:
    """Days of NSW sentences (on or after commencement) for an offence committed as an adult."""
    commencement = ctx.params.value("amendment_2024_commencement")
    assert isinstance(commencement, date)  # noqa: S101 - validated parameter file
    out: set[date] = set()
    for o in ctx.case.offences:
        where = o.jurisdiction_of_conviction
        if (
            classes.get(o.ref, "none") != "none"
            and o.date_sentenced is not None
            and o.date_sentenced >= commencement
            and (where is None or where == "NSW")
            and not o.non_conviction_order
            and quashed(ctx, o.ref) is None
            and is_child(ctx, o.date_committed) is not True
        ):
            out.add(o.date_sentenced)
    return out


def assess_registrable(ctx: NswContext) -> Registrability:
    b = ctx.builder
    classes: dict[str, str] = {}
    amended: dict[str, Offence] = {}
    for o in ctx.case.offences:
        classes[o.ref] = classify(ctx, o)
        amended[o.ref] = _amended(ctx, o)
    out = Registrability(orders=orders(ctx))
    adults = _adult_sentence_days(ctx, classes)
    lost: list[str] = []
    for o0 in ctx.case.offences:
        o = amended[o0.ref]
        q = quashed(ctx, o.ref)
        cpro = cpro_for(out.orders, o.ref)
        offence_class = classes[o.ref]
        if q is not None and (offence_class != "none" or cpro is not None):
            b.step(
                f"{o.ref}: the finding of guilt was quashed or set aside"
                + (f" on {fmt(q.day)}" if q.day else "")
                + ", so it is not a finding of guilt for this Act",
                s("s 2B (2A)"),
            )
            lost.append(o.ref)
            continue
        if cpro is not None:
            out.findings.append(cpro_finding(ctx, cpro, o))
            continue
        if offence_class not in ("class1", "class2"):
            continue
        f = new_finding(ctx, o, "class1" if offence_class == "class1" else "class2")
        if f.found_guilty is None:
            b.step(
                f"{o.ref}: no finding of guilt or sentence is recorded for it, so it is not "
                "counted",
                s("s 2B (2)"),
            )
            continue
        _ground(ctx, f, o, out.orders, adults)
        out.findings.append(f)
    for order in out.orders:
        if not order.active:
            continue
        if order.cpro and (order.ref is None or ctx.case.offence(order.ref) is None):
            out.findings.append(cpro_finding(ctx, order, None))
    out.corresponding = list(ctx.of("corresponding_offender"))
    for e in out.corresponding:
        origin = e.from_ or "a foreign jurisdiction"
        b.step(
            f"He is required to report to the corresponding registrar of {origin}"
            + (f" (from {fmt(e.day)})" if e.day else "")
            + ": he is a corresponding registrable person and so a registrable person",
            s("s 3L (1) (a)"),
            s("s 3A (1) (c)"),
        )
    out.registrable = bool(out.grounds) or bool(out.corresponding)
    if not out.registrable and lost:
        b.step(
            "The finding of guilt for the only offence that made him a registrable person was "
            "quashed or set aside: he has ceased to be a registrable person",
            s("s 3B (a)"),
        )
    elif not out.registrable:
        b.step("He is not a registrable person", s("s 3A (1)"))
    return out
