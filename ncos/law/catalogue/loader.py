"""Typed loading of the catalogue YAML: the schema is this code.

Every mapping is checked for missing and unknown keys, every value for its type, every fact name
against `model.FACTS`, every provision for its form, every `underlying: items` reference for an
item of the same part. A file that fails raises `CatalogueError` naming the file and the path
inside it, so a mistyped key in a schedule can never silently drop a circumstance.

File shape (one file per schedule; `data/<jurisdiction>/*.yaml`)::

    jurisdiction: ACT            # ACT | NSW
    schedule: "1"                # 1, 2 (ACT); 1A, 1B, 2D (NSW)
    title: Class 1 offences
    parts:
      - part: "1.1"
        title: Offences against ACT legislation
        offence_class: class1    # class1 | class2
        rows:
          - item: 3
            act: Crimes Act 1900
            act_jurisdiction: ACT          # ACT | NSW | Cth | foreign
            provision: s 51 (1)            # as the schedule names it
            provisions: [s 51 (1)]         # optional; default: `provision` parsed
            kind: offence                  # optional: offence | any_offence | foreign
            description: first degree      # verbatim from the Act text
            circumstances: ""              # verbatim from the Act text
            conditions: {victim_under: 18, cite: Legislation Act 2001 (ACT) dict pt 1}
            restored:                      # optional: lost words and the basis of the reading
              basis: ...
              description: sexual assault in the first degree
            notes: ...                     # optional

Conditions: ``{all: [...]}``, ``{any: [...]}``, ``{not: {...}}``, ``{victim_under: N}``,
``{victim_at_least: N}``, ``{offender_under: N}``, ``{offender_at_least: N}`` (each with an
optional ``cite``), ``{fact: NAME}`` (optional ``value: false``), ``{underlying: part}``,
``{underlying: items|provisions, refs: [...]}``, ``{underlying: class1|class2}``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any, cast

import yaml

from ncos.law.catalogue.model import (
    FACTS,
    AllOf,
    AnyOf,
    Condition,
    Fact,
    Not,
    OffenderAge,
    Presumption,
    Restoration,
    RowClass,
    RowKind,
    ScheduleRow,
    Underlying,
    VictimAge,
)
from ncos.law.catalogue.normalise import parse_provision

_SPACE_RE = re.compile(r"\s+")
_JURISDICTIONS = ("ACT", "NSW")
_SCHEDULES = {"ACT": ("1", "2"), "NSW": ("1A", "1B", "2D")}
_ACT_JURISDICTIONS = ("ACT", "NSW", "Cth", "foreign")
_KINDS: tuple[RowKind, ...] = ("offence", "any_offence", "foreign")
_CLASSES: tuple[RowClass, ...] = ("class1", "class2")


class CatalogueError(ValueError):
    """A catalogue file does not follow the schema."""

    def __init__(self, source: str, path: str, message: str) -> None:
        super().__init__(f"{source}: {path}: {message}")
        self.source = source
        self.path = path


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, path: str, message: str) -> CatalogueError:
        return CatalogueError(self.source, path, message)

    def mapping(
        self, value: object, path: str, required: Sequence[str], optional: Sequence[str] = ()
    ) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(path, f"expected a mapping, got {type(value).__name__}")
        keys = set(value)
        missing = [k for k in required if k not in keys]
        if missing:
            raise self.fail(path, f"missing {', '.join(missing)}")
        unknown = sorted(str(k) for k in keys - set(required) - set(optional))
        if unknown:
            raise self.fail(path, f"unknown key(s) {', '.join(unknown)}")
        return cast(Mapping[str, Any], value)

    def text(self, value: object, path: str, *, empty: bool = True) -> str:
        if not isinstance(value, str):
            raise self.fail(path, f"expected text, got {type(value).__name__}")
        text = _SPACE_RE.sub(" ", value).strip()
        if not text and not empty:
            raise self.fail(path, "must not be empty")
        return text

    def choice(self, value: object, path: str, choices: Sequence[str]) -> str:
        text = self.text(value, path)
        if text not in choices:
            raise self.fail(path, f"{text!r} is not one of {', '.join(choices)}")
        return text

    def item(self, value: object, path: str) -> str:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise self.fail(path, "expected an item number")
        return self.text(str(value), path, empty=False)

    def number(self, value: object, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(path, "expected a whole number of years")
        return value

    def sequence(self, value: object, path: str) -> Sequence[Any]:
        if not isinstance(value, list) or not value:
            raise self.fail(path, "expected a non-empty list")
        return value

    def provision(self, value: object, path: str) -> str:
        text = self.text(value, path, empty=False)
        parsed = parse_provision(text)
        if parsed is None:
            raise self.fail(path, f"{text!r} is not a provision like 's 55 (1)'")
        return str(parsed)

    # --- conditions ---

    def condition(self, value: object, path: str) -> Condition:
        if not isinstance(value, Mapping) or not value:
            raise self.fail(path, "expected a condition mapping")
        for op in ("victim_under", "victim_at_least", "offender_under", "offender_at_least"):
            if op in value:
                m = self.mapping(value, path, (op,), ("cite",))
                years = self.number(m[op], f"{path}.{op}")
                cite = self.text(m["cite"], f"{path}.cite", empty=False) if "cite" in m else None
                who, _, rel = op.partition("_")
                comparison = cast("Any", rel)
                if who == "victim":
                    return VictimAge(comparison, years, cite)
                return OffenderAge(comparison, years, cite)
        if "fact" in value:
            m = self.mapping(value, path, ("fact",), ("value",))
            name = self.choice(m["fact"], f"{path}.fact", tuple(FACTS))
            flag = m.get("value", True)
            if not isinstance(flag, bool):
                raise self.fail(f"{path}.value", "expected true or false")
            return Fact(name, flag)
        if "underlying" in value:
            m = self.mapping(value, path, ("underlying",), ("refs",))
            scope = self.choice(
                m["underlying"],
                f"{path}.underlying",
                ("part", "items", "provisions", "class1", "class2"),
            )
            refs: tuple[str, ...] = ()
            if scope in ("items", "provisions"):
                if "refs" not in m:
                    raise self.fail(path, f"underlying: {scope} needs refs")
                raw = self.sequence(m["refs"], f"{path}.refs")
                read = self.item if scope == "items" else self.provision
                refs = tuple(read(r, f"{path}.refs[{i}]") for i, r in enumerate(raw))
            elif "refs" in m:
                raise self.fail(path, f"underlying: {scope} takes no refs")
            return Underlying(cast("Any", scope), refs)
        for op in ("all", "any"):
            if op in value:
                m = self.mapping(value, path, (op,))
                raw = self.sequence(m[op], f"{path}.{op}")
                parts = tuple(self.condition(c, f"{path}.{op}[{i}]") for i, c in enumerate(raw))
                return AllOf(parts) if op == "all" else AnyOf(parts)
        if "not" in value:
            m = self.mapping(value, path, ("not",))
            return Not(self.condition(m["not"], f"{path}.not"))
        raise self.fail(path, f"unknown condition {sorted(str(k) for k in value)}")

    # --- rows ---

    def restoration(self, value: object, path: str) -> Restoration:
        m = self.mapping(value, path, ("basis",), ("description", "circumstances", "provision"))
        return Restoration(
            basis=self.text(m["basis"], f"{path}.basis", empty=False),
            description=self.text(m["description"], f"{path}.description", empty=False)
            if "description" in m
            else None,
            circumstances=self.text(m["circumstances"], f"{path}.circumstances", empty=False)
            if "circumstances" in m
            else None,
            provision=self.text(m["provision"], f"{path}.provision", empty=False)
            if "provision" in m
            else None,
        )

    def row(
        self, value: object, path: str, jurisdiction: str, schedule: str, part: str, cls: RowClass
    ) -> ScheduleRow:
        m = self.mapping(
            value,
            path,
            (
                "item",
                "act",
                "act_jurisdiction",
                "provision",
                "description",
                "circumstances",
                "conditions",
            ),
            ("provisions", "kind", "restored", "notes", "presumed"),
        )
        kind = cast(RowKind, self.choice(m.get("kind", "offence"), f"{path}.kind", _KINDS))
        provision = self.text(m["provision"], f"{path}.provision")
        if "provisions" in m:
            raw = self.sequence(m["provisions"], f"{path}.provisions")
            provisions = tuple(
                self.provision(p, f"{path}.provisions[{i}]") for i, p in enumerate(raw)
            )
        elif kind == "offence":
            provisions = (self.provision(provision, f"{path}.provision"),)
        else:
            provisions = ()
        if kind != "offence" and provisions:
            raise self.fail(path, f"a row of kind {kind} names no provisions")
        conditions = m["conditions"]
        return ScheduleRow(
            jurisdiction=jurisdiction,
            schedule=schedule,
            part=part,
            item=self.item(m["item"], f"{path}.item"),
            act=self.text(m["act"], f"{path}.act", empty=False),
            act_jurisdiction=self.choice(
                m["act_jurisdiction"], f"{path}.act_jurisdiction", _ACT_JURISDICTIONS
            ),
            provision=provision,
            description=self.text(m["description"], f"{path}.description"),
            offence_class=cls,
            circumstances=self.text(m["circumstances"], f"{path}.circumstances"),
            conditions=None
            if conditions is None
            else self.condition(conditions, f"{path}.conditions"),
            provisions=provisions,
            kind=kind,
            restored=self.restoration(m["restored"], f"{path}.restored")
            if "restored" in m
            else None,
            notes=self.text(m["notes"], f"{path}.notes") if "notes" in m else "",
            presumed=self.presumption(m["presumed"], f"{path}.presumed")
            if "presumed" in m
            else None,
        )

    def presumption(self, value: object, path: str) -> Presumption:
        m = self.mapping(value, path, ("fact", "provisions", "basis"))
        raw = self.sequence(m["provisions"], f"{path}.provisions")
        return Presumption(
            fact=self.choice(m["fact"], f"{path}.fact", tuple(FACTS)),
            provisions=tuple(
                self.provision(p, f"{path}.provisions[{i}]") for i, p in enumerate(raw)
            ),
            basis=self.text(m["basis"], f"{path}.basis", empty=False),
        )

    def schedule(self, value: object) -> tuple[ScheduleRow, ...]:
        m = self.mapping(value, "", ("jurisdiction", "schedule", "title", "parts"))
        jurisdiction = self.choice(m["jurisdiction"], "jurisdiction", _JURISDICTIONS)
        schedule = self.choice(m["schedule"], "schedule", _SCHEDULES[jurisdiction])
        self.text(m["title"], "title", empty=False)
        rows: list[ScheduleRow] = []
        for i, raw_part in enumerate(self.sequence(m["parts"], "parts")):
            ppath = f"parts[{i}]"
            pm = self.mapping(raw_part, ppath, ("part", "title", "offence_class", "rows"))
            part = self.item(pm["part"], f"{ppath}.part")
            self.text(pm["title"], f"{ppath}.title", empty=False)
            cls = cast(
                RowClass, self.choice(pm["offence_class"], f"{ppath}.offence_class", _CLASSES)
            )
            part_rows = [
                self.row(r, f"{ppath}.rows[{j}]", jurisdiction, schedule, part, cls)
                for j, r in enumerate(self.sequence(pm["rows"], f"{ppath}.rows"))
            ]
            self.check_part(part_rows, ppath)
            rows.extend(part_rows)
        return tuple(rows)

    def check_part(self, rows: Sequence[ScheduleRow], path: str) -> None:
        items = [r.item for r in rows]
        if len(set(items)) != len(items):
            raise self.fail(path, "an item number is repeated")
        for j, row in enumerate(rows):
            for ref in _item_refs(row.conditions):
                if ref not in items:
                    where = f"{path}.rows[{j}]"
                    raise self.fail(where, f"underlying item {ref} is not in the part")


def _item_refs(condition: Condition | None) -> tuple[str, ...]:
    match condition:
        case Underlying(scope="items", refs=refs):
            return refs
        case AllOf(conditions=cs) | AnyOf(conditions=cs):
            return tuple(r for c in cs for r in _item_refs(c))
        case Not(condition=c):
            return _item_refs(c)
        case _:
            return ()


def load_text(text: str, source: str = "<text>") -> tuple[ScheduleRow, ...]:
    """Rows from one schedule file's text (raises `CatalogueError`)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CatalogueError(source, "", f"not YAML: {exc}") from exc
    return _Reader(source).schedule(data)


def data_files(jurisdiction: str) -> tuple[str, ...]:
    """The packaged catalogue files of a jurisdiction, by name, in schedule order."""
    folder = resources.files("ncos.law.catalogue").joinpath("data", jurisdiction.lower())
    return tuple(sorted(f.name for f in folder.iterdir() if f.name.endswith(".yaml")))


def load_jurisdiction(jurisdiction: str) -> tuple[ScheduleRow, ...]:
    """Every row of a jurisdiction's packaged catalogue files."""
    folder = resources.files("ncos.law.catalogue").joinpath("data", jurisdiction.lower())
    rows: list[ScheduleRow] = []
    for name in data_files(jurisdiction):
        source = f"catalogue/data/{jurisdiction.lower()}/{name}"
        loaded = load_text(folder.joinpath(name).read_text(encoding="utf-8"), source)
        if any(r.jurisdiction != jurisdiction for r in loaded):
            raise CatalogueError(source, "jurisdiction", f"expected {jurisdiction}")
        rows.extend(loaded)
    return tuple(rows)
