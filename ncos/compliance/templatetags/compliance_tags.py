"""Template helpers for the compliance pages (display only)."""

from __future__ import annotations

from typing import Any

from django import template

from ncos.compliance.choices import ComplianceState
from ncos.compliance.states import STATE_TAGS, describe, kind_label, manner_text, state_of, title

register = template.Library()


@register.filter
def state(obligation: Any) -> str:
    return state_of(obligation).value


@register.filter
def state_label(obligation: Any) -> str:
    s = state_of(obligation)
    if s == ComplianceState.MET_LATE:
        days = obligation.days_late
        return f"Met late ({days} day{'s' if days != 1 else ''})"
    return s.label


@register.filter
def state_class(obligation: Any) -> str:
    return STATE_TAGS.get(state_of(obligation), "ncos-tag")


@register.filter
def obligation_label(obligation: Any) -> str:
    return describe(obligation, obligation.person.managing_jurisdiction.zone)


@register.filter
def obligation_kind(kind: str) -> str:
    return kind_label(kind)


@register.filter
def local(moment: Any, zone_name: str) -> Any:
    """A stored UTC moment in the jurisdiction's zone."""
    from zoneinfo import ZoneInfo

    if moment is None:
        return None
    return moment.astimezone(ZoneInfo(zone_name))


@register.filter
def given_ack(report: Any) -> Any:
    """The acknowledgement given for a report (or None)."""
    for ack in report.acknowledgements.all():
        if ack.given_at is not None:
            return ack
    return None


@register.filter
def latest_ack(report: Any) -> Any:
    acks = sorted(report.acknowledgements.all(), key=lambda a: -a.sequence)
    return acks[0] if acks else None


@register.filter
def obligation_title(obligation: Any) -> str:
    return title(obligation)


@register.filter
def manner_words(manner: Any) -> str:
    return manner_text(manner)
