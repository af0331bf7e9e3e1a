"""The search-key table: one row per (person, kind, normalised value).

Built from the register by `ncos.search.index` (never edited by hand); a query is normalised by
the same functions (`ncos.search.normalise`) and candidates are found by equality on
``(kind, value)``, an index range scan on both SQLite and PostgreSQL. Addresses are matched by
token prefix (``LIKE '% bradd%'``); on PostgreSQL a trigram index accelerates exactly that query
(migration 0002), elsewhere the same query scans — the results are the same.
"""

from __future__ import annotations

from django.db import models


class SearchKey(models.Model):
    """One normalised value of a person that search can find them by.

    ``kind`` is one of the two-letter codes in `ncos.search.normalise` (``nm`` folded full name,
    ``nt`` phonetic token, ``np`` phonetic pair or typo key, ``rg`` vehicle
    registration, ``ph``/``p8`` phone, ``oi`` email or online identity, ``ps`` passport,
    ``ad`` address). ``label`` says where the value came from for display (e.g. the name type
    "alias"); ``current`` is False for facts that have ended (a former address, a previous name).
    Keys hold folded values of names and identifiers: they are as sensitive as the register and
    are only read by the search selectors, which apply the access policy.
    """

    # The primary key is the lookup index: equality on (kind, value) gives the person ids from
    # the index alone, and a person holds each value of a kind once.
    pk = models.CompositePrimaryKey("kind", "value", "person")
    person = models.ForeignKey(
        "registry.Person", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    kind = models.CharField(max_length=2)
    value = models.CharField(max_length=120)
    label = models.CharField(max_length=20, blank=True)
    current = models.BooleanField(default=True)

    class Meta:
        indexes = [
            # Re-indexing one person; fetching a candidate's names for re-ranking from the index
            # alone (INCLUDE is PostgreSQL's covering index; other databases ignore it).
            models.Index(
                fields=["person", "kind"],
                include=["value", "label", "current"],
                name="search_key_person_names",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.kind}"
