"""Forms of the compliance pages (no business rules: the services decide, the forms collect)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django import forms

from ncos.accounts.models import User
from ncos.compliance.choices import (
    OBLIGATION_KIND_LABELS,
    ComplianceState,
    DecisionMakerOffice,
    FailureStatus,
    GivenHow,
    MadeBy,
    Manner,
    NoticeReason,
    PublicNoticeOutcome,
    ReportKind,
    RepresentativeReason,
    RepresentativeRelationship,
    ServedHow,
)
from ncos.compliance.models import ReportingPlace
from ncos.registry.choices import DetailKind

DATE_ERRORS = {"invalid": "Enter a real date, like 2026-03-03."}
TIME_ERRORS = {"invalid": "Enter a time, like 14:30."}


def date_field(label: str, *, required: bool = False, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=DATE_ERRORS,
    )


def time_field(label: str, *, required: bool = False) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        required=required,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages=TIME_ERRORS,
    )


def combine(day: date, moment: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, moment.replace(second=0, microsecond=0), tzinfo=zone)


def text(
    label: str, *, max_length: int = 200, required: bool = False, rows: int = 0, help_text: str = ""
) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(
        label=label, max_length=max_length, required=required, widget=widget, help_text=help_text
    )


def flag(label: str, help_text: str = "") -> forms.BooleanField:
    return forms.BooleanField(label=label, required=False, help_text=help_text)


# --- recording a report ------------------------------------------------------------------------


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label="Kind of report", choices=ReportKind.choices)
    manner = forms.ChoiceField(
        label="How the report was made", choices=Manner.choices, widget=forms.RadioSelect
    )
    received_date = date_field("Date received", required=True)
    received_time = time_field("Time received", required=True)
    place = forms.ModelChoiceField(
        label="Approved reporting place (reports in person)",
        queryset=ReportingPlace.objects.none(),
        required=False,
    )
    place_text = text(
        "Other place approved for this report",
        max_length=300,
        help_text="Only if the place is not in the list.",
    )
    officer = forms.ModelChoiceField(
        label="Police officer who received the report", queryset=User.objects.none()
    )
    made_by = forms.ChoiceField(
        label="Who made the report",
        choices=MadeBy.choices,
        initial=MadeBy.SELF,
        widget=forms.RadioSelect,
    )
    representative_name = text("Name of the person who reported for them")
    representative_relationship = forms.ChoiceField(
        label="Their relationship",
        choices=[("", "—")] + list(RepresentativeRelationship.choices),
        required=False,
    )
    representative_reason = forms.ChoiceField(
        label="Why someone else reported",
        choices=[("", "—")] + list(RepresentativeReason.choices),
        required=False,
    )
    person_accompanied = flag("The person accompanied them")
    photo_id_sighted = flag("Photo identification sighted")
    id_documents = text(
        "Identification documents presented",
        max_length=300,
        help_text="e.g. driver licence, passport.",
    )
    id_copied = flag("Identification documents copied")
    photo_taken = flag("Photograph taken")
    photo_told = flag("Told why, that refusing is an offence, and that it will be kept")
    fingerprints_taken = flag("Fingerprints taken")
    fingerprints_reason = text("Why the person's identity was not established", max_length=500)
    fingerprints_told = flag(
        "Told why, that refusing is an offence, and that they will be kept",
        "Required before fingerprints are taken.",
    )
    privacy_offered = flag("Report taken out of the hearing of the public")
    interpreter_present = flag("Interpreter present")
    interpreter_name = text("Interpreter's name")
    interpreter_language = text("Language", max_length=60)
    interpreter_undertaking = flag("Interpreter signed the undertaking not to disclose")
    support_person_present = flag("Support person present")
    support_person_name = text("Support person's name")
    information = text(
        "Other information reported",
        max_length=5000,
        rows=3,
        help_text="Printed on the receipt (e.g. travel details, explanations).",
    )
    notes = text("Police notes", max_length=5000, rows=2, help_text="Not printed on the receipt.")
    meets = forms.MultipleChoiceField(
        label="Obligations this report meets",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )

    SECTIONS = (
        (
            "The report",
            ("kind", "manner", "received_date", "received_time", "place", "place_text", "officer"),
        ),
        (
            "Who made it",
            (
                "made_by",
                "representative_name",
                "representative_relationship",
                "representative_reason",
                "person_accompanied",
            ),
        ),
        (
            "Identity",
            (
                "photo_id_sighted",
                "id_documents",
                "id_copied",
                "photo_taken",
                "photo_told",
                "fingerprints_taken",
                "fingerprints_reason",
                "fingerprints_told",
                "privacy_offered",
            ),
        ),
        (
            "Interpreter and support person",
            (
                "interpreter_present",
                "interpreter_name",
                "interpreter_language",
                "interpreter_undertaking",
                "support_person_present",
                "support_person_name",
            ),
        ),
        ("Information", ("information", "notes")),
    )

    def __init__(
        self,
        *args: Any,
        jurisdiction: str,
        meet_choices: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        places = ReportingPlace.objects.filter(jurisdiction_id=jurisdiction, active=True)
        self.fields["place"].queryset = places  # type: ignore[attr-defined]
        self.fields["officer"].queryset = (  # type: ignore[attr-defined]
            User.objects.filter(
                jurisdiction_id=jurisdiction,
                is_active=True,
                role_grants__role__in=("registrar", "case_manager"),
            )
            .distinct()
            .order_by("last_name", "first_name", "username")
        )
        self.fields["officer"].label_from_instance = (  # type: ignore[attr-defined]
            lambda u: f"{u.get_full_name() or u.username} ({u.username})"
        )
        self.fields["meets"].choices = meet_choices  # type: ignore[attr-defined]

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]


CHANGE_OPS = (
    ("record", "A new detail (e.g. a new address or vehicle)"),
    ("end", "A detail that stopped being true (e.g. sold the car)"),
    ("correct", "A detail the register has wrong (correction)"),
)


class ChangeForm(forms.Form):
    """One personal detail reported; its own fields come from the register's kind specs."""

    change_op = forms.ChoiceField(label="What was reported", choices=CHANGE_OPS, initial="record")
    change_kind = forms.ChoiceField(
        label="Category", choices=[("", "—")] + list(DetailKind.choices), required=False
    )
    change_target = forms.ChoiceField(
        label="The detail it changes",
        required=False,
        choices=[],
        help_text="For a new detail: the one it replaces, if any (it ends the day before).",
    )
    change_valid_from = date_field("Date of the change (from)")
    change_valid_to = date_field("Last day it was true (to)")
    change_reason = text("Reason (for a correction)", max_length=500)

    def __init__(self, *args: Any, targets: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["change_target"].choices = [("", "—")] + targets  # type: ignore[attr-defined]


# --- receipts and notices ------------------------------------------------------------------------


class GivenForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    given_date = date_field("Date given", required=True)
    given_time = time_field("Time given", required=True)
    how = forms.ChoiceField(label="How it was given", choices=GivenHow.choices)
    given_to = text("Given to", help_text="Leave empty if given to the person who reported.")
    note = text("Note", max_length=500)


class NoticeForm(forms.Form):
    reason = forms.ChoiceField(label="Why the notice is given", choices=NoticeReason.choices)
    occasion_date = date_field(
        "Date of that event",
        help_text="E.g. the day sentenced or released; the deadline is counted from it.",
    )


class ServiceForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    served_date = date_field("Date given to the person", required=True)
    served_time = time_field("Time", required=True)
    how = forms.ChoiceField(label="How it was given", choices=ServedHow.choices)
    how_other = text("Other way (describe)")
    served_by_name = text("Given by", help_text="Leave empty if you gave it.")
    explained = forms.ChoiceField(
        label="Was the notice explained to the person?",
        choices=[("", "—"), ("yes", "Yes"), ("no", "No")],
    )
    explanation_note = text("How it was explained", max_length=1000, rows=2)
    interpreter_name = text("Interpreter's name (if one was used)")
    interpreter_language = text("Interpreter's language", max_length=60)
    person_signed = forms.ChoiceField(
        label="Did the person sign an acknowledgement of receiving it?",
        choices=[("", "Not asked / not known"), ("yes", "Yes"), ("no", "No (refused)")],
        required=False,
    )
    note = text("Note", max_length=1000, rows=2)


# --- failures and public notices -----------------------------------------------------------------


class FailureForm(forms.Form):
    obligation_keys = forms.MultipleChoiceField(
        label="Obligations not met", widget=forms.CheckboxSelectMultiple, choices=[]
    )
    noted_on = date_field("Date noted", required=True)
    circumstances = text("What happened", max_length=5000, required=True, rows=4)
    cannot_be_located = flag("The person cannot be located")
    last_known = text("Last known whereabouts", max_length=500)
    locate_steps = text("What was done to locate the person", max_length=5000, rows=3)

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["obligation_keys"].choices = choices  # type: ignore[attr-defined]


class FailureUpdateForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    status = forms.ChoiceField(label="Status", choices=FailureStatus.choices)
    cannot_be_located = flag("The person cannot be located")
    locate_steps = text("What was done to locate the person", max_length=5000, rows=3)
    outcome_note = text("What happened", max_length=1000, rows=2)


class PublicNoticeForm(forms.Form):
    decided_on = date_field("Date of the decision", required=True)
    decision_maker_name = text("Name of the officer who decided", required=True)
    decision_maker_office = forms.ChoiceField(label="Office", choices=DecisionMakerOffice.choices)
    satisfied_failed = flag(
        "Satisfied the person failed to comply with a reporting obligation", "s 116A (1) (a) (i)"
    )
    satisfied_cannot_be_located = flag(
        "Satisfied the person cannot be located", "s 116A (1) (a) (ii)"
    )
    believes_risk = flag(
        "Believes on reasonable grounds the person poses a risk to the lives or sexual safety "
        "of 1 or more people or of the community",
        "s 116A (1) (c) (i), (2)",
    )
    risk_reasons = text("Grounds for that belief", max_length=5000, rows=3)
    believes_reduces_risk = flag(
        "Believes on reasonable grounds that publishing the notice will reduce the risk",
        "s 116A (1) (c) (ii)",
    )
    reduce_reasons = text("Grounds for that belief", max_length=5000, rows=3)
    outcome = forms.ChoiceField(
        label="Decision", choices=PublicNoticeOutcome.choices, widget=forms.RadioSelect
    )
    include_name = flag("The notice includes the person's name")
    include_photo = flag("The notice includes a photograph")
    include_description = flag("The notice includes a description")
    description = text("Description", max_length=1000, rows=2)
    notice_text = text(
        "Text of the notice",
        max_length=5000,
        rows=4,
        help_text="Leave empty for the standard text. It must say the person is required by "
        "police to answer questions, and must not say they are a registrable offender.",
    )


# --- list filters --------------------------------------------------------------------------------


def officer_choices(jurisdiction: str) -> list[tuple[str, str]]:
    users = (
        User.objects.filter(jurisdiction_id=jurisdiction, case_persons__isnull=False)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )
    return [("", "Any"), ("none", "No case officer")] + [
        (str(u.pk), u.get_full_name() or u.username) for u in users
    ]


class ObligationFilterForm(forms.Form):
    state = forms.ChoiceField(
        required=False,
        label="State",
        choices=[("", "All"), ("open", "Open (upcoming, due, overdue)")]
        + [(s.value, s.label) for s in ComplianceState if s != ComplianceState.WITHDRAWN],
    )
    window = forms.TypedChoiceField(
        required=False,
        label="Due within",
        coerce=int,
        empty_value=None,
        choices=[("", "Any time"), ("7", "The next 7 days"), ("30", "The next 30 days")],
    )
    kind = forms.ChoiceField(
        required=False,
        label="Obligation",
        choices=[("", "Any")] + sorted(OBLIGATION_KIND_LABELS.items(), key=lambda kv: kv[1]),
    )
    officer = forms.ChoiceField(required=False, label="Case officer", choices=[])
    due_from = date_field("Due from")
    due_to = date_field("Due to")
    national_id = text("National id", max_length=20)
    sort = forms.ChoiceField(
        required=False,
        label="Sort by",
        choices=[
            ("due", "Due date"),
            ("-due", "Due date, latest first"),
            ("person", "Person"),
            ("kind", "Obligation"),
            ("status", "State"),
            ("-late", "Most days late"),
        ],
    )

    def __init__(self, *args: Any, jurisdiction: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].choices = officer_choices(jurisdiction)  # type: ignore[attr-defined]


class ReportFilterForm(forms.Form):
    kind = forms.ChoiceField(
        required=False, label="Kind", choices=[("", "Any")] + list(ReportKind.choices)
    )
    manner = forms.ChoiceField(
        required=False, label="How made", choices=[("", "Any")] + list(Manner.choices)
    )
    ack = forms.ChoiceField(
        required=False,
        label="Acknowledgement",
        choices=[
            ("", "Any"),
            ("owed", "Owed"),
            ("overdue", "Owed, past the deadline"),
            ("given", "Given"),
        ],
    )
    officer = forms.ChoiceField(required=False, label="Case officer", choices=[])
    received_from = date_field("Received from")
    received_to = date_field("Received to")
    national_id = text("National id", max_length=20)
    sort = forms.ChoiceField(
        required=False,
        label="Sort by",
        choices=[
            ("-received", "Newest first"),
            ("received", "Oldest first"),
            ("ack_due", "Acknowledgement deadline"),
            ("person", "Person"),
            ("kind", "Kind"),
        ],
    )

    def __init__(self, *args: Any, jurisdiction: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].choices = officer_choices(jurisdiction)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and end < start:
            self.add_error("received_to", "The end date is before the start date.")
        return data


class ReminderFilterForm(forms.Form):
    officer = forms.ChoiceField(required=False, label="Case officer", choices=[])
    include_dismissed = flag("Include dismissed and no longer open")
    sort = forms.ChoiceField(
        required=False,
        label="Sort by",
        choices=[("due", "Due date"), ("-due", "Due date, latest first")],
    )

    def __init__(self, *args: Any, jurisdiction: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].choices = officer_choices(jurisdiction)  # type: ignore[attr-defined]


class ExportForm(forms.Form):
    purpose = forms.CharField(
        max_length=200,
        label="Purpose of the export",
        help_text="Recorded in the audit trail with the persons exported.",
    )


class PlaceForm(forms.Form):
    """An approved reporting place of the user's registry."""

    name = forms.CharField(
        max_length=200,
        help_text="e.g. Belconnen Police Station.",
        error_messages={"required": "Give the place's name, e.g. the police station."},
    )
    address = forms.CharField(max_length=300, required=False)
    basis = forms.CharField(
        max_length=200,
        label="Why it is approved",
        help_text="The section, notice or decision that approves it (ACT s 64; NSW s 12 (1)).",
        error_messages={
            "required": "Say why the place is approved (the section, notice or decision)."
        },
    )
    active = forms.BooleanField(
        required=False,
        initial=True,
        label="In use",
        help_text="Untick to withdraw the place; reports already made there keep it.",
    )
