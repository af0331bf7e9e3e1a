"""Security headers on pages and API responses (security.md DP-3, DP-4; T10)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _csp(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


def _check_common(response, path):
    assert response["X-Content-Type-Options"] == "nosniff", path
    assert response["Referrer-Policy"] == "same-origin", path
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", path
    assert "camera=()" in response["Permissions-Policy"], path
    assert response["Cache-Control"] == "no-store", path
    assert response["X-Frame-Options"] == "DENY", path
    assert "Server" not in response, path
    assert "X-Powered-By" not in response, path
    csp = _csp(response)
    assert csp["object-src"] == "object-src 'none'", path
    assert csp["base-uri"] == "base-uri 'none'", path
    assert csp["frame-ancestors"] == "frame-ancestors 'none'", path
    assert "'unsafe-inline'" not in response["Content-Security-Policy"], path
    assert "'unsafe-eval'" not in response["Content-Security-Policy"], path


@pytest.mark.parametrize("path", ["/", "/account/", "/registries/", "/users/tokens/"])
def test_pages(path, registrar, client_for):
    response = client_for(registrar).get(path)
    assert response.status_code == 200
    _check_common(response, path)
    script_src = _csp(response)["script-src"]
    assert "'nonce-" in script_src, script_src


@pytest.mark.parametrize("path", ["/api/v1/me", "/api/v1/jurisdictions", "/api/v1/schema/"])
def test_api(path, registrar, client_for):
    response = client_for(registrar).get(path)
    assert response.status_code == 200
    _check_common(response, path)


def test_sign_in_page_and_errors_too():
    for path, status in (("/accounts/login/", 200), ("/nowhere/", 404)):
        response = Client().get(path)
        assert response.status_code == status
        _check_common(response, path)


def test_the_nonce_is_fresh_on_every_response(registrar, client_for):
    client = client_for(registrar)
    first = _csp(client.get("/"))["script-src"]
    second = _csp(client.get("/"))["script-src"]
    assert first != second


def test_static_files_may_be_cached(registrar, client_for):
    response = client_for(registrar).get("/static/css/ncos.css")
    assert response.status_code == 200
    assert response.get("Cache-Control") != "no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
