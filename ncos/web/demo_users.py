"""Demo accounts: one per role per jurisdiction, plus a cleared registrar in ACT and NSW.

Synthetic, for the embedded demo only (security.md DP-6). The shared demo password is printed by
`seed_demo`; the production settings refuse demo mode, and `seed_demo` refuses to run there.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from ncos.access.roles import Role
from ncos.accounts.models import RoleGrant, User
from ncos.directory.models import Jurisdiction

DEMO_PASSWORD = "correct horse battery staple demo"  # noqa: S105  (printed for the demo login)

ROLE_SLUG = {
    Role.REGISTRAR: "registrar",
    Role.CASE_MANAGER: "casemanager",
    Role.INVESTIGATOR: "investigator",
    Role.COMPETENT_AUTHORITY: "authority",
    Role.AUDITOR: "auditor",
    Role.ADMINISTRATOR: "admin",
}
FIRST_NAMES = {
    Role.REGISTRAR: "Riley",
    Role.CASE_MANAGER: "Casey",
    Role.INVESTIGATOR: "Ivy",
    Role.COMPETENT_AUTHORITY: "Alex",
    Role.AUDITOR: "Audrey",
    Role.ADMINISTRATOR: "Adrian",
}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    jurisdiction: str


def demo_username(jurisdiction: str, role: Role) -> str:
    return f"{jurisdiction.lower()}.{ROLE_SLUG[role]}"


@transaction.atomic
def ensure_demo_users() -> list[DemoLogin]:
    logins: list[DemoLogin] = []
    for jurisdiction in Jurisdiction.objects.order_by("code"):
        for role in Role:
            username = demo_username(jurisdiction.code, role)
            _ensure(username, jurisdiction, [role], FIRST_NAMES[role], jurisdiction.code, False)
            logins.append(DemoLogin(username, role.label, jurisdiction.code))
        if jurisdiction.code in ("ACT", "NSW"):
            username = f"{jurisdiction.code.lower()}.cleared"
            _ensure(username, jurisdiction, [Role.REGISTRAR], "Clara", jurisdiction.code, True)
            logins.append(
                DemoLogin(username, "Registrar with protected clearance", jurisdiction.code)
            )
    return logins


def _ensure(
    username: str,
    jurisdiction: Jurisdiction,
    roles: list[Role],
    first_name: str,
    last_name: str,
    cleared: bool,
) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username=username,
            password=DEMO_PASSWORD,
            first_name=first_name,
            last_name=f"{last_name} demo",
            jurisdiction=jurisdiction,
            protected_clearance=cleared,
        )
    for role in roles:
        RoleGrant.objects.get_or_create(user=user, role=role)
    return user
