"""The sharing app's write services (keyword-only; one transaction and one audit row each).

Travel:         travel_record, travel_change, travel_cancel, travel_return
Notifications:  notification_acknowledge, notification_record_contact (+ sync_notifications)
Transfers:      transfer_request, transfer_accept, transfer_refuse, transfer_cancel
Inbox:          inbox_open
"""

from ncos.sharing.services.inbox import inbox_open
from ncos.sharing.services.itinerary import Itinerary, LegInput
from ncos.sharing.services.notifications import (
    notification_acknowledge,
    notification_record_contact,
    sync_notifications,
)
from ncos.sharing.services.returns import ReturnInput, travel_return
from ncos.sharing.services.transfers import (
    transfer_accept,
    transfer_cancel,
    transfer_refuse,
    transfer_request,
)
from ncos.sharing.services.travel import (
    travel_cancel,
    travel_change,
    travel_record,
)

__all__ = [
    "Itinerary",
    "LegInput",
    "ReturnInput",
    "inbox_open",
    "notification_acknowledge",
    "notification_record_contact",
    "sync_notifications",
    "transfer_accept",
    "transfer_cancel",
    "transfer_refuse",
    "transfer_request",
    "travel_cancel",
    "travel_change",
    "travel_record",
    "travel_return",
]
