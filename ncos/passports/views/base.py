"""The form pages about one permission or one passport request of a person."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from ncos.access.errors import NotFound
from ncos.registry.selectors import PersonAccess
from ncos.registry.views.base import PersonFormPage
from ncos.sharing.views.common import tabs_context, travel_url


class RecordFormPage(PersonFormPage):
    """A form page reached by a URL naming `record_kwarg` (absent on the create page). The
    record is looked up once per request, within the person already opened."""

    template_name = "passports/form.html"
    tab = "travel"
    record_kwarg = ""
    context_name = ""
    not_found = "Not found."

    def lookup(self, person_id: Any, record_id: Any) -> Any:
        raise NotImplementedError

    def record_url(self, person_id: Any, record_id: Any) -> str:
        raise NotImplementedError

    def record(self, access: PersonAccess, kwargs: dict[str, Any]) -> Any:
        if not hasattr(self, "_record"):
            try:
                self._record = self.lookup(access.person_id, kwargs[self.record_kwarg])
            except NotFound:
                raise Http404(self.not_found) from None
        return self._record

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        context: dict[str, Any] = {**tabs_context(), "back_url": travel_url(access.person_id)}
        if self.record_kwarg in kwargs:
            context[self.context_name] = self.record(access, kwargs)
            context["back_url"] = self.record_url(access.person_id, kwargs[self.record_kwarg])
        return context
