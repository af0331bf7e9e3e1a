"""Vocabularies of case management (TextChoices), in one place for pages, API and services."""

from __future__ import annotations

from django.db import models


class TaskKind(models.TextChoices):
    """What a task is about. Other apps open tasks of these kinds through `task_open`."""

    BREACH = "breach", "Possible breach of a reporting obligation"
    REPORT = "report", "Report due or to follow up"
    NOTICE = "notice", "Notice to give or serve"
    VISIT = "visit", "Address verification visit"
    TRAVEL = "travel", "Travel notification"
    TRANSFER = "transfer", "Transfer between jurisdictions"
    ACCESS_COPY = "access_copy", "Copy of reportable information (ACT s 122 / NSW s 19B)"
    CORRECTION = "correction", "Correction request (ACT s 122 (3) / NSW s 19B (3))"
    REVIEW = "review", "Case review"
    FOLLOW_UP = "follow_up", "Follow-up"
    OTHER = "other", "Other"


class TaskStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


OPEN_TASK_STATUSES = (TaskStatus.OPEN, TaskStatus.IN_PROGRESS)
CLOSED_TASK_STATUSES = (TaskStatus.DONE, TaskStatus.CANCELLED)

# Which status a task may move to from each status (a closed task can be reopened).
TASK_TRANSITIONS: dict[str, frozenset[str]] = {
    TaskStatus.OPEN: frozenset({TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.CANCELLED}),
    TaskStatus.IN_PROGRESS: frozenset({TaskStatus.OPEN, TaskStatus.DONE, TaskStatus.CANCELLED}),
    TaskStatus.DONE: frozenset({TaskStatus.OPEN}),
    TaskStatus.CANCELLED: frozenset({TaskStatus.OPEN}),
}


class TaskChange(models.TextChoices):
    OPENED = "opened", "Opened"
    STATUS = "status", "Status changed"
    REASSIGNED = "reassigned", "Reassigned"
    DUE = "due", "Due date changed"
    NOTES = "notes", "Notes changed"
    TITLE = "title", "Title changed"


class NoteCategory(models.TextChoices):
    GENERAL = "general", "General"
    CONTACT = "contact", "Contact with the person"
    RISK = "risk", "Risk or safety"
    COMPLIANCE = "compliance", "Compliance"
    THIRD_PARTY = "third_party", "Information from a third party"


class VisitStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


class VisitOutcome(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed: the person lives there"
    NOT_HOME = "not_home", "Nobody home: not verified"
    NOT_RESIDENT = "not_resident", "The person does not live there"
    NO_SUCH_ADDRESS = "no_such_address", "The address does not exist"
    REFUSED = "refused", "Entry or answers refused"
    OTHER = "other", "Other (see notes)"


class ReferralStatus(models.TextChoices):
    OPEN = "open", "Open (awaiting outcome)"
    CLOSED = "closed", "Closed"


class ReferralOutcome(models.TextChoices):
    PENDING = "pending", "Pending"
    CHARGED = "charged", "Charged"
    CAUTIONED = "cautioned", "Warning or caution given"
    NO_ACTION = "no_action", "No further action"
    REASONABLE_EXCUSE = "reasonable_excuse", "Reasonable excuse accepted"
    WITHDRAWN = "withdrawn", "Referral withdrawn"


class RequestKind(models.TextChoices):
    COPY = "copy", "Copy of reportable information"
    CORRECTION = "correction", "Correction of reportable information"


class RequestChannel(models.TextChoices):
    IN_PERSON = "in_person", "In person at a police station"
    WRITING = "writing", "In writing (letter)"
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    LAWYER = "lawyer", "Through a lawyer or representative"


class RequestStatus(models.TextChoices):
    OPEN = "open", "Open"
    COMPLETED = "completed", "Completed (copy given / correction made)"
    REFUSED = "refused", "Refused (information not incorrect)"
    WITHDRAWN = "withdrawn", "Withdrawn by the person"


class CorrectionDecision(models.TextChoices):
    ACCEPTED = "accepted", "Accepted: the information is incorrect"
    REFUSED = "refused", "Refused: not satisfied the information is incorrect"
