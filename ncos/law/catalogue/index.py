"""The loaded catalogues and lenient lookup of an offence's rows.

`rows(jurisdiction)` is every schedule row; `section_rows("NSW")` the offences NSW s 2D adds
beyond its schedules; `find(jurisdiction, act, provision)` every row the offence's Act and
provision match (see `normalise` for the matching rules), circumstances aside.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ncos.law.catalogue.loader import load_jurisdiction
from ncos.law.catalogue.model import ScheduleRow
from ncos.law.catalogue.normalise import (
    ActName,
    MatchKind,
    Provision,
    match_provision,
    parse_act,
    parse_provision,
)

JURISDICTIONS = ("ACT", "NSW")
"""The jurisdictions whose Acts' schedules are catalogued."""

_PREFERENCE = {
    MatchKind.EXACT: 0,
    MatchKind.WITHIN: 1,
    MatchKind.LESS_SPECIFIC: 2,
    MatchKind.ANY_OFFENCE: 3,
}


@dataclass(frozen=True, slots=True)
class Match:
    row: ScheduleRow
    kind: MatchKind
    listed: str
    """The provision of the row that matched (``s 66 (1)``), or ``any offence``."""


@dataclass(frozen=True, slots=True)
class _Entry:
    row: ScheduleRow
    act: ActName
    provisions: tuple[Provision, ...]


@dataclass(frozen=True, slots=True)
class Catalogue:
    jurisdiction: str
    schedule_rows: tuple[ScheduleRow, ...]
    section_rows: tuple[ScheduleRow, ...]
    entries: tuple[_Entry, ...]

    @property
    def all_rows(self) -> tuple[ScheduleRow, ...]:
        return self.schedule_rows + self.section_rows

    def foreign_rows(self) -> tuple[ScheduleRow, ...]:
        return tuple(r for r in self.all_rows if r.kind == "foreign")

    def acts(self) -> tuple[ActName, ...]:
        return tuple(dict.fromkeys(e.act for e in self.entries))

    def matches(
        self,
        act: str,
        provision: str,
        *,
        conviction: str | None = None,
        within: tuple[ScheduleRow, ...] | None = None,
    ) -> tuple[Match, ...]:
        """Rows whose Act and provision match, best match first, schedule order kept.

        `conviction` (the jurisdiction of conviction) decides an Act named without its
        jurisdiction: it is read as that jurisdiction's law or a Commonwealth Act.
        """
        given = parse_act(act)
        if given.jurisdiction is None and conviction not in (None, self.jurisdiction):
            allowed: tuple[str, ...] | None = (str(conviction), "Cth")
        else:
            allowed = None
        offence = parse_provision(provision)
        found: list[Match] = []
        for entry in self.entries:
            if within is not None and entry.row not in within:
                continue
            if not given.matches(entry.act):
                continue
            if allowed is not None and entry.act.jurisdiction not in allowed:
                continue
            if entry.row.kind == "any_offence":
                found.append(Match(entry.row, MatchKind.ANY_OFFENCE, "any offence"))
                continue
            if offence is None:
                continue
            best: Match | None = None
            for listed in entry.provisions:
                kind = match_provision(listed, offence)
                if kind is not None and (
                    best is None or _PREFERENCE[kind] < _PREFERENCE[best.kind]
                ):
                    best = Match(entry.row, kind, str(listed))
            if best is not None:
                found.append(best)
        return tuple(sorted(found, key=lambda m: _PREFERENCE[m.kind]))


def _entry(row: ScheduleRow) -> _Entry:
    name = parse_act(row.act)
    jurisdiction = None if row.act_jurisdiction == "foreign" else row.act_jurisdiction
    provisions = tuple(p for p in (parse_provision(x) for x in row.provisions) if p is not None)
    return _Entry(row, ActName(name.name, jurisdiction), provisions)


def _check_jurisdiction(jurisdiction: str) -> str:
    code = jurisdiction.upper()
    if code not in JURISDICTIONS:
        raise ValueError(
            f"no offence catalogue for {jurisdiction!r} (only {', '.join(JURISDICTIONS)})"
        )
    return code


@cache
def catalogue(jurisdiction: str) -> Catalogue:
    """The loaded catalogue of ``ACT`` or ``NSW`` (loaded once)."""
    code = _check_jurisdiction(jurisdiction)
    loaded = load_jurisdiction(code)
    schedule_rows = tuple(r for r in loaded if r.schedule != "2D")
    section_rows = tuple(r for r in loaded if r.schedule == "2D")
    entries = tuple(_entry(r) for r in loaded if r.kind != "foreign")
    return Catalogue(code, schedule_rows, section_rows, entries)


def rows(jurisdiction: str) -> tuple[ScheduleRow, ...]:
    """Every row of the jurisdiction's offence schedules, in the Act's order."""
    return catalogue(jurisdiction).schedule_rows


def section_rows(jurisdiction: str) -> tuple[ScheduleRow, ...]:
    """The class 1 and class 2 offences a section adds beyond the schedules (NSW s 2D (1) (a),
    (c), (d); (2) (a), (c), (d)); none for the ACT."""
    return catalogue(jurisdiction).section_rows


def find(jurisdiction: str, act: str, provision: str) -> tuple[ScheduleRow, ...]:
    """Every row (schedule or s 2D) whose Act and provision match, best match first.

    Circumstances are not evaluated: use `classify` for the class. An offence the catalogue
    does not know gives an empty tuple, never an error.
    """
    return tuple(m.row for m in catalogue(jurisdiction).matches(act, provision))
