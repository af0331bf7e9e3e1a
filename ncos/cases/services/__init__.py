"""Case-management write services (keyword-only; one transaction and one audit row each).

Tasks:      task_open (the interface other apps call), task_update, task_reassign
Officers:   case_officer_assign, caseload_transfer
Records:    note_add, visit_plan, visit_record, referral_record, referral_update
Requests:   access_request_log, access_copy_generate, correction_decide, access_request_withdraw
"""

from ncos.cases.services.officers import case_officer_assign, caseload_transfer
from ncos.cases.services.records import (
    note_add,
    referral_record,
    referral_update,
    visit_plan,
    visit_record,
)
from ncos.cases.services.requests import (
    access_copy_generate,
    access_request_log,
    access_request_withdraw,
    correction_decide,
)
from ncos.cases.services.tasks import task_open, task_reassign, task_update

__all__ = [
    "access_copy_generate",
    "access_request_log",
    "access_request_withdraw",
    "case_officer_assign",
    "caseload_transfer",
    "correction_decide",
    "note_add",
    "referral_record",
    "referral_update",
    "task_open",
    "task_reassign",
    "task_update",
    "visit_plan",
    "visit_record",
]
