"""The data the security suites crawl: protected persons full of canaries (security.md T4).

`build_world()` creates, through each app's services, one protected person managed by the ACT
and one managed by NSW (plus an ordinary control person in each), every one of them carrying
unique canary tokens in every kind of field the apps hold: names, aliases, place of birth,
addresses, phones, vehicles, online identities, passports, employer, children, clubs, tattoos,
travel, offences' free text, court orders, documents, a photograph (unique SHA-256), case notes,
tasks, visits, referrals, s 122 requests, compliance reports and failures, travel plans,
transfers, travel permissions and passport requests. Every record built is kept by its URL kwarg
name (`person_id`, `task_id`, ...) so a crawler can put it into every URL pattern.

A canary is a random word (letters only, so phonetic search works on it) or a random number;
it is "seen" when any of its variants occurs in a response, compared case-insensitively with
all whitespace removed (summaries upper-case names; PDFs and tables split numbers).
"""

from __future__ import annotations

import hashlib
import io
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image

from ncos.access.roles import Role
from ncos.accounts.models import User
from ncos.common.testing.fixtures import _make_user
from ncos.directory.models import Jurisdiction

_RNG = random.SystemRandom()
_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def word(syllables: int = 5) -> str:
    """A random pronounceable word, e.g. 'Kotamirefu' (about 10^9 per syllable count)."""
    text = "".join(_RNG.choice(_CONSONANTS) + _RNG.choice(_VOWELS) for _ in range(syllables))
    return text.capitalize()


def digits(n: int) -> str:
    return "".join(_RNG.choice("0123456789") for _ in range(n))


def letters(n: int) -> str:
    return "".join(_RNG.choice("BCDFGHJKMNPQRSTVWXZ") for _ in range(n))


_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Lower case, all whitespace removed: how canaries and responses are compared."""
    return _SPACE.sub("", text.lower())


@dataclass(frozen=True)
class Canary:
    label: str  # what kind of field holds it, e.g. "alias family name"
    owner: str  # the person label ("ACT protected")
    variants: tuple[str, ...]  # any of these (squashed) in a response = seen
    shown: bool = True  # False: the app stores it but shows it to nobody (no positive control)

    def found_in(self, squashed: str) -> bool:
        return any(v in squashed for v in self.variants)


@dataclass
class Built:
    label: str
    code: str
    protected: bool
    person: Any
    canaries: list[Canary] = field(default_factory=list)
    kwargs: dict[str, Any] = field(default_factory=dict)  # URL kwarg -> value of this person
    photo_hashes: set[str] = field(default_factory=set)
    searches: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # kinds an app could not take (with why)
    inject: Callable[[], str] | None = None  # T13: text put in front of every free-text value
    injected: list[tuple[str, str]] = field(default_factory=list)  # (label, value) stored

    def add(self, label: str, *variants: str, shown: bool = True, free: bool = True) -> str:
        """Register a canary; returns the value to store (with the injected text, if any, in
        front of it when the field takes free text)."""
        squashed = tuple(dict.fromkeys(squash(v) for v in variants if v))
        self.canaries.append(Canary(label, self.label, squashed, shown))
        if self.inject is not None and free:
            value = f"{self.inject()} {variants[0]}"
            self.injected.append((label, value))
            return value
        return variants[0]


@dataclass
class World:
    persons: list[Built]
    users: dict[str, User]  # "ACT.registrar.cleared" -> user

    @property
    def protected(self) -> list[Built]:
        return [p for p in self.persons if p.protected]

    @property
    def canaries(self) -> list[Canary]:
        return [c for p in self.protected for c in p.canaries]

    @property
    def photo_hashes(self) -> set[str]:
        return {h for p in self.protected for h in p.photo_hashes}


def user(code: str, role: Role, *, cleared: bool = False) -> User:
    username = f"sec.{code.lower()}.{role.value}{'.cleared' if cleared else ''}"
    found = User.objects.filter(username=username).first()
    return found or _make_user(username, jurisdiction=code, roles=[role], cleared=cleared)


def _today(code: str) -> date:
    return timezone.localdate(timezone=Jurisdiction.objects.get(code=code).zone)


def _at(day: date, code: str, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=Jurisdiction.objects.get(code=code).zone)


def _png(seed: int) -> bytes:
    """A small PNG whose pixels are random: its re-encoded copy has a unique SHA-256."""
    image = Image.new("RGB", (24, 24))
    image.putdata([tuple(_RNG.randrange(256) for _ in range(3)) for _ in range(24 * 24)])
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _dob_variants(day: date) -> tuple[str, ...]:
    return (
        day.isoformat(),
        f"{day:%d/%m/%Y}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day} {day:%b %Y}",
        f"{day:%d %b %Y}",
        f"{day.day} {day:%B %Y}",
        f"{day:%d %B %Y}",
        f"{day:%d-%m-%Y}",
        f"{day:%b}. {day.day}, {day.year}",
        f"{day:%B} {day.day}, {day.year}",
    )


def _phonetic(name: str) -> str:
    """A spelling that sounds the same: the first consonant after the initial doubled."""
    for i in range(1, len(name)):
        if name[i].lower() in _CONSONANTS:
            return name[: i + 1] + name[i] + name[i + 1 :]
    return name + "e"


def build_person(
    code: str,
    *,
    protected: bool,
    other: str,
    family: str | None = None,
    given: str | None = None,
    inject: Callable[[], str] | None = None,
) -> Built:
    """One person of `code` with canaries everywhere (through the services). `family`, `given`
    replace the random names (T12); `inject()` gives text to put in front of every free-text
    value (T13)."""
    from ncos.cases import services as cases
    from ncos.compliance import services as compliance
    from ncos.registry import services as registry
    from ncos.registry.tests.factories import make_offence

    label = f"{code} {'protected' if protected else 'control'}"
    registrar = user(code, Role.REGISTRAR, cleared=True)
    out = Built(label, code, protected, None, inject=inject)
    family, given = family or word(), given or word(3)
    alias_family, alias_given = word(), word(3)
    dob = date(1950 + _RNG.randrange(9), 1 + _RNG.randrange(12), 1 + _RNG.randrange(28))
    pob = word(4)
    caution = f"Caution {word()}"
    person = registry.person_register(
        actor=registrar,
        family_name=out.add("family name", family),
        given_names=out.add("given names", given),
        date_of_birth=dob,
        sex="male",
        place_of_birth=out.add("place of birth", pob),
        managing_jurisdiction=code,
        protected=protected,
        caution=caution,
        aliases=[(out.add("alias family name", alias_family), out.add("alias given", alias_given))],
        source_reference=out.add("registration source reference", f"SRC{letters(8)}"),
    )
    out.person = person
    out.add("caution", caution.split()[1])
    out.add("date of birth", *_dob_variants(dob), free=False)
    out.add("national id", person.national_id, free=False)
    out.kwargs["person_id"] = person.pk

    def detail(kind: str, data: dict[str, Any], **kw: Any) -> Any:
        return registry.detail_record(
            actor=registrar, person_id=person.pk, kind=kind, data=data, **kw
        )

    street, locality = word(4), word(4)
    address = detail(
        "address",
        {
            "address_type": "residence",
            "line1": f"{17} {out.add('street', street)} Street",
            "locality": out.add("locality", locality),
            "state": code,
            "postcode": "2612" if code == "ACT" else "2000",
        },
        valid_from=date(2020, 1, 1),
    )
    out.kwargs["detail_id"] = address.pk
    phone = "04" + digits(8)
    detail(
        "carriage_service",
        {
            "service_type": "mobile",
            "number": out.add("phone", phone, phone[2:], free=False),
            "provider": "Telstra",
        },
    )
    rego = "QZ" + letters(5)
    detail(
        "vehicle",
        {
            "use": "owned",
            "vehicle_type": "car",
            "make": "Holden",
            "model": out.add("vehicle model", word(3)),
            "colour": "Blue",
            "registration": out.add("vehicle registration", rego, free=False),
            "modifications": f"Roof rack {word()}",
        },
    )
    handle = word()
    detail(
        "online_identity",
        {
            "identity_type": "email",
            "identifier": f"{out.add('online identity', handle, free=False)}@example.org",
            "service": "Email",
        },
    )
    passport_no = "PZ" + letters(3) + digits(4)
    detail(
        "passport",
        {
            "number": out.add("passport number", passport_no, free=False),
            "country": "Australia",
            "status": "held",
        },
    )
    employer = word()
    detail(
        "employment",
        {
            "employment_type": "employee",
            "nature": f"Labourer {out.add('nature of work', word())}",
            "employer": f"{out.add('employer', employer)} Pty Ltd",
            "premises_address": f"5 {word(3)} Road",
        },
    )
    detail(
        "child_household",
        {"child_name": f"{out.add('child in household', word(3))} Child", "age": 9},
    )
    detail(
        "child_contact",
        {"child_name": f"{out.add('child contact', word(3))} Kid", "age": 11, "nature": "Coach"},
    )
    detail(
        "club",
        {
            "name": f"{out.add('club', word())} Football Club",
            "affiliation": "Member",
            "child_involvement": "members",
        },
    )
    mark = detail(
        "mark",
        {
            "mark_type": "tattoo",
            "body_location": "Left forearm",
            "description": f"Tattoo of {out.add('tattoo description', word())}",
        },
    )
    detail(
        "regular_travel",
        {"destinations": out.add("regular travel", word()), "frequency": "Monthly"},
    )
    detail(
        "internet_provider",
        {"provider": out.add("internet provider", word()), "connection_kind": "broadband"},
    )
    detail(
        "description",
        {
            "height_cm": 181,
            "hair": "Brown",
            "other": f"Scar {out.add('description other', word())}",
        },
    )
    detail(
        "name",
        {
            "family_name": out.add("previous name", word()),
            "given_names": "Former",
            "name_type": "previous",
        },
    )
    # Offence, custody, parole, order.
    offence = make_offence(
        person,
        actor=registrar,
        found_guilty=date(2024, 5, 2),
        date_sentenced=date(2024, 5, 2),
        custodial=False,
        description=f"Indecent act {out.add('offence description', word())}",
        court=f"{out.add('court', word())} Local Court",
        court_reference=out.add("court reference", f"CR{letters(7)}"),
        sentence=f"Bond {out.add('sentence', word())}",
    )
    out.kwargs["offence_id"] = offence.pk
    custody = registry.custody_record(
        actor=registrar,
        person_id=person.pk,
        entered_on=date(2024, 1, 1),
        left_on=date(2024, 2, 1),
        reason="remand",
        facility=f"{out.add('custody facility', word())} Centre",
    )
    out.kwargs["custody_id"] = custody.pk
    parole = registry.parole_record(
        actor=registrar,
        person_id=person.pk,
        starts_on=date(2024, 3, 1),
        conditions=f"Conditions {out.add('parole conditions', word())}",
    )
    out.kwargs["parole_id"] = parole.pk
    order = registry.order_record(
        actor=registrar,
        person_id=person.pk,
        kind="prohibition",
        jurisdiction=code,
        made_on=date(2024, 4, 1),
        court=f"{word()} Court",
        reference=out.add("order reference", f"OR{letters(7)}"),
        effect=f"Must not {out.add('order effect', word())}",
    )
    out.kwargs["order_id"] = order.pk
    photo = registry.photo_upload(
        actor=registrar,
        person_id=person.pk,
        image=io.BytesIO(_png(0)),
        taken_on=date(2024, 5, 1),
        kind="mark",
        description=f"Photo {out.add('photo description', word())}",
        mark_fact_id=mark.fact_id,
    )
    out.kwargs["photo_id"] = photo.pk
    for name in (photo.storage_name, photo.thumbnail_name):
        with default_storage.open(name) as handle_:
            out.photo_hashes.add(hashlib.sha256(handle_.read()).hexdigest())
    document = registry.document_upload(
        actor=registrar,
        person_id=person.pk,
        file=io.BytesIO(PDF),
        title=f"Court order {out.add('document title', word())}",
    )
    out.kwargs["document_id"] = document.pk

    # Compliance: the initial report (with its details), a receipt, a notice, a failure.
    today = _today(code)
    report = compliance.report_record(
        actor=registrar,
        person=person.pk,
        kind="initial",
        manner="in_person",
        received_at=_at(date(2024, 7, 1), code),  # late: a failure to comply
        place_text=f"{word()} Police Station",
        photo_id_sighted=True,
        information=f"Report information {out.add('report information', word())}",
        notes=f"Report notes {out.add('report notes', word())}",
    )
    out.kwargs["report_id"] = report.pk
    try:
        receipt = compliance.receipt_generate(actor=registrar, report_id=report.pk)
        out.kwargs["receipt_id"] = receipt.pk
    except Exception as exc:  # noqa: BLE001 - recorded: the suite asserts what it reached
        out.skipped.append(f"receipt: {exc!r}")
    try:
        notice = compliance.notice_generate(actor=registrar, person_id=person.pk, reason="any_time")
        out.kwargs["notice_id"] = notice.pk
    except Exception as exc:  # noqa: BLE001
        out.skipped.append(f"notice: {exc!r}")
    from ncos.registry.models import Obligation

    obligation = Obligation.objects.filter(person=person).order_by("due_date").first()
    if obligation is not None:
        failure = compliance.failure_record(
            actor=registrar,
            person_id=person.pk,
            obligation_keys=[obligation.key],
            noted_on=today,
            circumstances=f"Failure {out.add('failure circumstances', word())}",
            last_known=f"Last seen {out.add('failure last known', word())}",
        )
        out.kwargs["failure_id"] = failure.pk
    compliance.sweep_person(person_id=person.pk)
    from ncos.compliance.models import Reminder

    reminder = Reminder.objects.filter(person=person).first()
    if reminder is None:
        reminder = _reminder(person)
    out.kwargs["reminder_id"] = reminder.pk

    # Case management.
    task = cases.task_open(
        actor=registrar,
        person=person,
        kind="follow_up",
        title=f"Follow up {out.add('task title', word())}",
        due_date=today + timedelta(days=3),
        source_key="",
        notes=f"Task notes {out.add('task notes', word())}",
    )
    out.kwargs["task_id"] = task.pk
    note = cases.note_add(
        actor=registrar, person_id=person.pk, text=f"Case note {out.add('case note', word())}"
    )
    out.kwargs["case_note_id"] = note.pk
    cases.note_add(
        actor=registrar,
        person_id=person.pk,
        text=f"Restricted note {out.add('restricted case note', word())}",
        restricted=True,
    )
    visit = cases.visit_plan(
        actor=registrar,
        person_id=person.pk,
        address_detail_id=address.pk,
        planned_for=today + timedelta(days=2),
    )
    out.kwargs["visit_id"] = visit.pk
    if obligation is not None:
        referral = cases.referral_record(
            actor=registrar,
            person_id=person.pk,
            obligation_id=obligation.pk,
            found_on=today,
            referred_to=f"{out.add('referral unit', word())} Unit",
            referred_on=today,
            notes=f"Referral {out.add('referral notes', word())}",
        )
        out.kwargs["referral_id"] = referral.pk
    request = cases.access_request_log(
        actor=registrar,
        person_id=person.pk,
        kind="copy",
        received_at=timezone.now() - timedelta(hours=2),
        channel="in_person",
        description=f"Copy asked {out.add('access request description', word())}",
    )
    out.kwargs["access_request_id"] = request.pk

    _sharing(out, registrar, other)
    _passports(out, registrar)

    # How a user might search for them (T4: search BY each canary).
    out.searches = [
        ("family name", {"q": family}),
        ("given + family", {"q": f"{given} {family}"}),
        ("alias", {"q": alias_family}),
        ("phonetic variant", {"q": _phonetic(family)}),
        ("family name field", {"family_name": family}),
        ("date of birth (box)", {"q": f"{dob:%d/%m/%Y}"}),
        ("date of birth (field)", {"date_of_birth": dob.isoformat()}),
        ("registration", {"q": rego}),
        ("phone", {"q": phone}),
        ("online identity", {"q": f"{handle}@example.org"}),
        ("passport", {"q": passport_no}),
        ("national id", {"q": person.national_id}),
        ("address", {"address": f"{street} {locality}"}),
    ]
    return out


def _reminder(person: Any) -> Any:
    """A reminder built directly (as the matrix factory does) when the sweep raised none."""
    from ncos.compliance.tests.matrix_factories import due_reminder

    return due_reminder(person, "annual_report:security", "security")


def _sharing(out: Built, registrar: User, other: str) -> None:
    from ncos.sharing import services as sharing
    from ncos.sharing.models import InboxItem

    person = out.person
    today = _today(out.code)
    start = today + timedelta(days=20)
    plan = sharing.travel_record(
        actor=registrar,
        person_id=person.pk,
        itinerary=sharing.Itinerary(
            depart_on=start,
            return_on=start + timedelta(days=10),
            no_return=False,
            legs=[
                sharing.LegInput(
                    other, start, start + timedelta(days=10), out.add("travel place", word())
                )
            ],
            transport_mode="air",
            transport_details=f"Flight {out.add('travel transport details', word())}",
            purpose=f"Visit {out.add('travel purpose', word())}",
        ),
        reported_on=today,
        report_place="City Police Station",
    )
    out.kwargs["travel_id"] = plan.pk
    notification = plan.notifications.first()
    if notification is not None:
        out.kwargs["notification_id"] = notification.pk
    transfer = sharing.transfer_request(
        actor=registrar,
        person_id=person.pk,
        to_jurisdiction=other,
        entered_on=today,
        handover_note=f"Handover {out.add('transfer handover note', word())}",
        new_locality=out.add("transfer new locality", word(4)),
    )
    out.kwargs["transfer_id"] = transfer.pk
    item = InboxItem.objects.filter(person=person).order_by("-pk").first()
    if item is not None:
        out.kwargs["item_id"] = item.pk


def _passports(out: Built, registrar: User) -> None:
    from ncos.passports import services as passports

    person = out.person
    today = _today(out.code)
    permission = passports.permission_apply(
        actor=registrar,
        person_id=person.pk,
        destinations=["Fiji"],
        depart_on=today + timedelta(days=40),
        return_on=today + timedelta(days=50),
        purpose=f"Wedding {out.add('permission purpose', word())}",
        applied_on=today,
    )
    out.kwargs["permission_id"] = permission.pk
    document = passports.permission_add_document(
        actor=registrar,
        permission_id=permission.pk,
        upload=io.BytesIO(PDF),
        title=f"Itinerary {out.add('permission document title', word())}",
        kind="itinerary",
    )
    out.kwargs["permission_document_id"] = document.pk
    number = "PR" + letters(3) + digits(4)
    request = passports.passport_request_create(
        actor=registrar,
        person_id=person.pk,
        request_type="cancel_australian",
        grounds=f"Grounds {out.add('passport request grounds', word())}",
        passport_number=out.add("passport request number", number, free=False),
    )
    out.kwargs["passport_request_id"] = request.pk


def build_world() -> World:
    """Protected persons in the ACT and NSW, ordinary control persons in each."""
    persons = [
        build_person("ACT", protected=True, other="NSW"),
        build_person("NSW", protected=True, other="ACT"),
        build_person("ACT", protected=False, other="NSW"),
        build_person("NSW", protected=False, other="ACT"),
    ]
    users = {f"{code}.{role.value}": user(code, role) for code in ("ACT", "NSW") for role in Role}
    users.update(
        {
            f"{code}.registrar.cleared": user(code, Role.REGISTRAR, cleared=True)
            for code in ("ACT", "NSW")
        }
    )
    return World(persons, users)
