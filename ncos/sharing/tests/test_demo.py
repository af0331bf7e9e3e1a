"""The demo's national sharing records: built through the services, and loaded once."""

from __future__ import annotations

import pytest

from ncos.passports.models import PassportRequest, TravelPermission
from ncos.sharing.models import InboxItem, TransferRequest, TravelPlan

pytestmark = pytest.mark.django_db


def test_the_demo_fills_both_inboxes_and_is_idempotent():
    from ncos.registry import demo as registry_demo
    from ncos.sharing import demo
    from ncos.web.demo_users import ensure_demo_users

    ensure_demo_users()
    registry_demo.load(per_jurisdiction=10, jurisdictions=("ACT", "NSW"))
    assert demo.load()[0].startswith("Demo sharing: 6 ")
    for code, other in (("ACT", "NSW"), ("NSW", "ACT")):
        kinds = sorted(
            InboxItem.objects.filter(jurisdiction_id=other, from_jurisdiction_id=code).values_list(
                "kind", flat=True
            )
        )
        assert kinds == ["transfer_request", "travel_notification", "travel_notification"]
        request = PassportRequest.objects.get(jurisdiction_id=code)
        assert (request.request_type, request.status) == ("issue_limited", "draft")
        assert TravelPermission.objects.get(person=request.person).status == "granted"
    counts = (TravelPlan.objects.count(), TransferRequest.objects.count())
    assert counts == (4, 2)
    assert demo.load()[0].startswith("Demo sharing: 0 ")
    assert (TravelPlan.objects.count(), TransferRequest.objects.count()) == counts
