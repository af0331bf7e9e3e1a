"""National sharing: travel plans and their history, travel notifications to other registries,
transfers of management, and each registry's inbox."""

from ncos.sharing.models.common import new_reference
from ncos.sharing.models.inbox import InboxItem, InboxRead
from ncos.sharing.models.notifications import TravelNotification
from ncos.sharing.models.transfers import TransferRequest
from ncos.sharing.models.travel import ReturnCheck, TravelChange, TravelLeg, TravelPlan

__all__ = [
    "InboxItem",
    "InboxRead",
    "ReturnCheck",
    "TransferRequest",
    "TravelChange",
    "TravelLeg",
    "TravelNotification",
    "TravelPlan",
    "new_reference",
]
