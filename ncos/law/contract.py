"""The contract's JSON case → `facts.Case`, or `CaseError(message, field)`.

`field` is a JSON path into the case (``"offences[0].date_sentenced"``, ``"events[2].type"``,
``"jurisdiction"``; ``""`` for the case itself). Unknown fields are ignored (kept in `extra`).
Dates are ISO ``YYYY-MM-DD`` strings (a `datetime.date` is accepted from Python callers);
date-times are ISO 8601 with a UTC offset.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from ncos.law.facts import CHANGE_KINDS, EVENT_TYPES, Case, Event, Offence, Person
from ncos.law.time.zones import JURISDICTIONS, local_date

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$"
)
_PERIOD_RE = re.compile(r"^(life|\d+y(\d+m)?|\d+m)$")

# Fields each event type must carry, beyond `type`; "when" means `date` or `datetime`.
_REQUIRED: dict[str, tuple[str, ...]] = {
    "travel_intent": ("depart", "destination"),
    "change_of_details": ("when", "kind"),
    "report_made": ("when", "kind"),
    "finding_quashed": ("ref",),
    "sentence_amended": ("ref",),
    "entered_jurisdiction": ("when",),
    "left_jurisdiction": ("when",),
}

_OFFENCE_FIELDS = frozenset(
    {
        "ref",
        "act",
        "provision",
        "description",
        "date_committed",
        "victim",
        "victim_date_of_birth",
        "victim_age",
        "date_found_guilty",
        "date_sentenced",
        "custodial",
        "custody_release_date",
        "jurisdiction_of_conviction",
        "imprisonment",
        "supervision",
        "non_conviction_order",
        "court_exempted",
    }
)
_EVENT_FIELDS = frozenset(
    {
        "type",
        "date",
        "datetime",
        "kind",
        "ref",
        "key",
        "depart",
        "return",
        "destination",
        "from",
        "to",
        "period",
        "end",
        "retrial",
    }
)


class CaseError(ValueError):
    """A malformed case: `message` says what is wrong, `field` where (a JSON path)."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def to_dict(self) -> dict[str, str]:
        return {"error": self.message, "field": self.field}

    def within(self, prefix: str) -> CaseError:
        """The same error with its path placed under `prefix` (``"[2]"`` for the third case)."""
        if not self.field:
            return CaseError(self.message, prefix)
        sep = "" if self.field.startswith("[") else "."
        return CaseError(self.message, f"{prefix}{sep}{self.field}")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _obj(value: object, path: str, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise CaseError(f"{what} must be a JSON object", path)
    for k in value:
        if not isinstance(k, str):
            raise CaseError(f"{what} has a key that is not a string", path)
    return value


def read_date(value: object, path: str) -> date:
    """An ISO date (``YYYY-MM-DD``) or a `date`; `CaseError` at `path` otherwise."""
    if isinstance(value, datetime):
        raise CaseError(f"expected a date YYYY-MM-DD, got a date-time: {value.isoformat()}", path)
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DATE_RE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise CaseError(f"expected a date YYYY-MM-DD, got {value!r}", path)


def read_datetime(value: object, path: str) -> datetime:
    """An ISO 8601 date-time with a UTC offset, or an aware `datetime`."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise CaseError("a date-time must include its UTC offset", path)
        return value
    if isinstance(value, str) and _DATETIME_RE.match(value):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    raise CaseError(
        f"expected an ISO 8601 date-time with offset (2026-02-20T15:30:00+11:00), got {value!r}",
        path,
    )


def _opt_date(raw: Mapping[str, Any], key: str, path: str) -> date | None:
    v = raw.get(key)
    return None if v is None else read_date(v, _join(path, key))


def _opt_str(raw: Mapping[str, Any], key: str, path: str) -> str | None:
    v = raw.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, str | int):
        raise CaseError(f"expected a string, got {v!r}", _join(path, key))
    return str(v)


def _req_str(raw: Mapping[str, Any], key: str, path: str) -> str:
    v = _opt_str(raw, key, path)
    if v is None or not v.strip():
        raise CaseError(f"{key} is required", _join(path, key))
    return v.strip()


def _opt_bool(raw: Mapping[str, Any], key: str, path: str) -> bool | None:
    v = raw.get(key)
    if v is None:
        return None
    if not isinstance(v, bool):
        raise CaseError(f"expected true or false, got {v!r}", _join(path, key))
    return v


def _opt_int(raw: Mapping[str, Any], key: str, path: str) -> int | None:
    v = raw.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise CaseError(f"expected a whole number of years, got {v!r}", _join(path, key))
    return v


def _extra(raw: Mapping[str, Any], known: frozenset[str]) -> Mapping[str, Any]:
    return MappingProxyType({k: v for k, v in raw.items() if k not in known})


def read_jurisdiction(value: object, path: str) -> str:
    """A jurisdiction code (case-insensitive) from the contract's eight."""
    if not isinstance(value, str) or not value.strip():
        raise CaseError(f"{path or 'jurisdiction'} is required", path)
    code = value.strip().upper()
    if code not in JURISDICTIONS:
        raise CaseError(
            f"unknown jurisdiction {value!r}; expected one of {', '.join(JURISDICTIONS)}", path
        )
    return code


def _place(value: str) -> str:
    code = value.strip()
    if code.upper() in JURISDICTIONS:
        return code.upper()
    if code.lower() == "overseas":
        return "overseas"
    return code


def parse_person(value: object, path: str = "person") -> Person:
    raw = _obj(value, path, "person")
    if raw.get("date_of_birth") is None:
        raise CaseError("date_of_birth is required", _join(path, "date_of_birth"))
    return Person(
        date_of_birth=read_date(raw["date_of_birth"], _join(path, "date_of_birth")),
        protected=bool(_opt_bool(raw, "protected", path)),
        extra=_extra(raw, frozenset({"date_of_birth", "protected"})),
    )


def parse_offence(value: object, index: int) -> Offence:
    path = f"offences[{index}]"
    raw = _obj(value, path, "an offence")
    custodial = bool(_opt_bool(raw, "custodial", path))
    release = _opt_date(raw, "custody_release_date", path)
    sentenced = _opt_date(raw, "date_sentenced", path)
    if release is not None and sentenced is not None and release < sentenced:
        raise CaseError(
            "custody_release_date is before date_sentenced", _join(path, "custody_release_date")
        )
    where = _opt_str(raw, "jurisdiction_of_conviction", path)
    return Offence(
        ref=_opt_str(raw, "ref", path) or f"o{index + 1}",
        act=_req_str(raw, "act", path),
        provision=_req_str(raw, "provision", path),
        description=_opt_str(raw, "description", path),
        date_committed=_opt_date(raw, "date_committed", path),
        victim=_opt_str(raw, "victim", path),
        victim_date_of_birth=_opt_date(raw, "victim_date_of_birth", path),
        victim_age=_opt_int(raw, "victim_age", path),
        date_found_guilty=_opt_date(raw, "date_found_guilty", path),
        date_sentenced=sentenced,
        custodial=custodial,
        custody_release_date=release,
        jurisdiction_of_conviction=None if where is None else _place(where),
        imprisonment=_opt_bool(raw, "imprisonment", path),
        supervision=_opt_bool(raw, "supervision", path),
        non_conviction_order=bool(_opt_bool(raw, "non_conviction_order", path)),
        court_exempted=bool(_opt_bool(raw, "court_exempted", path)),
        index=index,
        extra=_extra(raw, _OFFENCE_FIELDS),
    )


def parse_event(value: object, index: int, jurisdiction: str) -> Event:
    path = f"events[{index}]"
    raw = _obj(value, path, "an event")
    etype = raw.get("type")
    if not isinstance(etype, str) or not etype:
        raise CaseError("type is required", _join(path, "type"))
    if etype not in EVENT_TYPES:
        raise CaseError(
            f"unknown event type {etype!r}; expected one of {', '.join(sorted(EVENT_TYPES))}",
            _join(path, "type"),
        )
    day = _opt_date(raw, "date", path)
    moment = (
        None if raw.get("datetime") is None else read_datetime(raw["datetime"], path + ".datetime")
    )
    if day is not None and moment is not None and local_date(moment, jurisdiction) != day:
        raise CaseError("date and datetime name different days", _join(path, "date"))
    for need in _REQUIRED.get(etype, ("when",)):
        if need == "when":
            if day is None and moment is None:
                raise CaseError(f"a {etype} event needs a date or datetime", _join(path, "date"))
        elif raw.get(need) is None:
            raise CaseError(f"a {etype} event needs {need}", _join(path, need))
    kind = _opt_str(raw, "kind", path)
    if etype == "change_of_details" and kind not in CHANGE_KINDS:
        raise CaseError(
            f"unknown change_of_details kind {kind!r}; expected one of "
            f"{', '.join(sorted(CHANGE_KINDS))}",
            _join(path, "kind"),
        )
    depart = _opt_date(raw, "depart", path)
    return_ = _opt_date(raw, "return", path)
    if depart is not None and return_ is not None and return_ < depart:
        raise CaseError("return is before depart", _join(path, "return"))
    period = _opt_str(raw, "period", path)
    if period is not None and not _PERIOD_RE.match(period):
        raise CaseError(
            f"expected a period like 15y, 7y6m or life, got {period!r}", path + ".period"
        )
    destination = _opt_str(raw, "destination", path)
    from_ = _opt_str(raw, "from", path)
    to = _opt_str(raw, "to", path)
    return Event(
        type=etype,
        index=index,
        date=day,
        datetime=moment,
        day=day
        if day is not None
        else (None if moment is None else local_date(moment, jurisdiction)),
        kind=kind,
        ref=_opt_str(raw, "ref", path),
        key=_opt_str(raw, "key", path),
        depart=depart,
        return_=return_,
        destination=None if destination is None else _place(destination),
        from_=None if from_ is None else _place(from_),
        to=None if to is None else _place(to),
        period=period,
        end=_opt_date(raw, "end", path),
        retrial=bool(_opt_bool(raw, "retrial", path)),
        extra=_extra(raw, _EVENT_FIELDS),
    )


def _list(raw: Mapping[str, Any], key: str) -> list[Any]:
    v = raw.get(key)
    if v is None:
        return []
    if not isinstance(v, list):
        raise CaseError(f"{key} must be a list", key)
    return v


def parse_case(value: object) -> Case:
    """Validate a contract case and build the facts.

    >>> c = parse_case({"jurisdiction": "act", "as_of": "2026-03-01",
    ...                 "person": {"date_of_birth": "1985-06-30"}})
    >>> c.jurisdiction, c.as_of
    ('ACT', datetime.date(2026, 3, 1))
    >>> parse_case({"jurisdiction": "ACT", "as_of": "2026-02-30",
    ...             "person": {"date_of_birth": "1985-06-30"}})
    Traceback (most recent call last):
    ...
    ncos.law.contract.CaseError: expected a date YYYY-MM-DD, got '2026-02-30'
    """
    raw = _obj(value, "", "a case")
    jurisdiction = read_jurisdiction(raw.get("jurisdiction"), "jurisdiction")
    if raw.get("as_of") is None:
        raise CaseError("as_of is required", "as_of")
    as_of = read_date(raw["as_of"], "as_of")
    if raw.get("person") is None:
        raise CaseError("person is required", "person")
    person = parse_person(raw["person"])
    offences = tuple(parse_offence(o, i) for i, o in enumerate(_list(raw, "offences")))
    seen: set[str] = set()
    for o in offences:
        if o.ref in seen:
            raise CaseError(f"offence ref {o.ref!r} is used twice", f"{o.path}.ref")
        seen.add(o.ref)
    events = tuple(parse_event(e, i, jurisdiction) for i, e in enumerate(_list(raw, "events")))
    for e in events:
        if e.type in ("finding_quashed", "sentence_amended") and e.ref not in seen:
            raise CaseError(f"no offence has ref {e.ref!r}", f"{e.path}.ref")
    return Case(
        jurisdiction=jurisdiction,
        as_of=as_of,
        person=person,
        offences=offences,
        events=events,
        extra=_extra(raw, frozenset({"jurisdiction", "as_of", "person", "offences", "events"})),
    )
