"""Case management models (one module per aggregate)."""

from ncos.cases.models.records import BreachReferral, CaseNote, Visit
from ncos.cases.models.requests import AccessCopy, AccessRequest
from ncos.cases.models.tasks import Task, TaskEvent

__all__ = [
    "AccessCopy",
    "AccessRequest",
    "BreachReferral",
    "CaseNote",
    "Task",
    "TaskEvent",
    "Visit",
]
