"""`classify`: the class of one offence under the ACT or NSW Act, with its explanation.

The order of the rules, general rule first and then what displaces it:

1. An attempt, conspiracy or incitement (`OffenceFacts.inchoate`): NSW s 2D (1) (d), (2) (d) give
   it the class of the offence attempted; the ACT Act has no such rule (s 10 lists only the
   offences in the schedules), so in the ACT it is not a class 1 or class 2 offence — a court may
   instead make a child sex offender registration order (s 15).
2. The rows the offence's Act and provision match (schedule rows, and NSW s 2D rows), each with
   its circumstances evaluated (`circumstances.evaluate`). The class is the highest class of a
   row whose circumstances are established.
3. An offence against a law of a foreign jurisdiction that no row names: the class the offence
   it corresponds to would have had if committed in the jurisdiction (ACT sch 1 pt 1.2 item 12,
   sch 2 pt 2.2 item 40; NSW s 2D (1) (c), (2) (c)), when the registrar gives that offence
   (`equivalent_act` / `equivalent_provision`).
4. Otherwise ``none`` — never an error.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ncos.law.catalogue.circumstances import Outcome, UnderlyingRule, evaluate, fact_names, presume
from ncos.law.catalogue.index import Catalogue, Match, catalogue
from ncos.law.catalogue.model import (
    CLASS_RANK,
    FACTS,
    Classification,
    OffenceClass,
    OffenceFacts,
    ScheduleRow,
    Step,
    Underlying,
)
from ncos.law.catalogue.normalise import MatchKind, parse_act, parse_provision
from ncos.law.catalogue.wording import (
    CLASS_WORDS,
    long_citation,
    none_sections,
    none_words,
    offence_label,
    requirement,
)


@dataclass(frozen=True, slots=True)
class _Evaluated:
    match: Match
    outcome: Outcome


def _split_section_only(label: str, evaluated: list[_Evaluated]) -> list[_Evaluated]:
    """A section cited without its subsection matches every listed subsection of it; when those
    rows would give different classes, the subsection decides, so the higher ones are left open
    (not established) until it is given (interpretation C1)."""
    loose = [e for e in evaluated if e.match.kind is MatchKind.LESS_SPECIFIC]
    if len(loose) == len(evaluated) and loose:
        ranks = {CLASS_RANK[e.match.row.offence_class] for e in loose if e.outcome.value is True}
        if len(ranks) > 1:
            low = min(ranks)
            missing = f"which subsection of the section {label} names the offence is against"
            return [
                replace(e, outcome=Outcome(None, missing=(missing,)))
                if CLASS_RANK[e.match.row.offence_class] > low
                else e
                for e in evaluated
            ]
    return evaluated


class _Classifier:
    def __init__(self, cat: Catalogue, depth: int = 0) -> None:
        self.cat = cat
        self.depth = depth

    # --- the rule for `underlying` circumstances ---

    def underlying(self, row: ScheduleRow, cond: Underlying, facts: OffenceFacts) -> Outcome:
        if facts.underlying_provision is None or self.depth > 2:
            return Outcome(None, missing=(f"the offence that {row.label} is about",))
        act = facts.underlying_act or f"{row.act} ({row.act_jurisdiction})"
        label = offence_label(act, facts.underlying_provision)
        inner = replace(facts, underlying_act=None, underlying_provision=None, inchoate=None)
        sub = _Classifier(self.cat, self.depth + 1)
        if cond.scope == "provisions":
            ok = parse_act(act).matches(parse_act(f"{row.act} ({row.act_jurisdiction})"))
            target = parse_provision(facts.underlying_provision)
            listed = [parse_provision(r) for r in cond.refs]
            ok = (
                ok
                and target is not None
                and any(p is not None and p.section == target.section for p in listed)
            )
            refs = ", ".join(cond.refs)
            verdict = "is" if ok else "is not"
            text = f"the underlying offence, {label}, {verdict} an offence under {refs}"
            return Outcome(ok, (text,))
        if cond.scope in ("class1", "class2"):
            result = sub.classify(act, facts.underlying_provision, inner)
            words = CLASS_WORDS[cond.scope]
            if result.offence_class == cond.scope:
                why = "; ".join(text.rstrip(".") for text, _ in result.steps)
                return Outcome(
                    True,
                    (f"the offence attempted, {label}, is {words} ({why})",),
                    cites=result.sections,
                )
            if result.possible_class == cond.scope:
                return Outcome(None, missing=result.missing_facts)
            return Outcome(False, (f"the offence attempted, {label}, is not {words}",))
        scope = tuple(
            r
            for r in self.cat.all_rows
            if r.schedule == row.schedule
            and r.part == row.part
            and r is not row
            and (cond.scope == "part" or r.item in cond.refs)
        )
        found = self.cat.matches(act, facts.underlying_provision, within=scope)
        evaluated = sub.evaluate(found, inner, facts.underlying_provision)
        where = f"{long_citation(row).rsplit(', item', 1)[0]}"
        if cond.scope == "items":
            where = f"items {cond.refs[0]} to {cond.refs[-1]} of {where}"
        met = [e for e in evaluated if e.outcome.value is True]
        if met:
            cite = met[0].match.row.citation
            detail = "; ".join((cite, *met[0].outcome.reasons))
            text = f"the underlying offence, {label}, is an offence specified in {where}"
            return Outcome(
                True,
                (f"{text} ({detail})",),
                cites=(cite, *met[0].outcome.cites),
            )
        open_ = [e for e in evaluated if e.outcome.value is None]
        if open_:
            return Outcome(None, missing=tuple(m for e in open_ for m in e.outcome.missing))
        text = f"the underlying offence, {label}, is not an offence specified in {where}"
        return Outcome(False, (text,))

    def _underlying_rule(self, row: ScheduleRow) -> UnderlyingRule:
        def rule(cond: Underlying, facts: OffenceFacts) -> Outcome:
            return self.underlying(row, cond, facts)

        return rule

    def evaluate(
        self, matches: tuple[Match, ...], facts: OffenceFacts, provision: str | None = None
    ) -> list[_Evaluated]:
        offence = parse_provision(provision) if provision is not None else None
        out: list[_Evaluated] = []
        for m in matches:
            row = m.row
            row_facts, presumed = presume(row, offence, facts)
            if row.conditions is None:
                outcome = Outcome(True)
            else:
                outcome = evaluate(row.conditions, row_facts, self._underlying_rule(row))
            if presumed:
                as_given = f"as given, {FACTS[row.presumed.fact]}" if row.presumed else ""
                kept = tuple(r for r in outcome.reasons if r != as_given)
                outcome = replace(outcome, reasons=(presumed, *kept))
            if m.kind is MatchKind.ANY_OFFENCE and any(
                row_facts.fact(name) is None for name in fact_names(row.conditions)
            ):
                # "any offence" rows (ACT sch 1 pt 1.1 item 1) are weighed only when the record
                # says whether the offence had the quality they need (interpretation C2).
                continue
            out.append(_Evaluated(m, outcome))
        return out

    # --- the classification ---

    def classify(self, act: str, provision: str, facts: OffenceFacts) -> Classification:
        label = offence_label(act, provision)
        if facts.inchoate is not None:
            return self.inchoate(act, provision, facts, label)
        matches = self.cat.matches(act, provision, conviction=facts.jurisdiction_of_conviction)
        if not matches:
            return self.unlisted(act, provision, facts, label)
        evaluated = self.evaluate(matches, facts, provision)
        if not evaluated:
            return self.unlisted(act, provision, facts, label)
        return self.decide(label, evaluated)

    def decide(self, label: str, evaluated: list[_Evaluated]) -> Classification:
        code = self.cat.jurisdiction
        steps: list[Step] = []
        assumptions: list[str] = []
        evaluated = _split_section_only(label, evaluated)
        met = [e for e in evaluated if e.outcome.value is True]
        best_met = max((CLASS_RANK[e.match.row.offence_class] for e in met), default=0)
        chosen = next((e for e in met if CLASS_RANK[e.match.row.offence_class] == best_met), None)
        if chosen is not None:
            row = chosen.match.row
            if chosen.match.kind is MatchKind.LESS_SPECIFIC:
                listed = [e for e in met if e.match.kind is MatchKind.LESS_SPECIFIC]
                names = " and ".join(dict.fromkeys(e.match.listed for e in listed))
                items = ", ".join(e.match.row.citation for e in listed)
                text = (
                    f"{label} is cited without a subsection; the schedule lists {names} "
                    f"({items}), and it is taken to be an offence against "
                    f"{'that provision' if len(listed) == 1 else 'one of them'}"
                )
                assumptions.append(text)
                cited = tuple(dict.fromkeys(s for e in listed for s in e.match.row.sections))
                steps.append((text + ".", cited))
            circ = ""
            if row.conditions is not None and row.full_circumstances:
                circ = (
                    f", committed in the circumstances that item states "
                    f"(\u201c{row.full_circumstances}\u201d): " + "; ".join(chosen.outcome.reasons)
                )
            elif chosen.outcome.reasons:
                circ = ": " + "; ".join(chosen.outcome.reasons)
            words = CLASS_WORDS[row.offence_class]
            offence_words = (
                f"an offence against the {row.act} ({row.act_jurisdiction})"
                if chosen.match.kind is MatchKind.ANY_OFFENCE
                else f"{row.full_description or row.label}"
            )
            steps.append(
                (
                    f"{label} is {words}: it is mentioned in {long_citation(row)} "
                    f"({offence_words}){circ}.",
                    row.sections + chosen.outcome.cites,
                )
            )
        # Rows of a higher class whose circumstances are not established either way.
        open_ = [
            e
            for e in evaluated
            if e.outcome.value is None and CLASS_RANK[e.match.row.offence_class] > best_met
        ]
        possible: OffenceClass | None = None
        missing: list[str] = []
        for e in open_:
            row = e.match.row
            if possible is None or CLASS_RANK[row.offence_class] > CLASS_RANK[possible]:
                possible = row.offence_class
            missing.extend(e.outcome.missing)
            given = f" ({'; '.join(e.outcome.reasons)})" if e.outcome.reasons else ""
            steps.append(
                (
                    f"{label} would be {CLASS_WORDS[row.offence_class]} under "
                    f"{long_citation(row)} if {requirement(row)}{given}, but "
                    f"{' and '.join(e.outcome.missing)} "
                    f"{'is' if len(e.outcome.missing) == 1 else 'are'} not given, so that is not "
                    f"established and the item is not applied.",
                    row.sections,
                )
            )
        if chosen is None:
            for e in evaluated:
                if e.outcome.value is False and e.match.kind is not MatchKind.ANY_OFFENCE:
                    row = e.match.row
                    steps.append(
                        (
                            f"{label} is mentioned in {long_citation(row)} only if "
                            f"{requirement(row)}: "
                            f"{'; '.join(e.outcome.reasons)}, so the item does not apply.",
                            row.sections + e.outcome.cites,
                        )
                    )
            steps.append(
                (
                    f"On the facts given, {label} is not a class 1 or class 2 offence.",
                    none_sections(code),
                )
            )
        return Classification(
            offence_class=chosen.match.row.offence_class if chosen is not None else "none",
            row=chosen.match.row if chosen is not None else None,
            steps=tuple(steps),
            rows=tuple(e.match.row for e in met),
            candidates=tuple(e.match.row for e in evaluated),
            missing_facts=tuple(dict.fromkeys(missing)),
            possible_class=possible,
            assumptions=tuple(assumptions),
        )

    def inchoate(self, act: str, provision: str, facts: OffenceFacts, label: str) -> Classification:
        kind = facts.inchoate or "attempt"
        what = {"attempt": "An attempt", "conspiracy": "A conspiracy", "incitement": "Incitement"}[
            kind
        ]
        target = self.__class__(self.cat, self.depth + 1).classify(
            act, provision, replace(facts, inchoate=None)
        )
        target_label = offence_label(act, provision)
        if self.cat.jurisdiction == "ACT":
            step: Step = (
                f"{what} to commit {target_label} is not itself an offence mentioned in "
                f"schedule 1 or schedule 2, and the Act does not extend the schedules to "
                f"attempts, conspiracy or incitement: it is not a class 1 or class 2 offence "
                f"(a court may make a child sex offender registration order for it: s 15).",
                ("s 10 (2)", "s 10 (3)", "s 15"),
            )
            return Classification("none", None, (step,), candidates=target.candidates)
        if target.offence_class == "none":
            step = (
                f"{what} to commit {target_label} is a Class 1 or Class 2 offence only if the "
                f"offence it is directed at is one; it is not (on the facts given).",
                ("s 2D (1) (d)", "s 2D (2) (d)"),
            )
            return Classification(
                "none",
                None,
                (*target.steps, step),
                candidates=target.candidates,
                missing_facts=target.missing_facts,
                possible_class=target.possible_class,
                assumptions=target.assumptions,
            )
        sub = "1" if target.offence_class == "class1" else "2"
        step = (
            f"{what} to commit {target_label} is {CLASS_WORDS[target.offence_class]}: "
            f"\u201can offence of attempting, or of conspiracy or incitement, to commit an "
            f"offence of a kind specified in this subsection\u201d.",
            (f"s 2D ({sub}) (d)",),
        )
        return replace(target, steps=(*target.steps, step))

    def unlisted(self, act: str, provision: str, facts: OffenceFacts, label: str) -> Classification:
        code = self.cat.jurisdiction
        law_of = parse_act(act).jurisdiction
        if law_of is None and facts.jurisdiction_of_conviction not in (None, code):
            law_of = facts.jurisdiction_of_conviction
        foreign = self.cat.foreign_rows()
        if law_of is None or law_of == code or not foreign:
            step = (
                f"{label} is not {none_words(code)}, so it is not a class 1 or class 2 offence.",
                none_sections(code),
            )
            return Classification("none", None, (step,))
        cites = tuple(s for r in foreign for s in r.sections)
        place = "the ACT" if code == "ACT" else "New South Wales"
        if facts.equivalent_provision is None or facts.equivalent_act is None or self.depth > 1:
            step = (
                f"{label} is an offence against a law of a foreign jurisdiction ({law_of}). It is "
                f"a class 1 or class 2 offence only if it would have been one had it been "
                f"committed in {place}; the offence it corresponds to is not given, so it is not "
                f"treated as a class 1 or class 2 offence.",
                cites,
            )
            return Classification(
                "none",
                None,
                (step,),
                missing_facts=(f"the offence it would have been had it been committed in {place}",),
            )
        inner = replace(
            facts, equivalent_act=None, equivalent_provision=None, jurisdiction_of_conviction=None
        )
        target = self.__class__(self.cat, self.depth + 1).classify(
            facts.equivalent_act, facts.equivalent_provision, inner
        )
        eq_label = offence_label(facts.equivalent_act, facts.equivalent_provision)
        if target.offence_class == "none":
            step = (
                f"{label} is an offence against a law of a foreign jurisdiction ({law_of}); had it "
                f"been committed in {place} it would have been {eq_label}, which is not a class 1 "
                f"or class 2 offence on the facts given.",
                cites,
            )
            return replace(target, steps=(*target.steps, step))
        row = next(r for r in foreign if r.offence_class == target.offence_class)
        step = (
            f"{label} is an offence against a law of a foreign jurisdiction ({law_of}) that, had "
            f"it been committed in {place}, would have been {eq_label}, "
            f"{CLASS_WORDS[target.offence_class]}: so it is "
            f"{CLASS_WORDS[target.offence_class]} ({long_citation(row)}).",
            row.sections,
        )
        return replace(
            target,
            row=row,
            rows=(row, *target.rows),
            steps=(*target.steps, step),
        )


def classify(
    jurisdiction: str, act: str, provision: str, facts: OffenceFacts | None = None
) -> Classification:
    """The class of the offence `act` `provision` under the ACT or NSW Act.

    Lenient about how the Act and provision are written (see `normalise`); an offence the
    catalogue does not know is ``none`` with a step saying so, never an error. Every
    classification carries its steps, each citing the sections it applied.
    """
    return _Classifier(catalogue(jurisdiction)).classify(act, provision, facts or OffenceFacts())
