"""What the user asked for, and its normal form (`Criteria`) — validation lives here.

A `SearchQuery` holds the raw fields of the page and the API: the one search box (``q``) plus
the advanced fields and filters. `criteria()` turns it into `Criteria` by the same
normalisation as the index, or raises `RuleViolation(message, field)` with a message for the
user. The one box understands names, dates of birth (``30/06/1985``, ``1985-06-30``), years,
email addresses and handles (with ``@``), phone numbers, national ids (``NCOS-…``) and
identifiers that mix letters and digits (tried as registration, passport and online identity).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from ncos.access.errors import RuleViolation
from ncos.search import normalise as n

_PHONE_LIKE = re.compile(r"^\+?[\d\s().-]+$")
_NATIONAL_ID = re.compile(r"^NCOS-?([0-9A-Z]{4})-?([0-9A-Z]{4})$")
# Crockford base32 (the national id alphabet) reads O as 0 and I, L as 1.
_CROCKFORD = str.maketrans({"O": "0", "I": "1", "L": "1"})
MAX_NAME_TOKENS = 6


@dataclass(frozen=True)
class SearchQuery:
    """The fields of a search, as typed (strings) or parsed by a form/serializer (dates)."""

    q: str = ""
    given_names: str = ""
    family_name: str = ""
    date_of_birth: date | None = None
    birth_year: int | None = None
    born_from: date | None = None
    born_to: date | None = None
    address: str = ""
    registration: str = ""
    phone: str = ""
    online: str = ""
    passport: str = ""
    jurisdictions: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()

    def terms(self) -> dict[str, Any]:
        """The non-empty terms, JSON-ready, for the audit row (evidence under ACT s 120)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value in (None, "", ()):
                continue
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    def criteria(self) -> Criteria:
        return _build(self)


@dataclass
class Criteria:
    """A normalised search: every part present must match (AND); alternatives inside one
    identifier criterion are OR (an identifier may be a plate, a passport or a handle)."""

    free_tokens: list[str] = field(default_factory=list)
    given_tokens: list[str] = field(default_factory=list)
    family_tokens: list[str] = field(default_factory=list)
    born_from: date | None = None
    born_to: date | None = None
    address_tokens: list[str] = field(default_factory=list)
    identifiers: list[list[tuple[str, str]]] = field(default_factory=list)
    national_id: str = ""
    jurisdictions: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()

    @property
    def name_tokens(self) -> list[str]:
        return self.free_tokens + self.given_tokens + self.family_tokens

    @property
    def has_name(self) -> bool:
        return bool(self.name_tokens)

    @property
    def empty(self) -> bool:
        return not (
            self.has_name
            or self.born_from
            or self.born_to
            or self.address_tokens
            or self.identifiers
            or self.national_id
        )


def national_id(text: str) -> str:
    """``ncos 7q4k 2m9x`` → ``NCOS-7Q4K-2M9X``, or "" when it is not a national id."""
    compact = re.sub(r"\s+", "", text.upper())
    match = _NATIONAL_ID.match(compact)
    if not match:
        return ""
    return f"NCOS-{match[1].translate(_CROCKFORD)}-{match[2].translate(_CROCKFORD)}"


def _phone_criterion(text: str, field_name: str) -> list[tuple[str, str]]:
    digits = n.phone(text)
    if len(digits) >= 10:
        return [(n.PHONE, digits)]
    if len(digits) >= 8:
        return [(n.PHONE_SUFFIX, digits[-8:])]
    raise RuleViolation("Enter at least 8 digits of the phone number.", field_name)


def _identifier_alternatives(token: str) -> list[tuple[str, str]]:
    options = [
        (n.VEHICLE, n.registration(token)),
        (n.PASSPORT, n.passport(token)),
        (n.ONLINE, n.online_identity(token)),
    ]
    return [(kind, value) for kind, value in options if value]


def _narrow(c: Criteria, start: date, end: date, field_name: str) -> None:
    c.born_from = max(start, c.born_from) if c.born_from else start
    c.born_to = min(end, c.born_to) if c.born_to else end
    if c.born_from > c.born_to:
        raise RuleViolation("These dates of birth cannot all be true at once.", field_name)


def _parse_box(text: str, c: Criteria) -> None:
    text = text.strip()
    if not text:
        return
    if "@" in text and not re.search(r"\s", text):
        c.identifiers.append([(n.ONLINE, n.online_identity(text))])
        return
    nid = national_id(text)
    if nid:
        c.national_id = nid
        return
    if _PHONE_LIKE.match(text) and len(n.phone(text)) >= 8 and not n.parse_date(text):
        c.identifiers.append(_phone_criterion(text, "q"))
        return
    for raw in text.split():
        day = n.parse_date(raw)
        if day is not None:
            _narrow(c, day, day, "q")
            continue
        year = n.parse_year(raw)
        if year is not None:
            _narrow(c, date(year, 1, 1), date(year, 12, 31), "q")
            continue
        folded = n.fold(raw)
        if not folded:
            continue
        if any(ch.isdigit() for ch in folded) and any(ch.isalpha() for ch in folded):
            c.identifiers.append(_identifier_alternatives(raw))
            continue
        if folded.replace(" ", "").isdigit():
            raise RuleViolation(
                f"“{raw[:30]}” is not a name, date of birth or identifier. For an address or "
                "postcode use the Address field.",
                "q",
            )
        c.free_tokens.extend(folded.split())


def _build(query: SearchQuery) -> Criteria:
    c = Criteria(jurisdictions=tuple(query.jurisdictions), statuses=tuple(query.statuses))
    _parse_box(query.q, c)
    c.given_tokens = n.name_tokens(query.given_names)
    c.family_tokens = n.name_tokens(query.family_name)
    if len(c.name_tokens) > MAX_NAME_TOKENS:
        raise RuleViolation(f"Enter at most {MAX_NAME_TOKENS} names.", "q")
    if query.date_of_birth:
        _narrow(c, query.date_of_birth, query.date_of_birth, "date_of_birth")
    if query.birth_year:
        _narrow(c, date(query.birth_year, 1, 1), date(query.birth_year, 12, 31), "birth_year")
    if query.born_from or query.born_to:
        if query.born_from and query.born_to and query.born_from > query.born_to:
            raise RuleViolation("“Born from” is after “born to”.", "born_to")
        _narrow(c, query.born_from or date.min, query.born_to or date.max, "born_from")
    if query.address.strip():
        tokens = n.address_query_tokens(query.address)
        if not any(len(t) >= 3 for t in tokens):
            raise RuleViolation(
                "Enter at least one word or number of 3 or more characters of the address.",
                "address",
            )
        c.address_tokens = tokens
    if query.registration.strip():
        plate = n.registration(query.registration)
        if len(plate) < 2:
            raise RuleViolation(
                "Enter the registration number (letters and digits).", "registration"
            )
        c.identifiers.append([(n.VEHICLE, plate)])
    if query.phone.strip():
        c.identifiers.append(_phone_criterion(query.phone, "phone"))
    if query.online.strip():
        handle = n.online_identity(query.online)
        if len(handle) < 3:
            raise RuleViolation(
                "Enter at least 3 characters of the email or online identity.", "online"
            )
        c.identifiers.append([(n.ONLINE, handle)])
    if query.passport.strip():
        number = n.passport(query.passport)
        if len(number) < 5:
            raise RuleViolation("A passport number has at least 5 letters and digits.", "passport")
        c.identifiers.append([(n.PASSPORT, number)])
    if c.born_from == date.min:
        c.born_from = None
    if c.born_to == date.max:
        c.born_to = None
    if c.empty:
        raise RuleViolation(
            "Enter a name, date of birth, address, registration, phone number, email or online "
            "identity, or passport number to search for.",
            "q",
        )
    return c
