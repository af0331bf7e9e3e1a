from __future__ import annotations

from django.http import HttpRequest

from ncos.web.navigation import nav_items


def navigation(request: HttpRequest) -> dict[str, object]:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"nav_items": nav_items(request)}
