"""T4 protected-witness redaction: the canary sweep (security.md AC-4, LG-3, §5 T4).

Protected persons managed by the ACT and by NSW carry ≥ 20 unique canaries each across every
kind of field the apps hold (tests/security/world.py). Every subject without clearance — each
role in the managing and in the other jurisdiction, a cleared administrator (who reads no person
records whatever the clearance), and anonymous — crawls every URL pattern with the protected
persons' own record ids, every GET operation of the OpenAPI schema, search pages and the search
API queried BY every canary (names, alias, phonetic variant, date of birth, identifiers), CSV
exports, PDFs (text extracted), the audit viewer and its CSV, the home dashboard, the inbox,
error pages, then sends refused writes to every record URL. 0 canary occurrences are allowed in
any body, header or filename, and no body may be the protected photograph.

Positive control: the cleared registrar of the managing jurisdiction, crawling the same way,
sees 100% of that person's canaries and the photograph — so the sweep cannot pass vacuously.
"""

from __future__ import annotations

import ast
import csv
import io
from collections import Counter
from typing import Any

import pytest
from django.test import Client

from ncos.access.roles import Role
from ncos.search.query import SearchQuery
from ncos.search.selectors import search_persons
from tests.security.conftest import signed_in
from tests.security.crawl import Crawl, LogTap, Seen, leaks, load_schema
from tests.security.world import World, squash, user

MIN_CANARIES = 20
SCHEMA = load_schema()
# Refused writes are sent by the roles that may write in their own registry (their refusal is
# the clearance check on the record); the other roles are refused by the role gate first.
WRITERS = ("registrar", "case_manager")
SUBJECTS = [f"{code}.{role.value}" for code in ("ACT", "NSW") for role in Role] + [
    "ACT.administrator.cleared",
    "anonymous",
]


def _client(world: World, key: str) -> tuple[Client, Any]:
    if key == "anonymous":
        return Client(), None
    code, role, *cleared = key.split(".")
    actor = user(code, Role(role), cleared=bool(cleared))
    return signed_in(actor), actor


def _sweep(world: World, key: str, *, unsafe: bool) -> tuple[Crawl, list[Seen]]:
    client, actor = _client(world, key)
    crawl = Crawl(client, world, actor, SCHEMA, include_unsafe=unsafe)
    with LogTap() as logs:
        seen = list(crawl.run())
    logged = [c.label for c in world.canaries if c.found_in(logs.text())]
    assert not logged, f"{key}: canaries written to the logs: {logged}"
    return crawl, seen


def test_the_world_carries_enough_canaries(world: World) -> None:
    for person in world.protected:
        labels = Counter(c.label for c in person.canaries)
        assert len(person.canaries) >= MIN_CANARIES, (person.label, len(person.canaries))
        assert all(n == 1 for n in labels.values()), labels
        assert person.photo_hashes, f"{person.label}: no photograph"
        assert not person.skipped, person.skipped
    variants = [v for c in world.canaries for v in c.variants]
    assert len(variants) == len(set(variants)), "canaries must be unique"


@pytest.mark.django_db
@pytest.mark.parametrize("key", SUBJECTS)
def test_no_canary_reaches_a_subject_without_clearance(world: World, key: str) -> None:
    role = key.split(".")[1] if "." in key else ""
    crawl, seen = _sweep(world, key, unsafe=role in WRITERS)
    watched = world.canaries + crawl.extra_canaries
    found = [leak for s in seen for leak in leaks(key, s, watched)]
    photos = [s for s in seen if s.sha256 and s.sha256 in world.photo_hashes]
    errors = [f"{s.method} {s.url} -> {s.status}" for s in seen if s.status >= 500]
    assert len(seen) > 300, f"the crawl made only {len(seen)} requests"
    report = [str(leak) for leak in found] + [
        f"{key}: {s.method} {s.url} -> {s.status} serves the protected photograph" for s in photos
    ]
    assert not report, f"{len(report)} canary occurrences:\n" + "\n".join(sorted(set(report))[:80])
    assert not errors, "server errors:\n" + "\n".join(errors[:40])


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["ACT", "NSW"])
def test_positive_control_cleared_registrar_sees_every_canary(world: World, code: str) -> None:
    person = next(p for p in world.protected if p.code == code)
    crawl, seen = _sweep(world, f"{code}.registrar.cleared", unsafe=False)
    missing = [
        c.label for c in person.canaries if c.shown and not any(c.found_in(s.text) for s in seen)
    ]
    assert not missing, f"{code}: the cleared registrar never saw {missing}"
    exports: dict[str, list[str]] = {}
    for s in seen:
        path = s.url.split("?")[0]
        if path.endswith(".csv") and not path.startswith("/audit/"):  # the audit: auditors only
            exports.setdefault(path, []).append(s.content_type)
    not_csv = [p for p, types in exports.items() if not any("text/csv" in t for t in types)]
    assert len(exports) >= 5, sorted(exports)
    assert not not_csv, f"CSV exports not produced: {not_csv}"
    hashes = {s.sha256 for s in seen if s.sha256}
    assert person.photo_hashes <= hashes, "the cleared registrar never got the photograph"
    errors = [f"{s.method} {s.url} -> {s.status}" for s in seen if s.status >= 500]
    assert not errors, "server errors:\n" + "\n".join(errors[:40])


def _audit_csv(client: Client) -> list[dict[str, str]]:
    response = client.get("/audit/export.csv")
    assert response.status_code == 200, response.status_code
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["ACT", "NSW"])
def test_auditor_without_clearance_sees_only_ids_of_protected_rows(world: World, code: str) -> None:
    person = next(p for p in world.protected if p.code == code)
    family = next(c for c in person.canaries if c.label == "family name").variants[0]
    searcher = user(code, Role.REGISTRAR, cleared=True)
    search_persons(actor=searcher, query=SearchQuery(q=family))  # terms hold a canary now

    rows = _audit_csv(signed_in(user(code, Role.AUDITOR)))
    about = [r for r in rows if r["object_id"] == str(person.person.pk)]
    protected = [r for r in rows if r["protected"] == "True"]
    assert about, "the trail must hold rows about the protected person"
    assert protected, "the trail must hold rows marked protected"
    assert all(r["protected"] == "True" for r in about), [r["action"] for r in about]
    for row in protected:
        assert ast.literal_eval(row["details"]) == {
            "withheld": "protected record: details need clearance"
        }, row
    text = squash("\n".join(",".join(r.values()) for r in rows))
    shown = [c.label for c in world.canaries if c.found_in(text)]
    assert not shown, shown

    cleared = _audit_csv(signed_in(user(code, Role.AUDITOR, cleared=True)))
    text = squash("\n".join(",".join(r.values()) for r in cleared))
    assert squash(family) in text, "a cleared auditor sees the search terms (positive control)"
