"""Every action the application exposes. A view or API operation declares one (default deny)."""

from __future__ import annotations

from enum import StrEnum


class Action(StrEnum):
    # Person records
    PERSON_VIEW = "person.view"
    PERSON_SEARCH = "person.search"
    PERSON_CREATE = "person.create"
    PERSON_UPDATE = "person.update"
    PERSON_EXPORT = "person.export"
    PERSON_PRINT = "person.print"
    PERSON_PHOTO = "person.photo"
    PERSON_MERGE = "person.merge"
    # The law engine without a person (reporting calculator)
    ASSESS = "law.assess"
    # Travel and passports
    TRAVEL_DECIDE = "travel.decide"
    PASSPORT_REQUEST = "passport.request"
    PASSPORT_APPROVE = "passport.approve"
    INBOX_READ = "inbox.read"
    # National sharing: answering the inbox, moving a person's management between registries
    INBOX_RESPOND = "inbox.respond"
    TRANSFER_REQUEST = "transfer.request"
    TRANSFER_DECIDE = "transfer.decide"
    # Case management (ncos.cases): caseloads, tasks, notes, visits, breach referrals, s 122
    CASE_VIEW = "case.view"
    CASE_SUPERVISE = "case.supervise"
    CASE_NOTE_RESTRICTED = "case.note_restricted"
    CORRECTION_DECIDE = "case.correction_decide"
    # Audit trail
    AUDIT_READ = "audit.read"
    AUDIT_EXPORT = "audit.export"
    # Accounts and reference data
    USER_ADMIN = "user.admin"
    REFERENCE_READ = "reference.read"
    REFERENCE_MANAGE = "reference.manage"  # a registry's own reference data (reporting places)
    # Any signed-in user (own profile, own tokens, dashboard shell)
    SELF_SERVICE = "self.service"


# Actions whose target is a person record: these take a record and are audited as person access.
PERSON_ACTIONS = frozenset(
    {
        Action.PERSON_VIEW,
        Action.PERSON_SEARCH,
        Action.PERSON_CREATE,
        Action.PERSON_UPDATE,
        Action.PERSON_EXPORT,
        Action.PERSON_PRINT,
        Action.PERSON_PHOTO,
        Action.PERSON_MERGE,
        Action.TRAVEL_DECIDE,
        Action.PASSPORT_REQUEST,
        Action.PASSPORT_APPROVE,
        Action.INBOX_RESPOND,
        Action.TRANSFER_REQUEST,
        Action.TRANSFER_DECIDE,
        Action.CASE_VIEW,
        Action.CASE_SUPERVISE,
        Action.CASE_NOTE_RESTRICTED,
        Action.CORRECTION_DECIDE,
    }
)
