"""THE authorisation decision: may this subject take this action on this record?

A pure function of attributes (role × user jurisdiction × managing jurisdiction × protected flag ×
clearance × action), so the whole matrix can be tested without a database. Every page, API
operation, export and task asks here; anything not granted below is denied (default deny).

Law: access to the register only by authorised people (ACT s 118; NSW Part 3 Div 9); protected
witnesses' details only to those given clearance (ACT s 119; NSW s 19A).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ncos.access.actions import Action
from ncos.access.roles import PERSON_READERS, PERSON_WRITERS, Role


class Outcome(StrEnum):
    ALLOW = "allow"
    STUB = "stub"  # "a restricted record exists — contact the registry", nothing more
    DENY = "deny"


@dataclass(frozen=True)
class Subject:
    """Who is asking, as the policy sees them (built from the user on every request)."""

    user_id: int | None
    jurisdiction: str | None
    roles: frozenset[Role]
    protected_clearance: bool = False
    active: bool = True

    @classmethod
    def anonymous(cls) -> Subject:
        return cls(user_id=None, jurisdiction=None, roles=frozenset(), active=False)


@dataclass(frozen=True)
class RecordRef:
    """What the policy needs to know about the record acted on."""

    managing_jurisdiction: str
    protected: bool = False
    kind: str = "person"


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    reason: str

    @property
    def allowed(self) -> bool:
        return self.outcome is Outcome.ALLOW

    @property
    def stub(self) -> bool:
        return self.outcome is Outcome.STUB


def _allow(reason: str) -> Decision:
    return Decision(Outcome.ALLOW, reason)


def _deny(reason: str) -> Decision:
    return Decision(Outcome.DENY, reason)


def _has(subject: Subject, roles: frozenset[Role] | set[Role]) -> bool:
    return bool(subject.roles & roles)


def _own(subject: Subject, record: RecordRef | None) -> bool:
    return record is None or record.managing_jurisdiction == subject.jurisdiction


def _cleared(subject: Subject, record: RecordRef | None) -> bool:
    return record is None or not record.protected or subject.protected_clearance


_READ_ACTIONS = frozenset({Action.PERSON_VIEW, Action.PERSON_SEARCH})
# Actions on a record of the managing jurisdiction, and the roles that may take them there.
_MANAGING_ACTIONS: dict[Action, frozenset[Role]] = {
    Action.PERSON_CREATE: frozenset({Role.REGISTRAR}),
    Action.PERSON_UPDATE: PERSON_WRITERS,
    Action.PERSON_EXPORT: PERSON_WRITERS,
    Action.PERSON_PRINT: PERSON_WRITERS,
    Action.PERSON_MERGE: frozenset({Role.REGISTRAR}),
    Action.TRAVEL_DECIDE: frozenset({Role.COMPETENT_AUTHORITY}),
    Action.PASSPORT_REQUEST: frozenset({Role.REGISTRAR, Role.COMPETENT_AUTHORITY}),
    Action.PASSPORT_APPROVE: frozenset({Role.REGISTRAR}),
    # For these the record's "managing jurisdiction" is the jurisdiction addressed: the registry
    # that received the notification, or that is asked to take over the person.
    Action.INBOX_RESPOND: PERSON_WRITERS,
    Action.TRANSFER_REQUEST: frozenset({Role.REGISTRAR}),
    Action.TRANSFER_DECIDE: frozenset({Role.REGISTRAR}),
    # Case management (ncos.cases) stays with the managing jurisdiction: its registrars and case
    # managers read and write case records; registrars supervise (assign case officers, see the
    # jurisdiction's caseloads), decide s 122 corrections and read every restricted note.
    Action.CASE_VIEW: PERSON_WRITERS,
    Action.CASE_SUPERVISE: frozenset({Role.REGISTRAR}),
    Action.CASE_NOTE_RESTRICTED: frozenset({Role.REGISTRAR}),
    Action.CORRECTION_DECIDE: frozenset({Role.REGISTRAR}),
}
_ROLE_ONLY_ACTIONS: dict[Action, frozenset[Role]] = {
    Action.ASSESS: PERSON_READERS,
    Action.INBOX_READ: PERSON_READERS,
    Action.AUDIT_READ: frozenset({Role.AUDITOR}),
    Action.AUDIT_EXPORT: frozenset({Role.AUDITOR}),
}


def decide(subject: Subject, action: Action, record: RecordRef | None = None) -> Decision:
    """The one answer to "may `subject` take `action` on `record`?"."""
    if not subject.active or subject.user_id is None:
        return _deny("not signed in or account disabled")
    if action is Action.SELF_SERVICE or action is Action.REFERENCE_READ:
        return _allow("any signed-in user")

    if action in _READ_ACTIONS or action is Action.PERSON_PHOTO:
        if not _has(subject, PERSON_READERS):
            return _deny("role may not read person records")
        if not _cleared(subject, record):
            if action is Action.PERSON_PHOTO:
                return _deny("protected person: clearance required")
            return Decision(Outcome.STUB, "protected person: clearance required")
        return _allow("authorised reader; national visibility")

    if action in _MANAGING_ACTIONS:
        roles = _MANAGING_ACTIONS[action]
        if not _has(subject, roles):
            return _deny(f"role may not {action.value}")
        if not _own(subject, record):
            return _deny("record is managed by another jurisdiction")
        if not _cleared(subject, record):
            return _deny("protected person: clearance required")
        return _allow("managing jurisdiction, authorised role")

    if action in _ROLE_ONLY_ACTIONS:
        if _has(subject, _ROLE_ONLY_ACTIONS[action]):
            return _allow("authorised role")
        return _deny(f"role may not {action.value}")

    if action is Action.USER_ADMIN:
        if not _has(subject, {Role.ADMINISTRATOR}):
            return _deny("only administrators manage users")
        if not _own(subject, record):
            return _deny("user belongs to another jurisdiction")
        return _allow("administrator of the user's jurisdiction")

    if action is Action.REFERENCE_MANAGE:  # the "record" is the registry's jurisdiction
        if not _has(subject, {Role.REGISTRAR}):
            return _deny("only registrars manage their registry's reporting places")
        if not _own(subject, record):
            return _deny("another registry's reference data")
        return _allow("registrar of the registry")

    return _deny("no rule grants this action")  # default deny


def can(subject: Subject, action: Action, record: RecordRef | None = None) -> bool:
    return decide(subject, action, record).allowed


def may_read_restricted_note(
    subject: Subject,
    record: RecordRef,
    *,
    author_id: int | None,
    case_officer_id: int | None,
) -> Decision:
    """A restricted case note (ncos.cases) is visible only to its author, the person's case
    officer and registrars of the managing jurisdiction -- and to each only while they may read
    the person's case records at all (CASE_VIEW: managing jurisdiction, clearance if protected).
    """
    base = decide(subject, Action.CASE_VIEW, record)
    if not base.allowed:
        return base
    if subject.user_id is not None and subject.user_id in (author_id, case_officer_id):
        return _allow("author or case officer of the person")
    if decide(subject, Action.CASE_NOTE_RESTRICTED, record).allowed:
        return _allow("registrar of the managing jurisdiction")
    return _deny("restricted note: author, case officer and registrars only")
