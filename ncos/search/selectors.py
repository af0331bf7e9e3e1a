"""National person search: the only readers of the search index. Access-scoped and audited.

* `search_persons(actor=, query=, page=, page_size=)` — the search page and the API.
* `possible_duplicates(actor=, family_name=, given_names=, date_of_birth=, aliases=)` — the
  register's "Register a person" page, before a record is created.

Each call checks that the actor's role may search at all (registrar, case manager, investigator,
competent authority; ACT s 118), decides every result with `ncos.access.policy` (protected
persons become a stub for users without clearance: nothing of the record is returned, not even
which detail matched; ACT s 119, NSW s 19A), and writes exactly one `record_search` audit row
with the terms and the ids of every result (stubbed ones included, so the trail is complete) —
marked protected when a protected person is among them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q

from ncos.access.actions import Action
from ncos.access.guard import authorize
from ncos.access.policy import RecordRef, decide
from ncos.access.subjects import subject_of
from ncos.audit import record as audit
from ncos.search import engine
from ncos.search import normalise as n
from ncos.search.models import SearchKey
from ncos.search.query import Criteria, SearchQuery
from ncos.search.ranking import MATCH_THRESHOLD, name_score

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


@dataclass
class Result:
    """A person the actor may see, with why they matched."""

    person_id: uuid.UUID
    national_id: str
    display_name: str
    family_name: str
    given_names: str
    date_of_birth: date
    status: str
    record_kind: str
    managing_jurisdiction: str
    protected: bool
    score: int  # 0-100
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Restricted:
    """A protected record the actor may not see: the managing registry to contact, nothing else."""

    managing_jurisdiction: str


@dataclass
class SearchPage:
    results: list[Result]
    restricted: list[Restricted]
    total: int
    page: int
    page_size: int
    truncated: bool = False
    too_broad: bool = False

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def _display_name(family: str, given: str) -> str:
    return f"{family.upper()}, {given}" if given else family.upper()


def _folded_display(value: str) -> str:
    given, family = n.split_name_value(value)
    return _display_name(" ".join(family), " ".join(t.title() for t in given))


def _role_gate(actor: Any) -> None:
    authorize(
        actor,
        Action.PERSON_SEARCH,
        RecordRef(managing_jurisdiction=actor.jurisdiction_id or ""),
        object_type="search",
    )


def _audit(actor: Any, terms: dict[str, Any], hits: Sequence[engine.Hit]) -> None:
    audit.record_search(
        actor=actor,
        action=Action.PERSON_SEARCH.value,
        terms=terms,
        result_ids=[h.person_id for h in hits],
        protected_in_results=any(h.protected for h in hits),
    )


def _name_reason(hit: engine.Hit) -> str:
    kinds = {
        "current": "name",
        "birth": "name at birth",
        "previous": "previous name",
        "alias": "alias",
        "nickname": "nickname",
    }
    what = kinds.get(hit.matched_label, "name")
    if not hit.matched_current and what == "name":
        what = "previous name"
    exact = hit.score >= 0.999
    return f"{what} {'matches' if exact else 'is like'} {_folded_display(hit.matched_name)}"


def _identifier_reasons(c: Criteria, hits: list[engine.Hit]) -> dict[uuid.UUID, list[str]]:
    """Which identifier/address keys each shown hit matched (one small query for the page)."""
    wanted = {(k, v) for alternatives in c.identifiers for k, v in alternatives}
    out: dict[uuid.UUID, list[str]] = {h.person_id: [] for h in hits}
    if not hits or not (wanted or c.address_tokens):
        return out
    kinds = {k for k, _ in wanted} | ({n.ADDRESS} if c.address_tokens else set())
    rows = (
        SearchKey.objects.filter(person_id__in=list(out), kind__in=kinds)
        .values_list("person_id", "kind", "value", "current")
        .order_by("person_id", "kind", "value")
    )
    for person_id, kind, value, current in rows:
        if kind == n.ADDRESS:
            if not all(f" {t}" in value for t in c.address_tokens):
                continue
            text = "current address" if current else "former address"
        elif (kind, value) in wanted:
            text = n.KIND_LABELS[kind] + ("" if current else " (no longer used)")
        else:
            continue
        if text not in out[person_id]:
            out[person_id].append(text)
    return out


def _result(hit: engine.Hit, reasons: list[str]) -> Result:
    return Result(
        person_id=hit.person_id,
        national_id=hit.national_id,
        display_name=_display_name(hit.family_name, hit.given_names),
        family_name=hit.family_name,
        given_names=hit.given_names,
        date_of_birth=hit.date_of_birth,
        status=hit.status,
        record_kind=hit.record_kind,
        managing_jurisdiction=hit.managing_jurisdiction,
        protected=hit.protected,
        score=round(hit.score * 100),
        reasons=reasons,
    )


def _split_by_access(actor: Any, hits: Iterable[engine.Hit]) -> tuple[list[engine.Hit], set[str]]:
    subject = subject_of(actor)
    visible: list[engine.Hit] = []
    restricted: set[str] = set()
    for hit in hits:
        decision = decide(
            subject,
            Action.PERSON_SEARCH,
            RecordRef(managing_jurisdiction=hit.managing_jurisdiction, protected=hit.protected),
        )
        if decision.allowed:
            visible.append(hit)
        elif decision.stub:
            restricted.add(hit.managing_jurisdiction)
    return visible, restricted


def search_persons(
    *, actor: Any, query: SearchQuery, page: int = 1, page_size: int = DEFAULT_PAGE_SIZE
) -> SearchPage:
    """Search the national register. Raises `RuleViolation` for an unusable query (nothing is
    searched, nothing audited) and `AccessDenied` for a role that may not search (audited)."""
    _role_gate(actor)
    criteria = query.criteria()
    page_size = max(1, min(page_size, MAX_PAGE_SIZE))
    terms = query.terms()
    try:
        ranked = engine.rank(criteria)
    except engine.TooBroad as broad:
        _audit(actor, {**terms, "refused": f"more than {broad.candidates} candidates"}, [])
        return SearchPage([], [], 0, 1, page_size, too_broad=True)
    _audit(actor, {**terms, "page": page}, ranked.hits)
    visible, restricted = _split_by_access(actor, ranked.hits)
    total = len(visible)
    last_page = max(1, -(-total // page_size))
    page = max(1, min(page, last_page))
    shown = visible[(page - 1) * page_size : page * page_size]
    extra = _identifier_reasons(criteria, shown)
    results = []
    for hit in shown:
        reasons = [_name_reason(hit)] if criteria.has_name else []
        if criteria.born_from or criteria.born_to:
            reasons.append("date of birth")
        if criteria.national_id:
            reasons.append("national id")
        results.append(_result(hit, reasons + extra.get(hit.person_id, [])))
    return SearchPage(
        results=results,
        restricted=[Restricted(j) for j in sorted(restricted)],
        total=total,
        page=page,
        page_size=page_size,
        truncated=ranked.truncated,
    )


# --- duplicate prevention -------------------------------------------------------------------


@dataclass
class Match:
    """A possible existing record of the person about to be registered.

    When `restricted` is True only `person_id` and `managing_jurisdiction` are set: the actor
    may not see the record (protected person), so nothing else of it is returned.
    """

    person_id: uuid.UUID
    restricted: bool
    managing_jurisdiction: str
    national_id: str = ""
    display_name: str = ""
    date_of_birth: date | None = None
    status: str = ""
    score: int = 0
    reasons: list[str] = field(default_factory=list)


DUPLICATE_NAME_FLOOR = 0.70  # with the same date of birth, a weaker name still counts


def _dob_similarity(a: date, b: date) -> tuple[float, str]:
    if a == b:
        return 1.0, "same date of birth"
    if (a.year, a.month, a.day) == (b.year, b.day, b.month):
        return 0.8, "date of birth with day and month swapped"
    if a.year == b.year and (a.month == b.month or a.day == b.day):
        return 0.7, "similar date of birth"
    if abs((a - b).days) <= 366:
        return 0.4, "date of birth within a year"
    return 0.0, ""


def _duplicate_candidates(
    names: list[list[str]], date_of_birth: date
) -> dict[uuid.UUID, engine.Hit]:
    condition = Q()
    for tokens in names:
        if tokens:
            condition |= engine.name_key_filter(tokens)
    keys = SearchKey.objects.filter(condition).values("person_id")
    base = engine.person_model().objects.filter(merged_into__isnull=True, id__in=keys)
    fields = engine.PERSON_FIELDS
    rows = list(base.order_by().values_list(*fields)[: engine.CANDIDATE_LIMIT + 1])
    if len(rows) > engine.CANDIDATE_LIMIT:
        # A very common name: keep those born within two years either side.
        window = base.filter(
            date_of_birth__gte=date(max(1, date_of_birth.year - 2), 1, 1),
            date_of_birth__lte=date(min(9999, date_of_birth.year + 2), 12, 31),
        )
        rows = list(
            window.order_by(*engine.SQL_ORDER).values_list(*fields)[: engine.CANDIDATE_LIMIT]
        )
    # Same date of birth and a family name that sounds alike, even if the given names differ.
    family = names[0][-1:] if names and names[0] else []
    if family:
        same_dob = engine.person_model().objects.filter(
            merged_into__isnull=True,
            date_of_birth=date_of_birth,
            id__in=SearchKey.objects.filter(engine.name_key_filter(family)).values("person_id"),
        )
        rows += list(same_dob.order_by(*engine.SQL_ORDER).values_list(*fields)[:200])
    return {row[0]: engine.Hit(*row) for row in rows}


def possible_duplicates(
    *,
    actor: Any,
    family_name: str,
    given_names: str,
    date_of_birth: date,
    aliases: Sequence[tuple[str, str]] = (),
    limit: int = 10,
) -> list[Match]:
    """Existing records that may be the person about to be registered, best first.

    Scores combine the best name similarity over the person's names and aliases (typed and
    held) with the date of birth: 70% name, 30% date of birth. One audit row.
    """
    _role_gate(actor)
    typed = [(n.name_tokens(given_names), n.name_tokens(family_name))]
    typed += [(n.name_tokens(g), n.name_tokens(f)) for f, g in aliases]
    typed = [(g, f) for g, f in typed if g or f]
    hits = _duplicate_candidates([g + f for g, f in typed], date_of_birth) if typed else {}
    best: dict[uuid.UUID, tuple[float, str, str, bool]] = {}
    names = (
        SearchKey.objects.filter(kind=n.NAME, person_id__in=list(hits))
        .values_list("person_id", "value", "label", "current")
        .order_by("value")
    )
    for person_id, value, label, current in names:
        for given, family in typed:
            score = name_score([], given, family, value)
            if score > best.get(person_id, (-1.0, "", "", True))[0]:
                best[person_id] = (score, value, label, current)
    scored: list[tuple[float, engine.Hit, list[str]]] = []
    for person_id, (name_sim, value, label, current) in best.items():
        hit = hits[person_id]
        dob_sim, dob_reason = _dob_similarity(date_of_birth, hit.date_of_birth)
        if name_sim < MATCH_THRESHOLD and not (dob_sim == 1.0 and name_sim >= DUPLICATE_NAME_FLOOR):
            continue
        hit.score, hit.matched_name, hit.matched_label, hit.matched_current = (
            name_sim,
            value,
            label,
            current,
        )
        reasons = [_name_reason(hit)] + ([dob_reason] if dob_reason else [])
        scored.append((0.7 * name_sim + 0.3 * dob_sim, hit, reasons))
    scored.sort(key=lambda s: (-s[0], s[1].family_name, s[1].given_names, s[1].national_id))
    top = scored[:limit]
    audit.record_search(
        actor=actor,
        action=Action.PERSON_SEARCH.value,
        terms={
            "purpose": "duplicate check before registration",
            "family_name": family_name,
            "given_names": given_names,
            "date_of_birth": date_of_birth.isoformat(),
            "aliases": [list(a) for a in aliases],
        },
        result_ids=[hit.person_id for _, hit, _ in top],
        protected_in_results=any(hit.protected for _, hit, _ in top),
    )
    subject = subject_of(actor)
    matches: list[Match] = []
    restricted: list[Match] = []  # listed last: their place in the order would hint at a score
    for total, hit, reasons in top:
        decision = decide(
            subject,
            Action.PERSON_SEARCH,
            RecordRef(managing_jurisdiction=hit.managing_jurisdiction, protected=hit.protected),
        )
        if not decision.allowed:
            restricted.append(Match(hit.person_id, True, hit.managing_jurisdiction))
            continue
        matches.append(
            Match(
                person_id=hit.person_id,
                restricted=False,
                managing_jurisdiction=hit.managing_jurisdiction,
                national_id=hit.national_id,
                display_name=_display_name(hit.family_name, hit.given_names),
                date_of_birth=hit.date_of_birth,
                status=hit.status,
                score=round(total * 100),
                reasons=reasons,
            )
        )
    return matches + restricted
