"""Pages: personal details by category (as at a date, as known at a time, with history), and
forms to record, correct, end and withdraw a fact."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import forms as djforms
from django.forms import Form
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone

from ncos.access.errors import ConflictError
from ncos.registry import services
from ncos.registry.forms import DetailEndForm, DetailMetaForm, DetailWithdrawForm
from ncos.registry.kinds import SPECS, data_form_class, spec_for
from ncos.registry.models import Detail
from ncos.registry.selectors import PersonAccess, details_by_kind, histories
from ncos.registry.services._common import local_today
from ncos.registry.views.base import PersonFormPage, PersonPage


class AsAtForm(djforms.Form):
    as_at = djforms.DateField(
        required=False,
        label="As at date",
        widget=djforms.DateInput(attrs={"type": "date"}),
        help_text="Show what was true on this day.",
        error_messages={"invalid": "Enter a real date, like 2021-03-03."},
    )
    known_at = djforms.DateField(
        required=False,
        label="As the register knew it on",
        widget=djforms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty for what we know now.",
        error_messages={"invalid": "Enter a real date, like 2021-03-03."},
    )
    kind = djforms.ChoiceField(
        required=False,
        choices=[("", "All categories")] + [(k, s.label) for k, s in SPECS.items()],
        label="Category",
    )


class DetailsView(PersonPage):
    template_name = "registry/details.html"
    tab = "details"

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        person = access.person
        assert person is not None  # noqa: S101
        form = AsAtForm(request.GET or None)
        as_at = known_at = None
        kind = ""
        if form.is_bound and form.is_valid():
            as_at = form.cleaned_data.get("as_at")
            kind = form.cleaned_data.get("kind") or ""
            known = form.cleaned_data.get("known_at")
            if known:
                zone = ZoneInfo(person.managing_jurisdiction.time_zone)
                known_at = datetime.combine(known, datetime.max.time(), tzinfo=zone)
        groups = details_by_kind(
            person,
            today=local_today(person),
            as_at=as_at,
            known_at=known_at,
            kinds=(kind,) if kind else None,
        )
        history = histories(person, kind or None)
        for group in groups:
            for detail in group.current + group.ended:
                detail.history = history.get(detail.fact_id, [])  # type: ignore[attr-defined]
        return {
            "form": form,
            "groups": groups,
            "as_at": as_at,
            "known_at": known_at,
            "withdrawn": [v[0] for v in history.values() if v and v[0].withdrawn],
            "kinds": [(k, s.label) for k, s in SPECS.items()],
        }


def _details_url(person_id: Any, kind: str = "") -> str:
    url = reverse("registry:details", kwargs={"person_id": person_id})
    return f"{url}?kind={kind}" if kind else url


class DetailAddView(PersonFormPage):
    tab = "details"
    success_message = "Detail recorded."

    def _kind(self, request: HttpRequest) -> str:
        kind = request.GET.get("kind") or request.POST.get("kind") or ""
        if kind not in SPECS:
            kind = "address"
        return kind

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        spec = spec_for(self._kind(request))
        self.title = f"Record: {spec.label.lower()}"
        return {
            "data": data_form_class(spec.kind)(data, prefix="d"),
            "meta": DetailMetaForm(data, labels=spec.period_label),
        }

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        spec = spec_for(self._kind(request))
        return {
            "hidden": {"kind": spec.kind},
            "law": spec.law,
            "kinds": [(k, s.label) for k, s in SPECS.items()],
            "kind": spec.kind,
        }

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        kind = self._kind(request)
        meta = forms["meta"].cleaned_data
        services.detail_record(
            actor=request.user,
            person_id=access.person_id,
            kind=kind,
            data=forms["data"].cleaned_data,
            valid_from=meta.get("valid_from"),
            valid_to=meta.get("valid_to"),
            changed_at=_aware(meta.get("changed_at"), access),
            source_type=meta["source_type"],
            source_reference=meta.get("source_reference", ""),
        )
        return _details_url(access.person_id, kind)


def _aware(value: datetime | None, access: PersonAccess) -> datetime | None:
    if value is None:
        return None
    if timezone.is_aware(value):
        return value
    return value.replace(tzinfo=ZoneInfo(access.jurisdiction.time_zone))


class _VersionPage(PersonFormPage):
    """A form acting on one version of one fact (`detail_id`) of the person in the URL."""

    tab = "details"

    def version(self, access: PersonAccess, detail_id: Any) -> Detail:
        detail = Detail.objects.filter(pk=detail_id, person_id=access.person_id).first()
        if detail is None:
            raise Http404("No such detail.")
        return detail

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        detail = self.version(access, kwargs["detail_id"])
        return {
            "detail": detail,
            "law": spec_for(detail.kind).law,
            "history": histories(access.person, detail.kind).get(detail.fact_id, []),
        }  # type: ignore[arg-type]

    def conflict_context(
        self,
        request: HttpRequest,
        access: PersonAccess,
        forms: dict[str, Form],
        error: ConflictError,
        **kwargs: Any,
    ) -> dict[str, Any]:
        seen = self.version(access, kwargs["detail_id"])
        current = Detail.objects.filter(fact_id=seen.fact_id, is_current=True).first()
        spec = spec_for(seen.kind)
        rows = []
        yours = forms.get("data").cleaned_data if "data" in forms else {}  # type: ignore[union-attr]
        for f in spec.fields:
            now_value = current.data.get(f.name) if current else None
            if seen.data.get(f.name) != now_value or (yours and yours.get(f.name)):
                rows.append(
                    {
                        "field": f.label,
                        "seen": spec.label_of(f.name, seen.data.get(f.name)),
                        "current": spec.label_of(f.name, now_value),
                        "yours": spec.label_of(f.name, yours.get(f.name)) if yours else "",
                        "by": current.recorded_by.username
                        if current and current.recorded_by
                        else "",
                    }
                )
        if current is not None:
            for label, a, b in (
                ("From", seen.valid_from, current.valid_from),
                ("To", seen.valid_to, current.valid_to),
                ("Withdrawn", seen.withdrawn, current.withdrawn),
            ):
                if a != b:
                    rows.append(
                        {
                            "field": label,
                            "seen": a,
                            "current": b,
                            "yours": "",
                            "by": current.recorded_by.username if current.recorded_by else "",
                        }
                    )
        retry = None
        if current is not None and not current.withdrawn:
            retry = reverse(
                "registry:detail_correct",
                kwargs={"person_id": access.person_id, "detail_id": current.pk},
            )
        return {
            "rows": rows,
            "retry_url": retry,
            "back_url": _details_url(access.person_id, seen.kind),
        }


class DetailCorrectView(_VersionPage):
    title = "Correct a detail"
    success_message = "Correction recorded. The earlier version is kept in the history."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        detail = self.version(access, kwargs["detail_id"])
        spec = spec_for(detail.kind)
        self.title = f"Correct: {spec.label.lower()}"
        initial = {
            "valid_from": detail.valid_from,
            "valid_to": detail.valid_to,
            "changed_at": detail.changed_at,
            "source_type": detail.source_type,
        }
        return {
            "data": data_form_class(detail.kind)(data, prefix="d", initial=detail.data),
            "meta": DetailMetaForm(
                data, initial=initial, labels=spec.period_label, correcting=True
            ),
        }

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        meta = forms["meta"].cleaned_data
        new = services.detail_correct(
            actor=request.user,
            detail_id=kwargs["detail_id"],
            data=forms["data"].cleaned_data,
            valid_from=meta.get("valid_from"),
            valid_to=meta.get("valid_to"),
            changed_at=_aware(meta.get("changed_at"), access),
            reason=meta["reason"],
            source_type=meta["source_type"],
            source_reference=meta.get("source_reference", ""),
        )
        return _details_url(access.person_id, new.kind)


class DetailEndView(_VersionPage):
    title = "Record that this stopped being so"
    submit_label = "Record the end"
    success_message = "End recorded."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        detail = self.version(access, kwargs["detail_id"])
        form = DetailEndForm(data, initial={"valid_to": local_today(access.person)})  # type: ignore[arg-type]
        form.fields["valid_to"].label = spec_for(detail.kind).period_label[1]
        return {"form": form}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = forms["form"].cleaned_data
        new = services.detail_end(
            actor=request.user,
            detail_id=kwargs["detail_id"],
            valid_to=data["valid_to"],
            reason=data["reason"],
            source_type=data["source_type"],
            source_reference=data.get("source_reference", ""),
        )
        return _details_url(access.person_id, new.kind)


class DetailWithdrawView(_VersionPage):
    title = "Withdraw a detail recorded in error"
    submit_label = "Withdraw"
    success_message = "Withdrawn. It stays in the history."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        return {"form": DetailWithdrawForm(data)}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        new = services.detail_withdraw(
            actor=request.user,
            detail_id=kwargs["detail_id"],
            reason=forms["form"].cleaned_data["reason"],
        )
        return _details_url(access.person_id, new.kind)
