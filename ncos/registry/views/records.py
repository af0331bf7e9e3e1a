"""Pages: record and correct custody periods, parole and court orders (one pair of views each)."""

from __future__ import annotations

from typing import Any

from django.forms import Form
from django.http import Http404, HttpRequest

from ncos.access.errors import ConflictError
from ncos.registry import services
from ncos.registry.forms import CustodyForm, OrderForm, ParoleForm
from ncos.registry.forms.common import VersionForm as _VersionOnly
from ncos.registry.models import CourtOrder, CustodyPeriod, Parole
from ncos.registry.selectors import PersonAccess
from ncos.registry.views.base import PersonFormPage
from ncos.registry.views.offences import offences_url

# --- custody, parole, orders: one add page and one edit page each ----------------------------

_KINDS = {
    "custody": (
        CustodyPeriod,
        CustodyForm,
        services.custody_record,
        services.custody_update,
        "custody period",
    ),
    "parole": (Parole, ParoleForm, services.parole_record, services.parole_update, "parole"),
    "order": (CourtOrder, OrderForm, services.order_record, services.order_update, "court order"),
}


class RecordAddView(PersonFormPage):
    tab = "offences"
    record = "custody"

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        self.title = f"Record a {_KINDS[self.record][4]}"
        return {"form": _KINDS[self.record][1](data, person=access.person)}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = {k: v for k, v in forms["form"].cleaned_data.items() if v not in (None, "")}
        _KINDS[self.record][2](actor=request.user, person_id=access.person_id, **data)
        return offences_url(access.person_id)


class RecordEditView(PersonFormPage):
    tab = "offences"
    record = "custody"

    def obj(self, access: PersonAccess, pk: Any) -> Any:
        model = _KINDS[self.record][0]
        obj = model.objects.filter(pk=pk, person_id=access.person_id).first()
        if obj is None:
            raise Http404("No such record.")
        return obj

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        self.title = f"Correct a {_KINDS[self.record][4]}"
        obj = self.obj(access, kwargs[f"{self.record}_id"])
        form = _KINDS[self.record][1](data, instance=obj, person=access.person)
        return {"form": form, "version": _VersionOnly(data, initial={"version": obj.version})}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        form = forms["form"]
        changes = {k: form.cleaned_data.get(k) for k in form.fields}
        changes = {
            k: ("" if v is None and isinstance(form.fields[k].initial, str) else v)
            for k, v in changes.items()
        }
        for name, field in form.fields.items():
            if changes.get(name) is None and field.__class__.__name__ == "CharField":
                changes[name] = ""
        _KINDS[self.record][3](
            actor=request.user,
            **{f"{self.record}_id": kwargs[f"{self.record}_id"]},
            expected_version=forms["version"].cleaned_data["version"],
            changes=changes,
            reason="corrected",
        )
        return offences_url(access.person_id)

    def conflict_context(
        self,
        request: HttpRequest,
        access: PersonAccess,
        forms: dict[str, Form],
        error: ConflictError,
        **kwargs: Any,
    ) -> dict[str, Any]:
        obj = self.obj(access, kwargs[f"{self.record}_id"])
        yours = forms["form"].cleaned_data
        rows = [
            {
                "field": k.replace("_", " "),
                "seen": "",
                "current": getattr(obj, k),
                "yours": yours.get(k),
                "by": obj.updated_by.username if obj.updated_by else "",
            }
            for k in forms["form"].fields
            if yours.get(k) != getattr(obj, k)
        ]
        return {"rows": rows, "retry_url": request.path, "back_url": offences_url(access.person_id)}
