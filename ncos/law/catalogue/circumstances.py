"""Evaluating a row's circumstances against the facts of one offence.

Three-valued, as a court reads a record: a circumstance is established (True), shown not to
apply (False), or not established because a fact it needs was not given (None). "all" is False
as soon as one part is False, "any" is True as soon as one part is True, "not" keeps None.

A class 1 or class 2 offence is an offence "committed in the circumstances (if any) mentioned in
column 4" (ACT s 10 (2), (3)); NSW Sch 1A and 1B state theirs in a "Circumstances" column. The
consequences of registration are penal (failing to report is an offence: ACT s 58A), so a
circumstance that the facts do not establish is not treated as met: the offence is not a class
1 or class 2 offence on those facts, and the classification says which fact is missing and what
the class would be if it were established.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ncos.law.catalogue.model import (
    FACTS,
    AllOf,
    AnyOf,
    Condition,
    Fact,
    Not,
    OffenceFacts,
    OffenderAge,
    ScheduleRow,
    Underlying,
    VictimAge,
)
from ncos.law.catalogue.normalise import Provision, parse_provision


@dataclass(frozen=True, slots=True)
class Outcome:
    value: bool | None
    reasons: tuple[str, ...] = ()
    """What the facts showed, as clauses a registrar can read."""
    missing: tuple[str, ...] = ()
    """Facts that were needed and not given."""
    cites: tuple[str, ...] = ()
    """Provisions relied on beyond the row itself (a definition the circumstance uses)."""


UnderlyingRule = Callable[[Underlying, OffenceFacts], Outcome]


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _merge(value: bool | None, parts: Iterable[Outcome]) -> Outcome:
    ps = tuple(parts)
    return Outcome(
        value,
        _unique(r for p in ps for r in p.reasons),
        _unique(m for p in ps for m in p.missing),
        _unique(c for p in ps for c in p.cites),
    )


def _age_clause(who: str, age: int, op: str, years: int, source: str) -> tuple[bool, str]:
    holds = age < years if op == "under" else age >= years
    relation = "under" if op == "under" else "at least"
    verdict = relation if holds else f"not {relation}"
    clause = f"the {who} was {age} on the day the offence was committed ({source})"
    return holds, f"{clause}: {verdict} {years}"


def _victim(cond: VictimAge, facts: OffenceFacts) -> Outcome:
    age = facts.victim_age_at_offence()
    cites = (cond.cite,) if cond.cite else ()
    if age is None:
        return Outcome(None, missing=("the victim's age on the day the offence was committed",))
    if facts.victim_date_of_birth is not None and facts.date_committed is not None:
        source = f"born {facts.victim_date_of_birth}, offence {facts.date_committed}"
    else:
        source = "age as given"
    holds, clause = _age_clause("victim", age, cond.op, cond.years, source)
    return Outcome(holds, (clause,), (), cites)


def _offender(cond: OffenderAge, facts: OffenceFacts) -> Outcome:
    age = facts.offender_age_at_offence()
    cites = (cond.cite,) if cond.cite else ()
    if age is None:
        return Outcome(None, missing=("the offender's age on the day the offence was committed",))
    if facts.offender_date_of_birth is not None and facts.date_committed is not None:
        source = f"born {facts.offender_date_of_birth}, offence {facts.date_committed}"
    else:
        source = "age as given"
    holds, clause = _age_clause("offender", age, cond.op, cond.years, source)
    return Outcome(holds, (clause,), (), cites)


def _fact(cond: Fact, facts: OffenceFacts) -> Outcome:
    meaning = FACTS[cond.name]
    given = facts.fact(cond.name)
    if given is None:
        return Outcome(None, missing=(f"whether {meaning}",))
    clause = f"as given, {meaning}" if given else f"as given, it is not so that {meaning}"
    return Outcome(given == cond.value, (clause,))


def evaluate(condition: Condition, facts: OffenceFacts, underlying: UnderlyingRule) -> Outcome:
    """Whether `condition` holds on `facts` (True, False or None for not established)."""
    match condition:
        case VictimAge():
            return _victim(condition, facts)
        case OffenderAge():
            return _offender(condition, facts)
        case Fact():
            return _fact(condition, facts)
        case Underlying():
            return underlying(condition, facts)
        case Not(condition=inner):
            out = evaluate(inner, facts, underlying)
            return Outcome(None if out.value is None else not out.value, *_rest(out))
        case AllOf(conditions=parts):
            outs = [evaluate(c, facts, underlying) for c in parts]
            if any(o.value is False for o in outs):
                return _merge(False, (o for o in outs if o.value is False))
            if all(o.value is True for o in outs):
                return _merge(True, outs)
            return _merge(None, outs)
        case AnyOf(conditions=parts):
            outs = [evaluate(c, facts, underlying) for c in parts]
            if any(o.value is True for o in outs):
                return _merge(True, (o for o in outs if o.value is True))
            if all(o.value is False for o in outs):
                return _merge(False, outs)
            return _merge(None, (o for o in outs if o.value is not False))
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover


def fact_names(condition: Condition | None) -> tuple[str, ...]:
    match condition:
        case Fact(name=name):
            return (name,)
        case AllOf(conditions=cs) | AnyOf(conditions=cs):
            return tuple(n for c in cs for n in fact_names(c))
        case Not(condition=c):
            return fact_names(c)
        case _:
            return ()


def presume(
    row: ScheduleRow, offence: Provision | None, facts: OffenceFacts
) -> tuple[OffenceFacts, str]:
    rule = row.presumed
    if rule is None or offence is None or facts.fact(rule.fact) is not None:
        return facts, ""
    listed = [parse_provision(p) for p in rule.provisions]
    if not any(p is not None and p.section == offence.section for p in listed):
        return facts, ""
    given = dict(facts.facts)
    given[rule.fact] = True
    reason = f"{FACTS[rule.fact]}: every offence against {offence} does ({rule.basis})"
    return replace(facts, facts=given), reason


def _rest(out: Outcome) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    return out.reasons, out.missing, out.cites
