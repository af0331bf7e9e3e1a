"""T2 form fuzzing (security.md IN-1, §5 T2): key forms posted through the test client with
Hypothesis-generated values for every field the page renders. Target: no 5xx.

The fields are read from the rendered form (inputs, selects, textareas), so a field added later
is fuzzed too. Values: nasty strings, random text, dates in several shapes, numbers, the
options of selects, and the field left out. Examples per form: `NCOS_FUZZ_EXAMPLES`.
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ncos.access.roles import Role
from tests.security.conftest import signed_in
from tests.security.openapi import NASTY
from tests.security.world import World, user

EXAMPLES = int(os.environ.get("NCOS_FUZZ_EXAMPLES", "25"))
FORMS = [
    ("registry:person_create", ()),
    ("registry:detail_add", ("person_id",)),
    ("registry:offence_add", ("person_id",)),
    ("registry:person_edit", ("person_id",)),
    ("cases:note_add", ("person_id",)),
    ("cases:task_add", ("person_id",)),
    ("cases:request_add", ("person_id",)),
    ("compliance:report_create", ("person_id",)),
    ("compliance:failure_create", ("person_id",)),
    ("sharing:travel_create", ("person_id",)),
    ("passports:permission_create", ("person_id",)),
    ("passports:request_create", ("person_id",)),
    ("web:calculator", ()),
]
_FIELD = re.compile(r"<(input|select|textarea)\b([^>]*)>", re.I)
_ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
_OPTION = re.compile(r'<option value="([^"]*)"')
SKIP = {"csrfmiddlewaretoken"}


def _fields(html: str) -> dict[str, list[str]]:
    """Field name -> candidate values seen on the page (select options, checkbox values)."""
    fields: dict[str, list[str]] = {}
    for match in _FIELD.finditer(html):
        attrs = dict(_ATTR.findall(match.group(2)))
        name = attrs.get("name")
        if not name or name in SKIP or attrs.get("type") in ("submit", "button"):
            continue
        values = fields.setdefault(name, [])
        if attrs.get("value"):
            values.append(attrs["value"])
        if match.group(1).lower() == "select":
            rest = html[match.end() : html.find("</select>", match.end())]
            values += _OPTION.findall(rest)
    return fields


def _value(options: list[str]) -> st.SearchStrategy[str]:
    base = st.one_of(
        st.sampled_from(NASTY),
        st.text(max_size=60),
        st.dates().map(lambda d: d.isoformat()),
        st.dates().map(lambda d: f"{d:%d/%m/%Y}"),
        st.integers(-(10**6), 10**6).map(str),
    )
    return (st.sampled_from(options) | base) if options else base


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs"), FORMS, ids=[n for n, _ in FORMS])
def test_form_survives_fuzzing(world: World, name: str, kwargs: tuple[str, ...]) -> None:
    person = world.protected[0]
    client = signed_in(user(person.code, Role.REGISTRAR, cleared=True))
    url = reverse(name, kwargs={k: person.kwargs[k] for k in kwargs})
    page = client.get(url)
    assert page.status_code == 200, (url, page.status_code)
    fields = _fields(page.content.decode())
    assert fields, f"{url}: no form fields found"
    statuses: list[int] = []
    errors: list[str] = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )
    @given(
        data=st.fixed_dictionaries(
            {}, optional={field: _value(options) for field, options in fields.items()}
        )
    )
    def fuzz(data: dict[str, Any]) -> None:
        response = client.post(url, data)
        statuses.append(response.status_code)
        if response.status_code >= 500:
            errors.append(f"{url} {data!r} -> {response.status_code}")

    fuzz()
    assert len(statuses) >= min(EXAMPLES, 5), statuses
    assert not errors, "\n".join(errors[:10])
