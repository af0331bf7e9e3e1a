"""Dashboard panels of national sharing: the inbox, escalated notifications (nobody acknowledged
them within 2 working days of the receiving registry), and transfers waiting for an answer."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.policy import RecordRef, decide
from ncos.access.subjects import subject_of
from ncos.sharing import selectors


def sharing_panels(request: HttpRequest) -> list[dict[str, Any]]:
    user = request.user
    subject = subject_of(user)
    code = subject.jurisdiction or ""
    if not code or not decide(subject, Action.INBOX_READ, RecordRef(code)).allowed:
        return []
    inbox = reverse("sharing:inbox")
    unread = selectors.unread_count(user)
    escalated = selectors.escalated_to(code).count()
    late_elsewhere = selectors.escalated_from(code).count()
    waiting = selectors.transfers_waiting(code).count()
    arriving = selectors.expected_arrivals(code).count()
    panels: list[dict[str, Any]] = [
        {
            "title": "Inbox",
            "figure": unread,
            "url": f"{inbox}?state=unread",
            "text": f"Unread items for {code}.",
            "links": [
                {
                    "label": "Transfers waiting for an answer",
                    "url": f"{inbox}?kind=transfer_request",
                    "count": waiting,
                },
                {
                    "label": "Travellers arriving in the next 14 days",
                    "url": f"{inbox}?kind=travel_notification",
                    "count": arriving,
                },
            ],
        }
    ]
    if escalated or late_elsewhere:
        panels.append(
            {
                "title": "Travel notifications not acknowledged in time",
                "figure": escalated,
                "url": f"{inbox}?state=escalated",
                "text": (
                    f"Sent to {code} and not acknowledged within 2 working days. "
                    f"{late_elsewhere} sent by {code} are waiting on another registry."
                ),
                "links": [],
            }
        )
    return panels
