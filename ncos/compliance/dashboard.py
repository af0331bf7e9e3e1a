"""Home-page panels: what is due, what is overdue, acknowledgements owed, the compliance rate over
12 months, caseload sizes — for the user's registry and, for a case officer, their own caseload.
Every figure links to the list behind it. Nothing for users who may not do compliance work."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse

from ncos.compliance import selectors


def _url(name: str, **params: Any) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return reverse(name) + (f"?{query}" if query else "")


def compliance_panels(request: HttpRequest) -> list[dict[str, Any]]:
    user = request.user
    if not user.is_authenticated or not selectors.may_see_compliance(user):
        return []
    persons = selectors.scope(user)
    today = selectors.user_today(user)
    fig = selectors.figures(persons, today)
    code = user.jurisdiction_id
    panels: list[dict[str, Any]] = [
        {
            "title": f"Obligations due soon ({code})",
            "figure": fig.due_7,
            "url": _url("compliance:obligations", window=7),
            "text": "due in the next 7 days",
            "links": [
                {
                    "label": "Due in the next 7 days",
                    "url": _url("compliance:obligations", window=7),
                    "count": fig.due_7,
                },
                {
                    "label": "Due in the next 30 days",
                    "url": _url("compliance:obligations", window=30),
                    "count": fig.due_30,
                },
                {"label": "Reminders", "url": _url("compliance:reminders"), "count": fig.reminders},
            ],
        },
        {
            "title": f"Overdue now ({code})",
            "figure": fig.overdue,
            "url": _url("compliance:obligations", state="overdue"),
            "text": "obligations not met by their due date",
            "links": [],
        },
        {
            "title": "Acknowledgements owed",
            "figure": fig.acks_owed,
            "url": _url("compliance:reports", ack="owed"),
            "text": "reports not yet acknowledged in writing",
            "links": [
                {
                    "label": "Past their deadline",
                    "url": _url("compliance:reports", ack="overdue"),
                    "count": fig.acks_overdue,
                },
            ],
        },
    ]
    rate = fig.rate_12m
    chart = selectors.svg_bars(fig.rates)
    panels.append(
        {
            "title": "Compliance, last 12 months",
            "figure": f"{rate}%" if rate is not None else "—",
            "url": _url("compliance:dashboard"),
            "text": "of obligations that fell due were met on time",
            "svg_label": "Share of obligations met on time, by month",
            **chart,
            "links": [],
        }
    )
    sizes = selectors.caseload_sizes(persons)
    panels.append(
        {
            "title": "Caseload sizes",
            "figure": fig.persons,
            "url": _url("compliance:dashboard"),
            "text": "persons managed by this registry",
            "links": [
                {
                    "label": row["name"],
                    "url": _url(
                        "compliance:obligations",
                        officer=row["officer_id"] or "none",
                        state="open",
                    ),
                    "count": row["count"],
                }
                for row in sizes[:8]
            ],
        }
    )
    mine = persons.filter(case_officer=user)
    if mine.exists():
        own = selectors.figures(mine, today)
        panels.insert(
            0,
            {
                "title": "My caseload",
                "figure": own.overdue,
                "url": _url("compliance:obligations", officer=user.pk, state="overdue"),
                "text": "overdue obligations among the persons you manage",
                "links": [
                    {
                        "label": "Due in the next 7 days",
                        "url": _url("compliance:obligations", officer=user.pk, window=7),
                        "count": own.due_7,
                    },
                    {
                        "label": "Due in the next 30 days",
                        "url": _url("compliance:obligations", officer=user.pk, window=30),
                        "count": own.due_30,
                    },
                    {
                        "label": "Acknowledgements owed",
                        "url": _url("compliance:reports", officer=user.pk, ack="owed"),
                        "count": own.acks_owed,
                    },
                    {
                        "label": "My reminders",
                        "url": _url("compliance:reminders", officer=user.pk),
                        "count": own.reminders,
                    },
                ],
            },
        )
    return panels
