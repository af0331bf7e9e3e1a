"""The main menu: each entry names the action it needs, so nobody sees links they cannot use.

Other apps add entries by listing them in NAV_ENTRIES; an entry whose URL does not exist yet is
left out, so the menu grows with the app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from ncos.access.actions import Action
from ncos.access.policy import RecordRef, decide
from ncos.access.subjects import subject_of


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    action: Action


NAV_ENTRIES: list[NavEntry] = [
    NavEntry("Home", "web:home", Action.SELF_SERVICE),
    NavEntry("Search", "search:search", Action.PERSON_SEARCH),
    NavEntry("Register a person", "registry:person_create", Action.PERSON_CREATE),
    NavEntry("Caseload", "cases:caseload", Action.PERSON_UPDATE),
    NavEntry("Compliance", "compliance:dashboard", Action.PERSON_UPDATE),
    NavEntry("Inbox", "sharing:inbox", Action.INBOX_READ),
    NavEntry("Reporting calculator", "web:calculator", Action.ASSESS),
    NavEntry("Users", "accounts:user_list", Action.USER_ADMIN),
    NavEntry("Audit trail", "audit:search", Action.AUDIT_READ),
    NavEntry("Registries", "directory:list", Action.REFERENCE_READ),
]


# Badges (e.g. the inbox's unread count): url_name -> function(request) -> count or None. Apps
# register theirs in AppConfig.ready(); a badge is asked only for entries the user can see.
NAV_BADGES: dict[str, Callable[[HttpRequest], int | None]] = {}


def nav_items(request: HttpRequest) -> list[dict[str, object]]:
    subject = subject_of(request.user)
    own = RecordRef(managing_jurisdiction=subject.jurisdiction or "")
    items: list[dict[str, object]] = []
    for entry in NAV_ENTRIES:
        if not decide(subject, entry.action, own).allowed:
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        current = request.path == url if url == "/" else request.path.startswith(url)
        badge = NAV_BADGES.get(entry.url_name)
        items.append(
            {
                "label": entry.label,
                "url": url,
                "current": current,
                "badge": badge(request) if badge else None,
            }
        )
    return items
