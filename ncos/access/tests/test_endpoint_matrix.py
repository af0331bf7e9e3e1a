"""Every URL pattern, requested as every kind of user, against matrix.yaml (security.md T1).

Completeness: every pattern declares an action (or is listed under `unguarded` with a reason),
and every URL kwarg has a factory (`ncos.access.testing.kwarg_factory`). Then, per endpoint and
HTTP method, each subject (6 roles × cleared/uncleared, anonymous, disabled) requests it for each
record cell (own/other jurisdiction × ordinary/protected) built fresh by the factories:
  allow/stub → not 401/403/404 and no 5xx (stub: no canary in the response)
  deny → 403; hide → 404 (no canary either way)
  anonymous/disabled → pages redirect to sign-in, the API answers 401
and a signed-in request to a URL naming a person record writes exactly one audit row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ncos.access.testing import (
    CELLS,
    Built,
    Endpoint,
    RecordSpec,
    endpoints,
    load_factories,
    load_matrix,
    subject_kinds,
)
from ncos.accounts.models import User
from ncos.audit.models import AuditEvent
from ncos.common.testing.fixtures import _make_user

OWN, OTHER = "ACT", "NSW"
LOGIN_PATH = "/accounts/login/"
MATRIX = load_matrix()
FACTORIES = load_factories()
ENDPOINTS = endpoints()
DECLARED = [e for e in ENDPOINTS if e.declared]


def _is_api(endpoint: Endpoint) -> bool:
    return endpoint.name.startswith("api:")


def test_every_endpoint_declares_an_action_or_is_listed_as_unguarded():
    unnamed = [e.route for e in ENDPOINTS if not e.name]
    assert not unnamed, f"URL patterns need a name: {unnamed}"
    undeclared = sorted(e.name for e in ENDPOINTS if not e.declared)
    missing = [n for n in undeclared if n not in MATRIX.unguarded]
    assert not missing, (
        "these endpoints declare no access action (use @requires / AccessMixin / access_action); "
        f"see ncos/access/matrix.yaml: {missing}"
    )


def test_unguarded_list_has_no_stale_or_guarded_entries():
    names = {e.name: e for e in ENDPOINTS}
    stale = [n for n in MATRIX.unguarded if n not in names]
    assert not stale, f"matrix.yaml lists unguarded endpoints that no longer exist: {stale}"
    guarded = [n for n in MATRIX.unguarded if names[n].declared]
    assert not guarded, f"these declare an action: remove them from `unguarded`: {guarded}"


def test_declarations_are_wired_correctly():
    problems = [f"{e}: {p}" for e in ENDPOINTS for p in e.problems]
    assert not problems, "\n".join(problems)


def test_every_declared_action_is_in_the_matrix():
    unknown = {str(a) for e in DECLARED for a in e.actions.values()} - set(MATRIX.expected)
    assert not unknown, f"actions used by views but missing from matrix.yaml: {unknown}"


def test_every_url_kwarg_has_a_factory():
    missing = sorted({(k, str(e)) for e in DECLARED for k in e.kwargs if k not in FACTORIES})
    assert not missing, (
        "register a factory with ncos.access.testing.kwarg_factory(name) in "
        f"ncos/<app>/tests/matrix_factories.py for: {missing}"
    )


def test_the_walker_sees_the_foundation():
    names = {e.name for e in DECLARED}
    assert {"web:home", "accounts:user_detail", "audit:export", "api:me", "api:schema"} <= names


# --- exercising every endpoint -------------------------------------------------------------


@dataclass
class Caller:
    key: str
    user: User | None
    client: Client
    anonymous_like: bool  # anonymous, or a disabled account whose session no longer counts


def _callers() -> list[Caller]:
    callers: list[Caller] = []
    for kind in subject_kinds():
        if kind.anonymous:
            callers.append(Caller(kind.key, None, Client(), True))
            continue
        user = _make_user(
            f"matrix.{kind.key.replace('+', '.')}",
            jurisdiction=OWN,
            roles=[kind.role] if kind.role else [],
            cleared=kind.cleared,
        )
        client = Client()
        client.force_login(user)
        if kind.disabled:
            User.objects.filter(pk=user.pk).update(is_active=False, disabled_at=timezone.now())
        callers.append(Caller(kind.key, user, client, kind.disabled))
    return callers


def _build_kwargs(endpoint: Endpoint, caller: Caller | None, relation: str, protected: bool):
    spec = RecordSpec(
        managing_jurisdiction=OWN if relation == "own" else OTHER,
        protected=protected,
        actor=caller.user if caller else None,
    )
    canaries: list[str] = []
    for name in endpoint.kwargs:
        built: Built = FACTORIES[name](spec)
        spec.built[name] = built.value
        canaries.extend(built.canaries)
    return dict(spec.built), canaries


def _request(client: Client, method: str, url: str, api: bool):
    if method == "GET":
        return client.get(url)
    if api:
        return client.generic(method, url, data="{}", content_type="application/json")
    return client.generic(method, url, data="", content_type="application/x-www-form-urlencoded")


def _verdict(
    response: Any, want: str, caller: Caller, api: bool, canaries: list[str]
) -> str | None:
    status = response.status_code
    location = response.get("Location", "")
    to_login = status in (301, 302) and location.startswith(LOGIN_PATH)
    if caller.anonymous_like:
        if api and status != 401:
            return f"want 401 for {caller.key}, got {status}"
        if not api and not to_login:
            return f"want a redirect to sign-in for {caller.key}, got {status} {location}"
        return None
    if status >= 500:
        return f"server error {status}"
    body = response.content.decode("utf-8", "replace") if not response.streaming else ""
    if want != "allow":
        leaked = [
            c for c in canaries if c in body or any(c in v for v in response.headers.values())
        ]
        if leaked:
            return f"{want}: response leaks {leaked}"
    if want in ("allow", "stub"):
        if status in (401, 403, 404) or to_login:
            return f"want {want}, got {status} {location}"
        return None
    expected_status = 403 if want == "deny" else 404
    if status != expected_status:
        return f"want {want} ({expected_status}), got {status} {location}"
    return None


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", DECLARED, ids=lambda e: e.name)
def test_endpoint_against_the_matrix(endpoint: Endpoint):
    callers = _callers()
    api = _is_api(endpoint)
    person = any(FACTORIES[k].person for k in endpoint.kwargs if k in FACTORIES)
    cells = CELLS if endpoint.kwargs else (("own", False),)
    failures: list[str] = []
    served = 0
    for method in endpoint.methods:
        action = endpoint.actions.get(method)
        results: list[tuple[str, int, str | None]] = []
        shared: dict[tuple[str, bool], tuple[dict[str, Any], list[str]]] = {}
        share = method == "GET" and not any(
            FACTORIES[k].per_actor for k in endpoint.kwargs if k in FACTORIES
        )
        for caller in callers:
            for relation, protected in cells:
                if share:
                    if (relation, protected) not in shared:
                        shared[(relation, protected)] = _build_kwargs(
                            endpoint, None, relation, protected
                        )
                    kwargs, canaries = shared[(relation, protected)]
                else:
                    kwargs, canaries = _build_kwargs(endpoint, caller, relation, protected)
                url = reverse(endpoint.name, kwargs=kwargs)
                want = MATRIX.outcome(action, caller.key, relation, protected) if action else "deny"
                before = AuditEvent.objects.count()
                response = _request(caller.client, method, url, api)
                rows = AuditEvent.objects.count() - before
                kind = "protected" if protected else "ordinary"
                cell = f"{method} as {caller.key} on {relation}/{kind}"
                problem = (
                    None
                    if response.status_code == 405
                    else _verdict(response, want, caller, api, canaries)
                )
                if (
                    problem is None
                    and person
                    and not caller.anonymous_like
                    and response.status_code != 405
                ):
                    safe_or_refused = method == "GET" or want in ("deny", "hide")
                    if (safe_or_refused and rows != 1) or rows > 1:
                        problem = f"{rows} audit rows for a request naming a person (want 1)"
                results.append((cell, response.status_code, problem))
        statuses = {status for _, status, _ in results}
        if statuses == {405}:
            continue  # the method is not served at all
        served += 1
        for cell, status, problem in results:
            if status == 405:
                failures.append(f"{cell}: 405 although other callers were served")
            elif problem:
                failures.append(f"{cell}: {problem}")
    assert served, f"{endpoint} answered 405 to every method tried ({endpoint.methods})"
    assert not failures, f"{endpoint}: {len(failures)} mismatches:\n" + "\n".join(failures[:40])


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX.unguarded))
def test_unguarded_endpoint_as_anonymous(name: str, client: Client):
    endpoint = next(e for e in ENDPOINTS if e.name == name)
    url = reverse(name, kwargs=dict.fromkeys(endpoint.kwargs, 1))
    response = client.get(url)
    location = response.get("Location", "")
    if MATRIX.unguarded[name] == "public":
        assert response.status_code < 400, response.status_code
        assert not location.startswith(LOGIN_PATH)
    else:
        assert response.status_code in (302, 401, 403, 405), response.status_code
        if response.status_code == 302:
            assert location.startswith(LOGIN_PATH), location
