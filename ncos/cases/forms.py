"""Forms of the case pages (validation of shape only; rules live in the services)."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone

from ncos.accounts.models import User
from ncos.cases.choices import (
    CorrectionDecision,
    NoteCategory,
    ReferralOutcome,
    RequestChannel,
    RequestKind,
    TaskKind,
    TaskStatus,
    VisitOutcome,
    VisitStatus,
)
from ncos.cases.selectors.lists import CASELOAD_SORTS, TASK_SORTS, officers_of
from ncos.registry.models import Person


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


def date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        help_text=help_text,
        error_messages={
            "invalid": "Enter a real date, like 2026-03-03.",
            "required": f"Enter the {label.lower()}.",
        },
    )


def local_moment(day: Any, at: time | None, zone: ZoneInfo) -> datetime:
    """A date and a wall-clock time where the registry is, as an aware datetime. Without a time:
    now if the day is today there, otherwise midday (only the day matters for deadlines)."""
    if at is not None:
        return datetime.combine(day, at, tzinfo=zone)
    now = timezone.now().astimezone(zone)
    if day == now.date():
        return now
    return datetime.combine(day, time(12, 0), tzinfo=zone)


class OfficerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:  # type: ignore[override]
        return f"{obj.get_full_name() or obj.username} ({obj.username})"


def officer_field(
    person: Person | None, jurisdiction: str, *, label: str, required: bool, empty: str
) -> OfficerChoiceField:
    cleared = bool(person and person.protected)
    return OfficerChoiceField(
        queryset=officers_of(jurisdiction, cleared_only=cleared),
        label=label,
        required=required,
        empty_label=empty,
    )


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


# --- lists ---------------------------------------------------------------------------------


class CaseloadFilterForm(forms.Form):
    officer = forms.TypedChoiceField(label="Officer", required=False, coerce=int, empty_value=None)
    unassigned = forms.BooleanField(label="Unassigned people", required=False)
    status = forms.ChoiceField(label="Status", required=False)
    overdue = forms.BooleanField(label="Only people with something overdue", required=False)
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[
            ("next_due", "Next obligation due"),
            ("name", "Name (A–Z)"),
            ("-name", "Name (Z–A)"),
            ("-overdue", "Most overdue obligations"),
            ("-tasks", "Most open tasks"),
            ("-overdue_tasks", "Most overdue tasks"),
        ],
    )

    def __init__(self, *args: Any, actor: User, supervisor: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from ncos.registry.choices import PersonStatus

        self.fields["status"].choices = [("", "Any"), *PersonStatus.choices]
        if supervisor:
            # Everyone who may hold a caseload, and anyone who still holds one (e.g. disabled).
            holders = User.objects.filter(
                case_persons__managing_jurisdiction_id=actor.jurisdiction_id
            )
            officers = {o.pk: o for o in officers_of(actor.jurisdiction_id or "")}
            officers.update({o.pk: o for o in holders.distinct()})
            self.fields["officer"].choices = [("", "Me")] + [  # type: ignore[attr-defined]
                (o.pk, f"{o.get_full_name() or o.username}")
                for o in sorted(officers.values(), key=lambda u: (u.last_name, u.username))
            ]
        else:
            del self.fields["officer"]
            del self.fields["unassigned"]
        assert set(dict(self.fields["sort"].choices)) <= set(CASELOAD_SORTS)  # noqa: S101


class TaskFilterForm(forms.Form):
    scope = forms.ChoiceField(
        label="Whose",
        required=False,
        choices=[("mine", "My tasks"), ("queue", "Jurisdiction queue"), ("all", "Everyone's")],
    )
    officer = forms.TypedChoiceField(label="Officer", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("open", "Open or in progress"), *TaskStatus.choices, ("any", "Any")],
    )
    kind = forms.ChoiceField(label="Kind", required=False, choices=[("", "Any"), *TaskKind.choices])
    overdue = forms.BooleanField(label="Only overdue", required=False)
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[
            ("due", "Due date (soonest)"),
            ("-due", "Due date (latest)"),
            ("-created", "Newest"),
            ("created", "Oldest"),
            ("kind", "Kind"),
            ("status", "Status"),
        ],
    )

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].choices = [("", "Anyone")] + [
            (o.pk, o.get_full_name() or o.username) for o in officers_of(actor.jurisdiction_id)
        ]
        assert set(dict(self.fields["sort"].choices)) <= set(TASK_SORTS)  # noqa: S101


# --- tasks ---------------------------------------------------------------------------------


class TaskCreateForm(forms.Form):
    kind = forms.ChoiceField(label="Kind", choices=TaskKind.choices, initial=TaskKind.FOLLOW_UP)
    title = forms.CharField(label="Title", max_length=200)
    due_date = date_field("Due date")
    notes = forms.CharField(
        label="Notes", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"] = officer_field(
            person,
            person.managing_jurisdiction_id,
            label="Assign to",
            required=False,
            empty="The case officer (or the jurisdiction's queue)",
        )


class TaskUpdateForm(VersionForm):
    status = forms.ChoiceField(label="Status", choices=TaskStatus.choices)
    due_date = date_field("Due date")
    notes = forms.CharField(
        label="Notes", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    resolution = forms.CharField(
        label="Outcome or reason (needed to cancel)", required=False, max_length=500
    )


class TaskReassignForm(VersionForm):
    reason = forms.CharField(label="Reason", required=False, max_length=500)

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"] = officer_field(
            person,
            person.managing_jurisdiction_id,
            label="Give to",
            required=False,
            empty="The jurisdiction's queue",
        )
        self.order_fields(["version", "assignee", "reason"])


# --- officer, notes, visits, referrals -----------------------------------------------------


class OfficerAssignForm(VersionForm):
    reason = forms.CharField(label="Reason", max_length=300)
    move_tasks = forms.BooleanField(
        label="Give the outgoing officer's open tasks about this person to the new officer",
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"] = officer_field(
            person,
            person.managing_jurisdiction_id,
            label="Case officer",
            required=False,
            empty="Nobody (unassigned)",
        )
        self.order_fields(["version", "officer", "reason", "move_tasks"])


class TransferForm(forms.Form):
    reason = forms.CharField(label="Reason", max_length=300)

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        officers = officers_of(actor.jurisdiction_id)
        self.fields["from_officer"] = OfficerChoiceField(
            queryset=officers, label="From officer", empty_label="Choose…"
        )
        self.fields["to_officer"] = OfficerChoiceField(
            queryset=officers, label="To officer", required=False, empty_label="Nobody (unassigned)"
        )
        self.order_fields(["from_officer", "to_officer", "reason"])


class NoteForm(forms.Form):
    category = forms.ChoiceField(label="Category", choices=NoteCategory.choices)
    text = forms.CharField(label="Note", max_length=8000, widget=forms.Textarea(attrs={"rows": 6}))
    restricted = forms.BooleanField(
        label="Restricted: only me, the case officer and registrars may read it", required=False
    )


class VisitPlanForm(forms.Form):
    planned_for = date_field("Planned for")

    def __init__(self, *args: Any, person: Person, addresses: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["address"] = forms.ChoiceField(
            label="Address to verify",
            choices=[("", "Choose…")] + [(str(a.pk), a.summary) for a in addresses],
            error_messages={"required": "Choose the address to visit."},
        )
        self.fields["officer"] = officer_field(
            person,
            person.managing_jurisdiction_id,
            label="Visiting officer",
            required=False,
            empty="Me",
        )
        self.order_fields(["address", "planned_for", "officer"])


class VisitRecordForm(VersionForm):
    status = forms.ChoiceField(label="What happened", choices=VisitStatus.choices)
    outcome = forms.ChoiceField(
        label="Outcome", required=False, choices=[("", "—"), *VisitOutcome.choices]
    )
    visited_on = date_field("Visited on", required=False)
    visited_time = forms.TimeField(label="Time", required=False, widget=TimeInput())
    planned_for = date_field("Planned for (to re-plan)", required=False)
    notes = forms.CharField(
        label="Notes (needed to cancel)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReferralForm(forms.Form):
    found_on = date_field("Breach found on")
    referred_to = forms.CharField(
        label="Referred to", max_length=200, help_text="Unit, station or officer."
    )
    referred_on = date_field("Referred on")
    reference = forms.CharField(label="Their reference", required=False, max_length=100)
    notes = forms.CharField(
        label="Notes", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, obligations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["obligation"] = forms.ChoiceField(
            label="Obligation not met",
            choices=[("", "Choose…")]
            + [
                (
                    str(o.pk),
                    f"{o.kind.replace('_', ' ')} due {o.due_date or 'no date'} ({o.status})",
                )
                for o in obligations
            ],
            error_messages={"required": "Choose the obligation that was not met."},
        )
        self.order_fields(
            ["obligation", "found_on", "referred_to", "referred_on", "reference", "notes"]
        )


class ReferralUpdateForm(VersionForm):
    outcome = forms.ChoiceField(label="Outcome", choices=ReferralOutcome.choices)
    outcome_on = date_field("Outcome on", required=False)
    reference = forms.CharField(label="Their reference", required=False, max_length=100)
    notes = forms.CharField(
        label="Notes", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )


# --- s 122 requests ------------------------------------------------------------------------


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label="The person asked for", choices=RequestKind.choices)
    received_on = date_field("Received on", help_text="The day the person asked.")
    received_time = forms.TimeField(
        label="Time received",
        required=False,
        widget=TimeInput(),
        help_text="Local time at the registry (optional).",
    )
    channel = forms.ChoiceField(label="How", choices=RequestChannel.choices)
    description = forms.CharField(
        label="What the person asked for (in their words)",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, details: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["detail"] = forms.ChoiceField(
            label="For a correction: the detail the person says is wrong",
            required=False,
            choices=[("", "—")]
            + [(str(d.pk), f"{d.get_kind_display()}: {d.summary}") for d in details],
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == RequestKind.CORRECTION and not data.get("detail"):
            self.add_error("detail", "Choose the detail the person says is incorrect.")
        return data


class CopyForm(forms.Form):
    recipient = forms.CharField(
        label="Given to",
        max_length=200,
        initial="The registered person",
        help_text="Who receives the copy (the person, or their lawyer).",
    )
    purpose = forms.CharField(
        label="Purpose",
        max_length=300,
        initial="Request by the registered person for a copy of their reportable information",
    )
    delivered_on = date_field("Given on", required=False, help_text="Default: today.")


class DecideForm(VersionForm):
    decision = forms.ChoiceField(
        label="Decision", choices=CorrectionDecision.choices, widget=forms.RadioSelect
    )
    reasons = forms.CharField(
        label="Reasons", max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    expected_detail = forms.CharField(widget=forms.HiddenInput, required=False)


class WithdrawForm(VersionForm):
    reason = forms.CharField(label="How the person withdrew it", max_length=500)
