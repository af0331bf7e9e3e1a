"""Dashboard panels. Each domain app contributes panels through DASHBOARD_PROVIDERS; a provider
returns nothing when the user may not see its figures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

DashboardProvider = Callable[[HttpRequest], list[dict[str, Any]]]
DASHBOARD_PROVIDERS: list[DashboardProvider] = []


def register(provider: DashboardProvider) -> DashboardProvider:
    DASHBOARD_PROVIDERS.append(provider)
    return provider


def dashboard_panels(request: HttpRequest) -> list[dict[str, Any]]:
    panels: list[dict[str, Any]] = []
    for provider in DASHBOARD_PROVIDERS:
        panels.extend(provider(request))
    return panels
