"""The passports app's write services (keyword-only; one transaction and one audit row each).

Permission:  permission_apply, permission_decide, permission_record_told,
             permission_add_document, foreign_notice_record (+ open_document,
             permission_for_plan for the sharing app's checks)
Requests:    passport_request_create, passport_request_update, passport_request_approve,
             passport_request_send, passport_request_acknowledge, passport_request_outcome,
             passport_request_withdraw
"""

from ncos.passports.services.permission import (
    foreign_notice_record,
    open_document,
    permission_add_document,
    permission_apply,
    permission_decide,
    permission_for_plan,
    permission_record_told,
)
from ncos.passports.services.requests import (
    passport_request_acknowledge,
    passport_request_approve,
    passport_request_create,
    passport_request_outcome,
    passport_request_send,
    passport_request_update,
    passport_request_withdraw,
)
from ncos.sharing.services._common import WrongState

__all__ = [
    "WrongState",
    "foreign_notice_record",
    "open_document",
    "passport_request_acknowledge",
    "passport_request_approve",
    "passport_request_create",
    "passport_request_outcome",
    "passport_request_send",
    "passport_request_update",
    "passport_request_withdraw",
    "permission_add_document",
    "permission_apply",
    "permission_decide",
    "permission_for_plan",
    "permission_record_told",
]
