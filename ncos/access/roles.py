"""The roles of DESIGN.md. A user holds one or more; clearance for protected persons is separate."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    REGISTRAR = "registrar"
    CASE_MANAGER = "case_manager"
    INVESTIGATOR = "investigator"
    COMPETENT_AUTHORITY = "competent_authority"
    AUDITOR = "auditor"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.REGISTRAR: "Registrar",
    Role.CASE_MANAGER: "Case manager",
    Role.INVESTIGATOR: "Investigator",
    Role.COMPETENT_AUTHORITY: "Competent authority / passport officer",
    Role.AUDITOR: "Auditor",
    Role.ADMINISTRATOR: "Administrator",
}

ROLE_CHOICES = [(role.value, role.label) for role in Role]

# Roles that may read person records at all (ACT s 118: access only by authorised people).
PERSON_READERS = frozenset(
    {Role.REGISTRAR, Role.CASE_MANAGER, Role.INVESTIGATOR, Role.COMPETENT_AUTHORITY}
)
# Roles that keep the register of the managing jurisdiction.
PERSON_WRITERS = frozenset({Role.REGISTRAR, Role.CASE_MANAGER})
# Granting these needs a second administrator's approval (security.md AC-7).
PRIVILEGED_ROLES = frozenset({Role.ADMINISTRATOR, Role.AUDITOR})
