"""T2 API fuzzing over the OpenAPI schema (security.md API-1, AC-5, IN-1, §5 T2).

For every operation of `/api/v1/schema/` and each subject (a cleared registrar, an investigator,
an auditor, anonymous), Hypothesis generates requests from the operation's own schemas: path
parameters (real record ids of the canary world, of several persons and jurisdictions, and random
UUIDs), query parameters, `If-Match` headers and JSON bodies (schema-shaped and schema-violating).
Checks on every response:
  * no 5xx;
  * a JSON body conforms to the schema documented for its status code, and an error body has
    the API's `{"error", "field"}` shape;
  * auth is not ignored: anonymous gets 401 everywhere; a signed-in role that the policy refuses
    the operation's declared action never gets a 2xx.
Examples per operation: `NCOS_FUZZ_EXAMPLES` (CI default 25; e.g. 1000 for the long tier).

Schemathesis would do the same; it is not a project dependency (see the security report).
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from django.test import Client
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ncos.access.policy import Subject, decide
from ncos.access.roles import Role
from ncos.access.testing import endpoints
from tests.security.conftest import signed_in
from tests.security.crawl import load_schema
from tests.security.openapi import ResponseChecker, Strategies
from tests.security.world import World, user

EXAMPLES = int(os.environ.get("NCOS_FUZZ_EXAMPLES", "25"))
SCHEMA = load_schema()
CHECKER = ResponseChecker(SCHEMA)
METHODS = ("get", "post", "put", "patch", "delete")
OPERATIONS = [
    (path, method)
    for path, operations in sorted(SCHEMA["paths"].items())
    for method in METHODS
    if method in operations
]
SUBJECTS = {
    "registrar": (Role.REGISTRAR, True),
    "investigator": (Role.INVESTIGATOR, False),
    "auditor": (Role.AUDITOR, False),
    "anonymous": (None, False),
}
ENDPOINTS = {e.name: e for e in endpoints()}


def _declared_action(path: str, method: str) -> Any:
    sample = path.replace("{", "").replace("}", "")
    concrete = "/".join(
        "00000000-0000-4000-8000-000000000000" if part.endswith("_id") else part
        for part in sample.split("/")
    )
    try:
        match = resolve(concrete)
    except Resolver404:
        return None
    endpoint = ENDPOINTS.get(match.view_name)
    return endpoint.actions.get(method.upper()) if endpoint else None


def _ids(world: World) -> dict[str, list[Any]]:
    ids: dict[str, list[Any]] = {}
    for person in world.persons:
        for name, value in person.kwargs.items():
            ids.setdefault(name, []).append(value)
    return ids


def _fuzz_case(strategies: Strategies, path: str, operation: dict[str, Any]) -> Any:
    names = [p["name"] for p in operation.get("parameters", []) if p.get("in") == "path"]
    return st.fixed_dictionaries(
        {
            "path": st.fixed_dictionaries({n: strategies.path_value(n) for n in names}),
            "query": strategies.query(operation),
            "body": strategies.body(operation),
            "if_match": strategies.if_match(),
        }
    )


def _send(client: Client, method: str, path: str, case: dict[str, Any]) -> Any:
    url = path
    for name, value in case["path"].items():
        url = url.replace("{" + name + "}", value)
    headers = {"HTTP_ACCEPT": "application/json"}
    if case["if_match"] is not None:
        headers["HTTP_IF_MATCH"] = case["if_match"]
    if method == "get":
        return url, client.get(url, case["query"], **headers)
    query = "&".join(f"{k}={v}" for k, v in case["query"].items())
    target = f"{url}?{query}" if query else url
    body = "" if case["body"] is None else json.dumps(case["body"])
    return url, client.generic(
        method.upper(), target, data=body, content_type="application/json", **headers
    )


def _problems(
    subject: str, action: Any, operation: dict[str, Any], url: str, response: Any
) -> list[str]:
    status = response.status_code
    where = f"{subject} {url} -> {status}"
    if status >= 500:
        return [f"{where}: server error"]
    problems: list[str] = []
    role, cleared = SUBJECTS[subject]
    if role is None:
        if status != 401:
            problems.append(f"{where}: anonymous not refused with 401")
        return problems
    if 200 <= status < 300 and action is not None:
        who = Subject(
            user_id=1, jurisdiction="ACT", roles=frozenset({role}), protected_clearance=cleared
        )
        if not decide(who, action).allowed and not decide(who, action).stub:
            problems.append(f"{where}: {role.value} may not {action.value}, yet got a 2xx")
    content_type = response.get("Content-Type", "")
    if not content_type.startswith("application/json") or not response.content:
        return problems
    try:
        body = json.loads(response.content)
    except ValueError:
        return [*problems, f"{where}: invalid JSON"]
    errors = CHECKER.errors(operation, status, body)
    if errors:
        problems += [f"{where}: schema: {e}" for e in errors]
    if status >= 400 and not (isinstance(body, dict) and isinstance(body.get("error"), str)):
        problems.append(f"{where}: error body without the API's error shape: {str(body)[:120]}")
    return problems


@pytest.mark.django_db
@pytest.mark.parametrize("subject", list(SUBJECTS))
@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m}:{p}" for p, m in OPERATIONS])
def test_operation_survives_fuzzing(world: World, path: str, method: str, subject: str) -> None:
    operation = SCHEMA["paths"][path][method]
    strategies = Strategies(SCHEMA.get("components", {}), _ids(world))
    role, cleared = SUBJECTS[subject]
    client = Client() if role is None else signed_in(user("ACT", role, cleared=cleared))
    action = _declared_action(path, method)
    problems: list[str] = []
    sent: list[int] = []

    @settings(
        max_examples=EXAMPLES if role is not None else min(EXAMPLES, 5),
        deadline=None,
        database=None,
        derandomize=True,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=list(HealthCheck),
    )
    @given(case=_fuzz_case(strategies, path, operation))
    def fuzz(case: dict[str, Any]) -> None:
        url, response = _send(client, method, path, case)
        sent.append(response.status_code)
        problems.extend(_problems(subject, action, operation, url, response))

    fuzz()
    assert sent, "no request was sent"
    unique = sorted(set(problems))
    assert not unique, f"{len(unique)} problems ({len(sent)} requests):\n" + "\n".join(unique[:30])
