"""Vocabularies of the compliance app (reports, receipts, notices, failures)."""

from __future__ import annotations

from django.db import models


class ReportKind(models.TextChoices):
    """What the person reported. Each kind meets obligations of the engine's kind(s) below."""

    INITIAL = "initial", "Initial report"
    ANNUAL = "annual", "Annual / periodic report"
    CHANGE = "change", "Change of personal details"
    TRAVEL = "travel", "Intended travel"
    TRAVEL_CHANGE = "travel_change", "Change of travel plans"
    NOT_TRAVELLING = "not_travelling", "Decision not to travel"
    RETURN = "return", "Return from travel"
    REGULAR_TRAVEL = "regular_travel", "Regular travel"
    LEAVING_CUSTODY = "leaving_custody", "Leaving government custody"
    ENTERING = "entering", "Entering the jurisdiction"


# Report kind -> the law engine's obligation kinds it can meet (`shared/spec/assessment.md`).
OBLIGATION_KINDS: dict[str, tuple[str, ...]] = {
    ReportKind.INITIAL: ("initial_report",),
    ReportKind.ANNUAL: ("annual_report", "periodic_report"),
    ReportKind.CHANGE: ("change_of_details", "child_details"),
    ReportKind.TRAVEL: ("travel_notice",),
    ReportKind.TRAVEL_CHANGE: ("travel_change",),
    ReportKind.NOT_TRAVELLING: ("decision_not_to_travel",),
    ReportKind.RETURN: ("return_report",),
    ReportKind.REGULAR_TRAVEL: ("regular_travel",),
    ReportKind.LEAVING_CUSTODY: ("leaving_custody_report",),
    ReportKind.ENTERING: ("entering_jurisdiction_report",),
}

# Every report may also carry changes of personal details (an annual report with a new address),
# so change-of-details obligations can be met by a report of any kind.
DETAIL_OBLIGATION_KINDS = ("change_of_details", "child_details")

OBLIGATION_KIND_LABELS = {
    "initial_report": "Initial report",
    "annual_report": "Annual report",
    "periodic_report": "Periodic report",
    "change_of_details": "Change of personal details",
    "child_details": "Details about children",
    "travel_notice": "Notice of intended travel",
    "travel_change": "Change of travel plans",
    "decision_not_to_travel": "Decision not to travel",
    "return_report": "Report of return",
    "leaving_custody_report": "Report after leaving custody",
    "entering_jurisdiction_report": "Report after entering the jurisdiction",
    "regular_travel": "Regular travel",
}


class Manner(models.TextChoices):
    """How a report was made."""

    IN_PERSON = "in_person", "In person at an approved reporting place"
    PHONE = "phone", "By telephone"
    EMAIL = "email", "By email"
    WRITING = "writing", "In writing (letter)"


class MadeBy(models.TextChoices):
    SELF = "self", "The person themselves"
    REPRESENTATIVE = "representative", "Someone else for the person (young person / disability)"


class RepresentativeReason(models.TextChoices):
    YOUNG_PERSON = "young_person", "The person is a young person (under 18)"
    DISABILITY = "disability", "The person has a disability that makes it impracticable"


class RepresentativeRelationship(models.TextChoices):
    PARENT = "parent", "Person with parental responsibility / parent"
    GUARDIAN = "guardian", "Guardian"
    CARER = "carer", "Carer"
    NOMINEE = "nominee", "Someone else nominated by or acceptable to the person"


class GivenHow(models.TextChoices):
    HANDED = "handed", "Handed to the person who reported"
    POST = "post", "Posted"
    EMAIL = "email", "Emailed"
    AGREED = "agreed", "As agreed with the person (NSW s 12C (4))"


class ServedHow(models.TextChoices):
    IN_PERSON = "in_person", "Given in person"
    POST = "post", "Posted"
    EMAIL = "email", "Emailed"
    OTHER = "other", "Other (describe)"


class NoticeReason(models.TextChoices):
    """Why a reporting obligations notice is given (the Act's occasion)."""

    SENTENCED = "sentenced", "Sentenced for a registrable offence (ACT s 104 (1) (a))"
    RELEASED = "released", "Released from government custody (ACT s 104 (1) (b), (c); NSW s 6)"
    ENTERED = "entered", "Entered the jurisdiction (ACT s 104 (1) (d); NSW s 7A)"
    CORRESPONDING = (
        "corresponding",
        "Became a prescribed corresponding offender (ACT s 104 (1) (e))",
    )
    SUPERVISED = "supervised", "Began a supervised sentence (NSW s 5)"
    CHANGED = "changed", "Reporting obligations or period changed (ACT s 107; NSW s 7B)"
    ANY_TIME = "any_time", "At any time (ACT s 105; NSW s 7)"


class FailureStatus(models.TextChoices):
    OPEN = "open", "Open"
    LOCATED = "located", "Person located"
    RESOLVED = "resolved", "Resolved"


class DecisionMakerOffice(models.TextChoices):
    CHIEF = "chief", "Chief police officer"
    DEPUTY = "deputy", "Deputy chief police officer"


class PublicNoticeOutcome(models.TextChoices):
    PUBLISH = "publish", "Publish the notice"
    NOT_PUBLISH = "not_publish", "Do not publish"


class ComplianceState(models.TextChoices):
    """How an obligation stands, as the compliance pages show it (`states.state_of`)."""

    UPCOMING = "upcoming", "Upcoming"
    DUE = "due", "Due"
    MET = "met", "Met"
    MET_LATE = "met_late", "Met late"
    OVERDUE = "overdue", "Overdue"
    SUSPENDED = "suspended", "Suspended"
    NOT_APPLICABLE = "not_applicable", "Not applicable"
    WITHDRAWN = "withdrawn", "No longer required"
