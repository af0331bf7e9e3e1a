"""The compliance app's write services (keyword-only; one transaction and one audit row each).

Reports:   report_record (+ plan_report, candidates: the checks and choices behind it)
Receipts:  receipt_generate, receipt_mark_given
Notices:   notice_generate, notice_record_service
Failures:  failure_record, failure_update, public_notice_decide
Reminders: reminder_dismiss
Sweep:     sweep_person, sweep_all (system; the nightly job)
"""

from ncos.compliance.services.failures import (
    failure_record,
    failure_update,
    public_notice_decide,
)
from ncos.compliance.services.notices import notice_generate, notice_record_service
from ncos.compliance.services.receipts import receipt_generate, receipt_mark_given
from ncos.compliance.services.reminders import reminder_dismiss
from ncos.compliance.services.reports import (
    Checks,
    candidates,
    plan_report,
    report_record,
)
from ncos.compliance.services.sweep import sweep_all, sweep_person

__all__ = [
    "Checks",
    "candidates",
    "failure_record",
    "failure_update",
    "notice_generate",
    "notice_record_service",
    "plan_report",
    "public_notice_decide",
    "receipt_generate",
    "receipt_mark_given",
    "reminder_dismiss",
    "report_record",
    "sweep_all",
    "sweep_person",
]
