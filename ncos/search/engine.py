"""Candidate retrieval (index lookups) and ranking. No access decisions and no audit here: the
selectors (`ncos.search.selectors`) apply both to what this returns.

Every criterion is one condition on the register's `Person` (a filter, or ``id IN (keys…)``), so
the database intersects them with its indexes. With a name, at most `CANDIDATE_LIMIT` candidates
are re-ranked in Python (`ncos.search.ranking`); without one, all matches are exact and ordered
by name in SQL. Both orders end with the national id, so they are total and identical on SQLite
and PostgreSQL.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from ncos.search import normalise as n
from ncos.search.models import SearchKey
from ncos.search.query import Criteria
from ncos.search.ranking import MATCH_THRESHOLD, name_score

CANDIDATE_LIMIT = 3000  # more name candidates than this: ask the user to narrow the search
MAX_RESULTS = 1000  # a result list never holds more than this (the user is told)
PERSON_FIELDS = (
    "id",
    "national_id",
    "family_name",
    "given_names",
    "date_of_birth",
    "status",
    "record_kind",
    "managing_jurisdiction_id",
    "protected",
)
SQL_ORDER = ("family_name", "given_names", "date_of_birth", "national_id")


class TooBroad(Exception):
    """More candidates than can be ranked; the user must add a detail."""

    def __init__(self, candidates: int) -> None:
        super().__init__(f"more than {candidates} candidates")
        self.candidates = candidates


@dataclass
class Hit:
    """One ranked person (all fields of the register's row: the selector decides what shows)."""

    person_id: uuid.UUID
    national_id: str
    family_name: str
    given_names: str
    date_of_birth: date
    status: str
    record_kind: str
    managing_jurisdiction: str
    protected: bool
    score: float = 1.0
    matched_name: str = ""  # folded "given|family" of the best-scoring name
    matched_label: str = ""  # its type: current, alias, previous, birth, nickname
    matched_current: bool = True
    reasons: list[str] = field(default_factory=list)


@dataclass
class Ranked:
    hits: list[Hit]
    truncated: bool = False  # more than MAX_RESULTS matched


def person_model() -> Any:
    """The register's Person (imported lazily: the registry imports `ncos.search.index`)."""
    from ncos.registry.models import Person

    return Person


def name_key_filter(tokens: list[str]) -> Q:
    """The key condition for a name query: for two or more tokens, a pair of them sounds like a
    pair of one held name, or one is a typing slip away while the other sounds alike; for one
    token, the token sounds like a token of a held name."""
    if len(tokens) >= 2:
        keys = n.query_pair_keys(tokens) | n.query_typo_keys(tokens)
        return Q(kind=n.NAME_PAIR, value__in=sorted(keys))
    return Q(kind=n.NAME_TOKEN, value__in=sorted(n.single_token_codes(tokens[0])))


def _conditions(c: Criteria, prefix: str = "") -> Q:
    """Every criterion of `c` as one condition on a person (`prefix` reaches the person from
    another model, e.g. ``person__`` from a search key)."""
    pk = prefix.removesuffix("__") + "_id" if prefix else "id"  # "person_id" or "id"
    q = Q(**{f"{prefix}merged_into__isnull": True})
    if c.jurisdictions:
        q &= Q(**{f"{prefix}managing_jurisdiction_id__in": c.jurisdictions})
    if c.statuses:
        q &= Q(**{f"{prefix}status__in": c.statuses})
    if c.national_id:
        q &= Q(**{f"{prefix}national_id": c.national_id})
    if c.born_from:
        q &= Q(**{f"{prefix}date_of_birth__gte": c.born_from})
    if c.born_to:
        q &= Q(**{f"{prefix}date_of_birth__lte": c.born_to})
    for alternatives in c.identifiers:
        condition = Q()
        for kind, value in alternatives:
            condition |= Q(kind=kind, value=value)
        q &= Q(**{f"{pk}__in": SearchKey.objects.filter(condition).values("person_id")})
    if c.address_tokens:
        keys = SearchKey.objects.filter(kind=n.ADDRESS)
        for token in c.address_tokens:
            keys = keys.filter(value__contains=" " + token)
        q &= Q(**{f"{pk}__in": keys.values("person_id")})
    if c.has_name:
        keys = SearchKey.objects.filter(name_key_filter(c.name_tokens))
        q &= Q(**{f"{pk}__in": keys.values("person_id")})
    return q


def base_queryset(c: Criteria) -> QuerySet[Any]:
    """The persons matching every criterion of `c` except the fuzzy score threshold."""
    qs: QuerySet[Any] = person_model().objects.filter(_conditions(c))
    return qs


def _hit(row: tuple[Any, ...]) -> Hit:
    return Hit(*row)


NAMES_PER_PERSON = 4  # rows fetched per candidate before a search counts as too broad


def rank(c: Criteria, *, candidate_limit: int | None = None) -> Ranked:
    """All matches of `c`, best first (at most MAX_RESULTS). Raises TooBroad."""
    if candidate_limit is None:
        candidate_limit = CANDIDATE_LIMIT
    qs = base_queryset(c)
    if not c.has_name:
        rows = list(qs.order_by(*SQL_ORDER).values_list(*PERSON_FIELDS)[: MAX_RESULTS + 1])
        return Ranked([_hit(r) for r in rows[:MAX_RESULTS]], truncated=len(rows) > MAX_RESULTS)

    # One query: every held name of every candidate, with the candidate's own fields.
    row_limit = candidate_limit * NAMES_PER_PERSON
    rows = list(
        SearchKey.objects.filter(Q(kind=n.NAME) & _conditions(c, prefix="person__"))
        .order_by()
        .values_list("value", "label", "current", *(f"person__{f}" for f in PERSON_FIELDS))[
            : row_limit + 1
        ]
    )
    hits: dict[uuid.UUID, Hit] = {}
    names: list[tuple[uuid.UUID, str, str, bool]] = []
    for value, label, current, *person in rows:
        hit = hits.get(person[0])
        if hit is None:
            hit = hits[person[0]] = _hit(tuple(person))
        names.append((hit.person_id, value, label, current))
    if len(rows) > row_limit or len(hits) > candidate_limit:
        raise TooBroad(candidate_limit)
    score_names(c.free_tokens, c.given_tokens, c.family_tokens, hits, names)
    ranked = sorted(
        (h for h in hits.values() if h.score >= MATCH_THRESHOLD),
        key=lambda h: (-h.score, h.family_name, h.given_names, h.date_of_birth, h.national_id),
    )
    return Ranked(ranked[:MAX_RESULTS], truncated=len(ranked) > MAX_RESULTS)


def score_names(
    free: list[str],
    given: list[str],
    family: list[str],
    hits: dict[uuid.UUID, Hit],
    names: list[tuple[uuid.UUID, str, str, bool]] | None = None,
) -> None:
    """Set each hit's score to its best name's score (0 when it has no name keys). `names` are
    ``(person_id, value, label, current)`` rows; fetched here when not given."""
    for hit in hits.values():
        hit.score = 0.0
    if not hits:
        return
    if names is None:
        names = list(
            SearchKey.objects.filter(kind=n.NAME, person_id__in=list(hits)).values_list(
                "person_id", "value", "label", "current"
            )
        )
    # Ties go to the first name in (value, label) order: the same on every database.
    names.sort(key=lambda row: (row[1], row[2]))
    scores: dict[str, float] = {}  # common names repeat: score each distinct name once
    for person_id, value, label, current in names:
        hit = hits[person_id]
        score = scores.get(value)
        if score is None:
            score = scores[value] = name_score(free, given, family, value)
        better = score > hit.score or (
            score == hit.score and (label == "current") and hit.matched_label != "current"
        )
        if better:
            hit.score = score
            hit.matched_name = value
            hit.matched_label = label
            hit.matched_current = current
