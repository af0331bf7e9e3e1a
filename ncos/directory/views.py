"""The national contact directory of the eight registries."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ncos.access.actions import Action
from ncos.access.views import requires
from ncos.directory.models import Jurisdiction


@requires(Action.REFERENCE_READ)
def jurisdiction_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "directory/list.html", {"jurisdictions": Jurisdiction.objects.order_by("code")}
    )
