"""What the person summary page shows: photo, names, status, obligations, alerts."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ncos.registry.choices import DetailKind, ObligationStatus, PersonStatus, PhotoKind
from ncos.registry.models import Assessment, Obligation, Person, Photo

OPEN_STATUSES = (ObligationStatus.DUE, ObligationStatus.OVERDUE, ObligationStatus.UPCOMING)
SHOWN_STATUSES = (
    *OPEN_STATUSES,
    ObligationStatus.MET,
    ObligationStatus.SUSPENDED,
    ObligationStatus.NOT_APPLICABLE,
)


AlertProvider = Callable[[Person], Iterable[tuple[str, str]]]
ALERT_PROVIDERS: list[AlertProvider] = []
"""Other apps' alerts on the person summary: ``provider(person) -> [(level, text), …]`` with
level ``error``/``warning``/``info``. Pure reads, no audit, no names in the text (the page
already shows who the person is). Register in ``AppConfig.ready``."""


@dataclass
class Alert:
    level: str  # "error", "warning", "info"
    text: str


@dataclass
class Summary:
    person: Person
    photo: Photo | None
    names: list[Any]
    aliases: list[Any]
    assessment: Assessment | None
    next_obligations: list[Obligation]
    alerts: list[Alert] = field(default_factory=list)


def latest_assessment(person: Person) -> Assessment | None:
    return Assessment.objects.filter(person=person).order_by("-number").first()


def primary_photo(person: Person) -> Photo | None:
    photos = Photo.objects.filter(person=person, withdrawn_at__isnull=True)
    return (
        photos.filter(kind=PhotoKind.FACE).order_by("-taken_on", "-uploaded_at").first()
        or photos.order_by("-taken_on", "-uploaded_at").first()
    )


def obligations_of(person: Person, statuses: tuple[str, ...] = SHOWN_STATUSES) -> list[Obligation]:
    rows = list(Obligation.objects.filter(person=person, status__in=statuses))
    return sorted(rows, key=lambda o: (o.due_date or date.max, o.kind, o.key))


def person_summary(person: Person, *, today: date) -> Summary:
    from ncos.registry.selectors.details import details_query

    names = list(details_query(person, kind=DetailKind.NAME))
    assessment = latest_assessment(person)
    open_obligations = obligations_of(person, OPEN_STATUSES)
    summary = Summary(
        person=person,
        photo=primary_photo(person),
        names=[n for n in names if n.data.get("name_type") == "current"],
        aliases=[n for n in names if n.data.get("name_type") != "current"],
        assessment=assessment,
        next_obligations=open_obligations[:5],
    )
    summary.alerts = _alerts(person, assessment, open_obligations)
    return summary


def _alerts(person: Person, assessment: Assessment | None, open_: list[Obligation]) -> list[Alert]:
    alerts: list[Alert] = []
    if person.caution:
        alerts.append(Alert("error", f"Caution: {person.caution}"))
    overdue = [o for o in open_ if o.status == ObligationStatus.OVERDUE]
    if overdue:
        alerts.append(Alert("error", f"{len(overdue)} reporting obligation(s) overdue."))
    if person.status in (
        PersonStatus.SUSPENDED,
        PersonStatus.OUTSIDE_AUSTRALIA,
        PersonStatus.DECEASED,
    ):
        alerts.append(Alert("warning", f"Status: {person.get_status_display()}."))
    if person.protected:
        alerts.append(Alert("info", "Protected person: visible only to users with clearance."))
    if assessment is not None and assessment.error:
        alerts.append(Alert("warning", f"Obligations could not be computed: {assessment.error}"))
    elif (
        assessment is not None
        and assessment.registrable is False
        and person.status == PersonStatus.REGISTRABLE
    ):
        alerts.append(
            Alert(
                "warning",
                "The law engine does not find this person registrable on "
                "the recorded facts. Check the offences and orders.",
            )
        )
    for provider in ALERT_PROVIDERS:
        alerts.extend(Alert(level, text) for level, text in provider(person))
    merged_from = list(person.merged_from.values_list("national_id", flat=True))
    if merged_from:
        alerts.append(Alert("info", f"Merged from {', '.join(merged_from)}."))
    return alerts
