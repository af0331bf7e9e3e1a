"""Pages: a person's compliance, recording a report (form → review of the differences → save),
and one report with its acknowledgement.

Recording a report works without JavaScript. The personal details reported are added one at a
time ("Add this change"); the list of changes travels with the form as a signed value (nothing is
stored until the officer confirms), and the review step shows, per category, the details as
recorded now beside the details as reported, and the obligations the report will meet.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.urls import reverse
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, RuleViolation
from ncos.compliance import law, selectors
from ncos.compliance.choices import Manner, ReportKind
from ncos.compliance.forms import ChangeForm, ReportForm, combine
from ncos.compliance.models import Report
from ncos.compliance.services import candidates, plan_report, report_record
from ncos.compliance.services.changes import check_changes, parse_changes, preview
from ncos.compliance.services.reports import open_obligations
from ncos.compliance.views.base import CompliancePage, attach_violation, render_stub
from ncos.registry.choices import DetailKind
from ncos.registry.kinds import data_form_class, spec_for
from ncos.registry.models import Detail, Person
from ncos.registry.selectors import PersonAccess

SIGNING_MAX_AGE = 4 * 3600
CHECK_FIELDS = (
    "made_by",
    "representative_name",
    "representative_relationship",
    "representative_reason",
    "person_accompanied",
    "photo_id_sighted",
    "id_documents",
    "id_copied",
    "photo_taken",
    "photo_told",
    "fingerprints_taken",
    "fingerprints_reason",
    "fingerprints_told",
    "privacy_offered",
    "interpreter_present",
    "interpreter_name",
    "interpreter_language",
    "interpreter_undertaking",
    "support_person_present",
    "support_person_name",
)


class PersonComplianceView(CompliancePage):
    """GET: the person's obligations with their compliance state, reports and receipts, notices,
    failures to comply and reminders."""

    access_actions = {"GET": Action.PERSON_VIEW}

    def get(self, request: HttpRequest, person_id: object) -> HttpResponse:
        access = self.open(request, audit_now=True, person_id=person_id, purpose="compliance")
        if access.stub:
            return render_stub(request, access)
        person = access.person
        assert person is not None  # noqa: S101
        context = selectors.person_compliance(person)
        context["may_write"] = selectors.may_see_compliance(request.user) and (
            person.managing_jurisdiction_id == request.user.jurisdiction_id  # type: ignore[union-attr]
        )
        return self.page(request, access, "compliance/person.html", context)


# --- recording a report -------------------------------------------------------------------------


def _salt(request: HttpRequest, person: Person) -> str:
    return f"ncos.compliance.report:{request.user.pk}:{person.pk}"


def _sign(request: HttpRequest, person: Person, value: Any) -> str:
    return signing.dumps(value, salt=_salt(request, person), compress=True)


def _unsign(request: HttpRequest, person: Person, token: str, default: Any) -> Any:
    if not token:
        return default
    try:
        return signing.loads(token, salt=_salt(request, person), max_age=SIGNING_MAX_AGE)
    except signing.BadSignature:
        return default


def _targets(person: Person) -> list[tuple[str, str]]:
    facts = Detail.objects.filter(person=person, is_current=True, withdrawn=False).order_by(
        "kind", "-valid_from"
    )
    return [(str(f.pk), f"{DetailKind(f.kind).label}: {f.summary}") for f in facts]


def _initial_from(data: QueryDict, form_class: Any, **kwargs: Any) -> Any:
    """An unbound form showing what was typed (no errors shown while the officer is still adding
    changes)."""
    probe = form_class(**kwargs)
    initial: dict[str, Any] = {}
    for name, field in probe.fields.items():
        if isinstance(field, forms.MultipleChoiceField):
            initial[name] = data.getlist(name)
        elif isinstance(field, forms.BooleanField):
            initial[name] = data.get(name) in ("on", "true", "True", "1")
        elif data.get(name) is not None:
            initial[name] = data.get(name)
    return form_class(initial=initial, **kwargs)


class ReportCreateView(CompliancePage):
    access_actions = {"GET": Action.PERSON_UPDATE, "POST": Action.PERSON_UPDATE}
    template_name = "compliance/report_form.html"

    # -- forms -----------------------------------------------------------------------------
    def _default_kind(self, person: Person) -> str:
        kinds = {o.kind for o in open_obligations(person) if o.status in ("due", "overdue")}
        if kinds & {"annual_report", "periodic_report"}:
            return ReportKind.ANNUAL
        if "initial_report" in kinds:
            return ReportKind.INITIAL
        return ReportKind.CHANGE

    def _meet_choices(self, person: Person, kind: str, received_on: date) -> Any:
        found = candidates(person, kind=kind, manner=None, received_on=received_on)
        return found, [(c.obligation.key, c.label) for c in found]

    def _report_form(
        self, request: HttpRequest, person: Person, data: Any = None, initial: Any = None
    ) -> tuple[ReportForm, list[Any]]:
        source = data if data is not None else (initial or {})
        kind = str(source.get("kind") or self._default_kind(person))
        found, choices = self._meet_choices(person, kind, _today(person))
        kwargs = {"jurisdiction": person.managing_jurisdiction_id, "meet_choices": choices}
        if data is not None:
            return ReportForm(data, **kwargs), found
        values = dict(initial or {})
        values.setdefault("kind", kind)
        values.setdefault("meets", [c.obligation.key for c in found if c.suggested])
        return ReportForm(initial=values, **kwargs), found

    def _defaults(self, request: HttpRequest, person: Person) -> dict[str, Any]:
        moment = timezone.now().astimezone(person.managing_jurisdiction.zone)
        kind = request.GET.get("kind")
        return {
            "kind": kind if kind in ReportKind.values else self._default_kind(person),
            "manner": "in_person",
            "received_date": moment.date(),
            "received_time": moment.time().replace(second=0, microsecond=0),
            "officer": request.user.pk,
            "made_by": "self",
            "privacy_offered": True,
        }

    def _change_forms(
        self, person: Person, data: Any = None, *, chosen: dict[str, Any] | None = None
    ) -> tuple[ChangeForm, Any]:
        targets = _targets(person)
        if data is not None:
            change = ChangeForm(data, targets=targets)
            op = data.get("change_op") or "record"
            kind = data.get("change_kind") or ""
        else:
            change = ChangeForm(initial=chosen or {}, targets=targets)
            op = (chosen or {}).get("change_op", "record")
            kind = (chosen or {}).get("change_kind", "")
        if op == "correct":
            target = Detail.objects.filter(
                pk=_uuid_or_none((data or chosen or {}).get("change_target")), person=person
            ).first()
            kind = target.kind if target is not None else ""
        data_form = None
        if op in ("record", "correct") and kind in DetailKind.values:
            form_class = data_form_class(kind)
            if data is not None and data.get("data-present") == kind:
                data_form = form_class(data, prefix="data")
            elif op == "correct" and target is not None:
                data_form = form_class(initial=target.data, prefix="data")
            else:
                data_form = form_class(prefix="data")
            data_form.ncos_kind = kind  # type: ignore[attr-defined]  # template marker
        return change, data_form

    # -- rendering ---------------------------------------------------------------------------
    def _show(
        self,
        request: HttpRequest,
        access: PersonAccess,
        *,
        form: ReportForm,
        found: list[Any],
        changes: list[dict[str, Any]],
        change_form: ChangeForm,
        data_form: Any,
        status: int = 200,
        message: str = "",
    ) -> HttpResponse:
        person = access.person
        assert person is not None  # noqa: S101
        summaries = []
        for i, c in enumerate(changes):
            kind = c.get("kind") or ""
            target = None
            if c.get("detail_id") or c.get("replaces"):
                target = Detail.objects.filter(
                    pk=_uuid_or_none(c.get("detail_id") or c.get("replaces")), person=person
                ).first()
                kind = kind or (target.kind if target else "")
            label = DetailKind(kind).label if kind in DetailKind.values else kind
            summary = ""
            if c.get("data") and kind in DetailKind.values:
                summary = spec_for(kind).summary(c["data"])
            elif target is not None:
                summary = target.summary
            summaries.append(
                {
                    "index": i,
                    "op": c.get("op"),
                    "label": label,
                    "summary": summary,
                    "replaces": target.summary if target and c.get("replaces") else "",
                    "valid_from": c.get("valid_from"),
                    "valid_to": c.get("valid_to"),
                }
            )
        return self.page(
            request,
            access,
            self.template_name,
            {
                "form": form,
                "found": found,
                "changes_token": _sign(request, person, changes),
                "changes": summaries,
                "change_form": change_form,
                "data_form": data_form,
                "sections": law.sections(person.managing_jurisdiction_id),
                "act": law.act_for(person.managing_jurisdiction_id),
                "message": message,
            },
            status=status,
        )

    # -- GET ---------------------------------------------------------------------------------
    def get(self, request: HttpRequest, person_id: object) -> HttpResponse:
        access = self.open(request, audit_now=True, person_id=person_id, purpose="report form")
        person = access.person
        assert person is not None  # noqa: S101
        form, found = self._report_form(request, person, initial=self._defaults(request, person))
        change_form, data_form = self._change_forms(person)
        return self._show(
            request,
            access,
            form=form,
            found=found,
            changes=[],
            change_form=change_form,
            data_form=data_form,
        )

    # -- POST --------------------------------------------------------------------------------
    def post(self, request: HttpRequest, person_id: object) -> HttpResponse:
        access = self.open(request, audit_now=False, person_id=person_id)
        person = access.person
        assert person is not None  # noqa: S101
        op = request.POST.get("op") or "review"
        if op == "save":
            return self._save(request, access, person)
        if op == "edit":
            payload = _unsign(request, person, request.POST.get("payload", ""), None)
            if payload is None:
                return self._restart(request, access, person, "The review expired; start again.")
            access.audit_read("report form")
            form, found = self._report_form(request, person, initial=payload["form"])
            change_form, data_form = self._change_forms(person)
            return self._show(
                request,
                access,
                form=form,
                found=found,
                changes=payload["changes"],
                change_form=change_form,
                data_form=data_form,
            )
        changes = _unsign(request, person, request.POST.get("changes", ""), [])
        if op.startswith("remove-"):
            index = op.removeprefix("remove-")
            if index.isdigit() and int(index) < len(changes):
                changes.pop(int(index))
            return self._redisplay(request, access, person, changes)
        if op == "choose":
            chosen = {
                "change_op": request.POST.get("change_op") or "record",
                "change_kind": request.POST.get("change_kind") or "",
                "change_target": request.POST.get("change_target") or "",
                "change_valid_from": request.POST.get("change_valid_from") or "",
                "change_valid_to": request.POST.get("change_valid_to") or "",
                "change_reason": request.POST.get("change_reason") or "",
            }
            return self._redisplay(request, access, person, changes, chosen=chosen)
        if op == "add":
            return self._add(request, access, person, changes)
        return self._review(request, access, person, changes)

    def _restart(
        self, request: HttpRequest, access: PersonAccess, person: Person, message: str
    ) -> HttpResponse:
        access.audit_read("report form")
        form, found = self._report_form(request, person, initial=self._defaults(request, person))
        change_form, data_form = self._change_forms(person)
        return self._show(
            request,
            access,
            form=form,
            found=found,
            changes=[],
            change_form=change_form,
            data_form=data_form,
            status=400,
            message=message,
        )

    def _redisplay(
        self,
        request: HttpRequest,
        access: PersonAccess,
        person: Person,
        changes: list[dict[str, Any]],
        *,
        chosen: dict[str, Any] | None = None,
        change_form: Any = None,
        data_form: Any = None,
        status: int = 200,
    ) -> HttpResponse:
        access.audit_read("report form")
        found, choices = self._meet_choices(
            person, request.POST.get("kind") or self._default_kind(person), _today(person)
        )
        form = _initial_from(
            request.POST,
            ReportForm,
            jurisdiction=person.managing_jurisdiction_id,
            meet_choices=choices,
        )
        if change_form is None:
            change_form, data_form = self._change_forms(person, chosen=chosen)
        return self._show(
            request,
            access,
            form=form,
            found=found,
            changes=changes,
            change_form=change_form,
            data_form=data_form,
            status=status,
        )

    def _add(
        self, request: HttpRequest, access: PersonAccess, person: Person, changes: list[Any]
    ) -> HttpResponse:
        change_form, data_form = self._change_forms(person, request.POST)
        valid = change_form.is_valid()
        if valid and data_form is not None and data_form.is_bound:
            valid = data_form.is_valid()
        if valid:
            cd = change_form.cleaned_data
            op = cd["change_op"]
            if op == "record" and not cd.get("change_kind"):
                change_form.add_error("change_kind", "Choose the category.")
                valid = False
            elif op in ("record", "correct") and (data_form is None or not data_form.is_bound):
                change_form.add_error(None, "Press “Show the fields” and fill them in.")
                valid = False
        if valid:
            cd = change_form.cleaned_data
            op = cd["change_op"]
            raw = {
                "op": op,
                "kind": cd.get("change_kind") or "",
                "valid_from": _iso(cd.get("change_valid_from")),
                "valid_to": _iso(cd.get("change_valid_to")),
                "reason": cd.get("change_reason") or "",
                "data": _data(data_form.cleaned_data) if data_form is not None else {},
            }
            target = cd.get("change_target") or None
            if op == "record":
                raw["replaces"] = target
            else:
                raw["detail_id"] = target
                if op == "correct" and target:
                    fact = Detail.objects.filter(pk=_uuid_or_none(target), person=person).first()
                    if fact is not None:
                        raw["kind"] = fact.kind
                        raw.setdefault("valid_from", None)
                        if not raw["valid_from"] and fact.valid_from:
                            raw["valid_from"] = fact.valid_from.isoformat()
                        if not raw["valid_to"] and fact.valid_to:
                            raw["valid_to"] = fact.valid_to.isoformat()
            try:
                check_changes(person, parse_changes([*changes, raw]))
            except RuleViolation as violation:
                field = (violation.field or "").split(".")[-1]
                if data_form is not None and field in data_form.fields:
                    data_form.add_error(field, str(violation))
                elif f"change_{field}" in change_form.fields:
                    change_form.add_error(f"change_{field}", str(violation))
                elif field in ("detail_id", "replaces"):
                    change_form.add_error("change_target", str(violation))
                else:
                    change_form.add_error(None, str(violation))
                valid = False
            except ConflictError as error:
                change_form.add_error(None, str(error))
                valid = False
            else:
                changes = [*changes, {k: v for k, v in raw.items() if v not in (None, "")}]
                return self._redisplay(request, access, person, changes)
        return self._redisplay(
            request,
            access,
            person,
            changes,
            change_form=change_form,
            data_form=data_form,
            status=400,
        )

    def _kwargs(self, person: Person, form: ReportForm) -> dict[str, Any]:
        cd = form.cleaned_data
        zone = person.managing_jurisdiction.zone
        received_at = combine(cd["received_date"], cd["received_time"], zone)
        kwargs: dict[str, Any] = {
            "kind": cd["kind"],
            "manner": cd["manner"],
            "received_at": received_at,
            "place": cd["place"].pk if cd.get("place") else None,
            "place_text": cd.get("place_text") or "",
            "officer": cd["officer"].pk if cd.get("officer") else None,
            "information": cd.get("information") or "",
            "notes": cd.get("notes") or "",
            "meets": list(cd.get("meets") or []),
        }
        for name in CHECK_FIELDS:
            value = cd.get(name)
            if name == "person_accompanied":
                value = bool(value) if cd.get("made_by") == "representative" else None
            elif value is None:
                value = ""
            kwargs[name] = value
        return kwargs

    def _review(
        self, request: HttpRequest, access: PersonAccess, person: Person, changes: list[Any]
    ) -> HttpResponse:
        form, found = self._report_form(request, person, data=request.POST)
        if not form.is_valid():
            change_form, data_form = self._change_forms(person)
            access.audit_read("report form rejected")
            return self._show(
                request,
                access,
                form=form,
                found=found,
                changes=changes,
                change_form=change_form,
                data_form=data_form,
                status=400,
            )
        kwargs = self._kwargs(person, form)
        try:
            plan_kwargs = {k: v for k, v in kwargs.items() if k not in ("information", "notes")}
            plan = plan_report(actor=request.user, person=person, details=changes, **plan_kwargs)
        except (RuleViolation, ConflictError) as violation:
            if isinstance(violation, RuleViolation):
                attach_violation(form, violation)
            else:
                form.add_error(None, str(violation))
            change_form, data_form = self._change_forms(person)
            access.audit_read("report form rejected")
            return self._show(
                request,
                access,
                form=form,
                found=found,
                changes=changes,
                change_form=change_form,
                data_form=data_form,
                status=400,
            )
        access.audit_read("report review")
        form_values = {name: _jsonish(form.cleaned_data.get(name)) for name in form.fields}
        payload = {"form": form_values, "changes": changes}
        today = _today(person)
        met = []
        for o in plan.all_meets:
            due = o.due_date
            late = (plan.received_on - due).days if due and plan.received_on > due else 0
            met.append(
                {
                    "label": next((c.label for c in found if c.obligation.key == o.key), o.key),
                    "key": o.key,
                    "automatic": o in plan.derived,
                    "late": late,
                }
            )
        for o in plan.derived:
            if not any(m["key"] == o.key for m in met):
                met.append({"label": o.key, "key": o.key, "automatic": True, "late": 0})
        return self.page(
            request,
            access,
            "compliance/report_review.html",
            {
                "plan": plan,
                "kind_label": ReportKind(plan.kind).label,
                "manner_label": Manner(plan.manner).label,
                "diffs": preview(person, plan.checked, today),
                "met": met,
                "payload": _sign(request, person, payload),
                "received_local": plan.received_at.astimezone(person.managing_jurisdiction.zone),
                "ack_due": law.ack_due(person.managing_jurisdiction_id, plan.received_on),
                "ack_rule": law.ack_rule(person.managing_jurisdiction_id).text,
            },
        )

    def _save(self, request: HttpRequest, access: PersonAccess, person: Person) -> HttpResponse:
        payload = _unsign(request, person, request.POST.get("payload", ""), None)
        if payload is None:
            return self._restart(
                request, access, person, "The review expired or was altered; enter it again."
            )
        data = QueryDict(mutable=True)
        for name, value in payload["form"].items():
            if isinstance(value, list):
                data.setlist(name, [str(v) for v in value])
            elif isinstance(value, bool):
                if value:
                    data[name] = "on"
            elif value is not None:
                data[name] = str(value)
        form, found = self._report_form(request, person, data=data)
        if not form.is_valid():
            return self._restart(request, access, person, "Some answers are no longer valid.")
        kwargs = self._kwargs(person, form)
        try:
            report = report_record(
                actor=request.user, person=person.pk, details=payload["changes"], **kwargs
            )
        except (RuleViolation, ConflictError) as violation:
            if isinstance(violation, RuleViolation):
                attach_violation(form, violation)
            else:
                form.add_error(None, str(violation))
            change_form, data_form = self._change_forms(person)
            access.audit_read("report rejected")
            return self._show(
                request,
                access,
                form=form,
                found=found,
                changes=payload["changes"],
                change_form=change_form,
                data_form=data_form,
                status=400,
            )
        messages.success(
            request,
            f"Report {report.reference} recorded. Acknowledge it in writing by "
            f"{report.ack_due_on:%d %B %Y}.",
        )
        return HttpResponseRedirect(reverse("compliance:report", kwargs={"report_id": report.pk}))


def _today(person: Person) -> date:
    return timezone.localdate(timezone=person.managing_jurisdiction.zone)


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else None


def _jsonish(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


def _data(cleaned: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in cleaned.items():
        if isinstance(value, date):
            value = value.isoformat()
        if value in (None, "") or value is False:
            continue
        out[name] = value
    return out


def _uuid_or_none(value: Any) -> Any:
    import uuid

    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


# --- one report ---------------------------------------------------------------------------------


class ReportPage(CompliancePage):
    """Pages reached by a report's id."""

    def person_id_for(self, **kwargs: Any) -> object:
        report = (
            Report.objects.filter(pk=_uuid_or_none(kwargs.get("report_id")))
            .only("person_id")
            .first()
        )
        if report is None:
            raise Http404("Not found.")
        return report.person_id


class ReportDetailView(ReportPage):
    access_actions = {"GET": Action.PERSON_VIEW}

    def get(self, request: HttpRequest, report_id: object) -> HttpResponse:
        access = self.open(request, audit_now=True, report_id=report_id, purpose="report")
        if access.stub:
            return render_stub(request, access)
        person = access.person
        assert person is not None  # noqa: S101
        report = (
            Report.objects.select_related("officer", "place", "recorded_by")
            .prefetch_related("meets__obligation", "acknowledgements")
            .get(pk=report_id)
        )
        acks = sorted(report.acknowledgements.all(), key=lambda a: -a.sequence)
        given = next((a for a in acks if a.given_at), None)
        today = _today(person)
        may_write = selectors.may_see_compliance(request.user) and (
            person.managing_jurisdiction_id == request.user.jurisdiction_id  # type: ignore[union-attr]
        )
        return self.page(
            request,
            access,
            "compliance/report_detail.html",
            {
                "report": report,
                "acks": acks,
                "given": given,
                "latest": acks[0] if acks else None,
                "ack_overdue": given is None and report.ack_due_on < today,
                "ack_rule": law.ack_rule(report.jurisdiction).text,
                "details": Detail.objects.filter(report_id=report.pk).order_by("kind", "sequence"),
                "may_write": may_write,
            },
        )
