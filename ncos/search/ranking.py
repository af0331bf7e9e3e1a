"""Re-ranking of candidate names with rapidfuzz: a score in [0, 1] for a query against a name.

Candidates come from exact index lookups on phonetic keys (`ncos.search.normalise`); this module
orders them. Pure Python and deterministic, so the order is the same on SQLite and PostgreSQL.

Token similarity (``token_similarity``) is the larger of Jaro-Winkler and a phonetic blend:
``0.5 × JW + 0.5 × p`` where ``p`` is 1 when Metaphone or NYSIIS codes agree (or the names are
nickname variants), 0.8 when only Soundex agrees, else 0. An exact token scores 1.

A query's score against one name (``name_score``) assigns each query token to the best unused
token of the name (greedy, best pairs first) and averages; a query token left without a partner
(e.g. a middle name the record lacks) counts 0.5, and no partner counts less than that. A
family-name field matched to a given name of the record (names recorded in the wrong order)
costs 5%.

    >>> round(name_score(["jon", "smyth"], [], [], "john|smith"), 3)
    0.957
    >>> name_score(["john", "smith"], [], [], "john|smith")
    1.0
    >>> name_score(["john", "smith"], [], [], "mary|jones") < MATCH_THRESHOLD
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import jellyfish
from rapidfuzz.distance import JaroWinkler

from ncos.search.nicknames import same_group
from ncos.search.normalise import metaphone, split_name_value

MATCH_THRESHOLD = 0.80  # a name scoring below this is not a result
UNMATCHED_TOKEN = 0.5
SWAPPED_ROLE_PENALTY = 0.95


@lru_cache(maxsize=65536)
def _codes(token: str) -> tuple[str, str, str]:
    if not (token.isascii() and token.isalpha()):
        return ("", "", "")
    return (metaphone(token), jellyfish.nysiis(token), jellyfish.soundex(token))


@lru_cache(maxsize=262144)
def token_similarity(a: str, b: str) -> float:
    """Similarity of two folded tokens in [0, 1].

    >>> token_similarity("smith", "smith"), round(token_similarity("smyth", "smith"), 3)
    (1.0, 0.947)
    >>> round(token_similarity("bill", "william"), 3)
    0.863
    """
    if a == b:
        return 1.0
    jw = JaroWinkler.similarity(a, b)
    ca, cb = _codes(a), _codes(b)
    if same_group(a, b) or (ca[0] and (ca[0] == cb[0] or ca[1] == cb[1])):
        phonetic = 1.0
    elif ca[2] and ca[2] == cb[2]:
        phonetic = 0.8
    else:
        phonetic = 0.0
    return max(jw, 0.5 * jw + 0.5 * phonetic)


def _assign(query: Sequence[str], record: Sequence[str]) -> list[tuple[int, int, float]]:
    """Greedy best-first assignment of query tokens to record tokens (each used once): take the
    most similar remaining pair (ties: lowest query index, then lowest record index), repeat."""
    sims = [[token_similarity(q, r) for r in record] for q in query]
    free_q = list(range(len(query)))
    free_r = list(range(len(record)))
    pairs: list[tuple[int, int, float]] = []
    while free_q and free_r:
        best = (-1.0, 0, 0)
        for i in free_q:
            row = sims[i]
            for j in free_r:
                if row[j] > best[0]:
                    best = (row[j], i, j)
        score, i, j = best
        free_q.remove(i)
        free_r.remove(j)
        pairs.append((i, j, score))
    return pairs


def name_score(
    free_tokens: Sequence[str],
    given_tokens: Sequence[str],
    family_tokens: Sequence[str],
    value: str,
) -> float:
    """Score of a query against one stored name value (``"given|family"``, folded).

    `free_tokens` come from the one search box (order and role unknown); `given_tokens` and
    `family_tokens` from the advanced fields (role known).
    """
    rec_given, rec_family = split_name_value(value)
    record = rec_given + rec_family
    query = list(free_tokens) + list(given_tokens) + list(family_tokens)
    if not query or not record:
        return 0.0
    n_free, n_given = len(free_tokens), len(given_tokens)
    total = 0.0
    matched: set[int] = set()
    for i, j, score in _assign(query, record):
        matched.add(i)
        if i >= n_free + n_given and j < len(rec_given):
            score *= SWAPPED_ROLE_PENALTY  # family-name field matched a given name
        elif n_free <= i < n_free + n_given and j >= len(rec_given):
            score *= SWAPPED_ROLE_PENALTY  # given-name field matched a family name
        total += max(score, UNMATCHED_TOKEN)
    total += UNMATCHED_TOKEN * (len(query) - len(matched))
    return round(total / len(query), 6)
