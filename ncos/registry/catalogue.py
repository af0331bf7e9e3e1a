"""The law engine's offence catalogue, as the register's offence picker uses it."""

from __future__ import annotations

from dataclasses import dataclass

from ncos.law.catalogue import JURISDICTIONS, find, rows

__all__ = ["CatalogueEntry", "catalogue_entries", "entry_for", "match"]


@dataclass(frozen=True)
class CatalogueEntry:
    key: str  # "ACT|1|1.1|9" — stable, used by the picker
    jurisdiction: str
    act: str
    provision: str
    description: str
    item: str  # "sch 1 pt 1.1 item 9"
    offence_class: str
    circumstances: str

    @property
    def label(self) -> str:
        what = f" — {self.description}" if self.description else ""
        return f"{self.act} {self.provision}{what} ({self.item}, {self.offence_class})"


def _act_name(row: object) -> str:
    act = str(getattr(row, "act", ""))
    code = getattr(row, "act_jurisdiction", "") or ""
    return f"{act} ({code})" if code and f"({code})" not in act else act


def _entry(row: object) -> CatalogueEntry:
    restored = getattr(row, "restored", None)
    description = getattr(row, "description", "") or (
        getattr(restored, "description", "") if restored else ""
    )
    schedule, part, item = (getattr(row, n, "") for n in ("schedule", "part", "item"))
    jurisdiction = str(getattr(row, "jurisdiction", ""))
    where = (
        f"sch {schedule} pt {part} item {item}"
        if jurisdiction == "ACT"
        else (f"Sch {schedule} item {item}")
    )
    return CatalogueEntry(
        key=f"{jurisdiction}|{schedule}|{part}|{item}",
        jurisdiction=jurisdiction,
        act=_act_name(row),
        provision=str(getattr(row, "provision", "")),
        description=str(description or ""),
        item=where,
        offence_class=str(getattr(row, "offence_class", "")).replace("class", "class "),
        circumstances=str(getattr(row, "circumstances", "") or ""),
    )


def catalogue_entries(jurisdiction: str, query: str = "", limit: int = 50) -> list[CatalogueEntry]:
    """Catalogue rows of `jurisdiction` whose act, provision or description contain every word
    of `query` (case-insensitive)."""
    if jurisdiction not in JURISDICTIONS:
        return []
    words = [w for w in query.lower().split() if w]
    out: list[CatalogueEntry] = []
    for row in rows(jurisdiction):
        entry = _entry(row)
        text = f"{entry.act} {entry.provision} {entry.description} {entry.item}".lower()
        if all(w in text for w in words):
            out.append(entry)
            if len(out) >= limit:
                break
    return out


def entry_for(key: str) -> CatalogueEntry | None:
    jurisdiction = key.split("|", 1)[0]
    if jurisdiction not in JURISDICTIONS:
        return None
    for row in rows(jurisdiction):
        entry = _entry(row)
        if entry.key == key:
            return entry
    return None


def match(jurisdiction: str, act: str, provision: str) -> CatalogueEntry | None:
    """The catalogue row naming exactly this offence (not an "any offence" row), if any."""
    if jurisdiction not in JURISDICTIONS or not act or not provision:
        return None
    try:
        found = find(jurisdiction, act, provision)
    except Exception:  # a provision the catalogue cannot parse is simply not in it
        return None
    exact = [r for r in found if getattr(r, "kind", "offence") == "offence"]
    return _entry(exact[0]) if exact else None
