"""The register's write services (keyword-only; one transaction and one audit row each).

Person:     person_register, person_update, person_change_status
Details:    detail_record, detail_correct, detail_end, detail_withdraw
Offences:   offence_charge, offence_update, offence_record_finding, offence_close, offence_quash
Custody:    custody_record, custody_update, parole_record, parole_update
Orders:     order_record, order_update
Law:        obligations_refresh, obligations_refresh_system (+ `obligations.EVENT_PROVIDERS`,
            `obligations.case_for_person`)
Files:      photo_upload, photo_withdraw, document_upload, document_withdraw
Merge:      person_merge (+ `merge.MERGE_HOOKS` for other apps' rows)
Management: person_transfer_management, person_assign_case_officer
"""

from ncos.registry.services.custody_orders import (
    custody_record,
    custody_update,
    order_record,
    order_update,
    parole_record,
    parole_update,
)
from ncos.registry.services.details import (
    detail_correct,
    detail_end,
    detail_record,
    detail_withdraw,
)
from ncos.registry.services.files import (
    document_upload,
    document_withdraw,
    photo_upload,
    photo_withdraw,
)
from ncos.registry.services.management import (
    person_assign_case_officer,
    person_transfer_management,
)
from ncos.registry.services.merge import MERGE_HOOKS, person_merge
from ncos.registry.services.obligations import EVENT_PROVIDERS, case_for_person
from ncos.registry.services.offences import (
    offence_charge,
    offence_close,
    offence_quash,
    offence_record_finding,
    offence_update,
)
from ncos.registry.services.person import person_change_status, person_register, person_update
from ncos.registry.services.refresh import obligations_refresh, obligations_refresh_system

__all__ = [
    "EVENT_PROVIDERS",
    "MERGE_HOOKS",
    "case_for_person",
    "custody_record",
    "custody_update",
    "detail_correct",
    "detail_end",
    "detail_record",
    "detail_withdraw",
    "document_upload",
    "document_withdraw",
    "obligations_refresh",
    "obligations_refresh_system",
    "offence_charge",
    "offence_close",
    "offence_quash",
    "offence_record_finding",
    "offence_update",
    "order_record",
    "order_update",
    "parole_record",
    "parole_update",
    "person_assign_case_officer",
    "person_change_status",
    "person_merge",
    "person_register",
    "person_transfer_management",
    "person_update",
    "photo_upload",
    "photo_withdraw",
]
