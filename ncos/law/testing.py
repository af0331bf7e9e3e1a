"""The YAML scenario collector (after OpenFisca's YamlFile/YamlItem) and test helpers.

A scenario file under any ``scenarios/`` directory is a list of entries::

    - name: Adult, one class 1 offence, custodial — period runs from release
      description: optional prose for a lawyer
      keywords: [reporting-period, custody]
      case: { ...the contract's JSON case; YAML dates may be bare... }
      expect:                       # partial answer: only the keys given are compared
        registrable: true
        reporting_period: "15y"
        obligations:                # each matched by kind (+ nth, due or key to disambiguate)
          - {kind: initial_report, due: 2025-01-17, status: met}
          - {kind: travel_notice, absent: true}     # no obligation of that kind (and due/key)
      cites: ["s 84", "s 83 (1) (b)"]    # each must appear in the explanation's sections
      not_cites: ["Legislation Act 2001 (ACT) s 151A"]   # none may appear
      timeline:                     # optional: the same case asked on other days
        - as_of: 2027-11-01
          expect: {obligations: [{kind: annual_report, nth: 1, status: overdue}]}

Dates are turned into ISO strings before `assess` is called and before comparing. Dict values are
compared as subsets (recursively); lists (other than ``obligations``) must match exactly.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

_ENTRY_KEYS = frozenset(
    {"name", "description", "keywords", "case", "expect", "cites", "not_cites", "timeline"}
)
_SELECTORS = ("nth", "absent")


def to_json(value: Any) -> Any:
    """YAML-loaded data with dates and date-times as ISO strings.

    >>> to_json({"d": date(2025, 1, 10), "l": [date(2025, 1, 1)]})
    {'d': '2025-01-10', 'l': ['2025-01-01']}
    """
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return value


def subset_mismatches(expected: Any, actual: Any, path: str) -> list[str]:
    """Where `actual` differs from the partial `expected` (empty list: it matches).

    >>> subset_mismatches({"a": 1, "b": {"c": 2}}, {"a": 1, "b": {"c": 2, "d": 3}, "e": 4}, "")
    []
    >>> subset_mismatches({"a": 1}, {"a": 2}, "")
    ['a: expected 1, got 2']
    """
    if isinstance(expected, Mapping):
        if not isinstance(actual, Mapping):
            return [f"{path or '.'}: expected an object, got {actual!r}"]
        out: list[str] = []
        for k, v in expected.items():
            sub = f"{path}.{k}" if path else str(k)
            if k not in actual:
                out.append(f"{sub}: missing from the answer")
            else:
                out.extend(subset_mismatches(v, actual[k], sub))
        return out
    if expected != actual:
        return [f"{path}: expected {expected!r}, got {actual!r}"]
    return []


def _select(
    spec: Mapping[str, Any], obligations: list[Mapping[str, Any]]
) -> list[Mapping[str, Any]]:
    kind = spec.get("kind")
    found = [o for o in obligations if kind is None or o.get("kind") == kind]
    if "nth" in spec:
        n = int(spec["nth"])
        return found[n - 1 : n] if 1 <= n <= len(found) else []
    for k in ("key", "due", "trigger"):
        if k in spec:
            found = [o for o in found if o.get(k) == spec[k]]
    return found


def obligation_mismatches(
    expected: list[Mapping[str, Any]], actual: list[Mapping[str, Any]]
) -> list[str]:
    """Match each partial obligation by kind (+ `nth`, `key`, `due`, `trigger`) and compare."""
    out: list[str] = []
    for i, spec in enumerate(expected):
        label = f"obligations[{i}] ({spec.get('kind')})"
        found = _select(spec, actual)
        if spec.get("absent"):
            if found:
                out.append(f"{label}: expected no such obligation, found {found[0].get('key')}")
            continue
        if not found:
            out.append(f"{label}: no obligation matches {dict(spec)}")
            continue
        if len(found) > 1:
            keys = [o.get("key") for o in found]
            out.append(f"{label}: {len(found)} match ({keys}); add nth, key or due")
            continue
        body = {k: v for k, v in spec.items() if k not in _SELECTORS}
        out.extend(subset_mismatches(body, found[0], label))
    return out


def answer_mismatches(expect: Mapping[str, Any], answer: Mapping[str, Any]) -> list[str]:
    out: list[str] = []
    for k, v in expect.items():
        if k == "obligations":
            if not isinstance(v, list):
                out.append("expect.obligations must be a list")
                continue
            out.extend(obligation_mismatches(v, list(answer.get("obligations", []))))
        elif k not in answer:
            out.append(f"{k}: missing from the answer")
        else:
            out.extend(subset_mismatches(v, answer[k], k))
    return out


def cited_sections(answer: Mapping[str, Any]) -> set[str]:
    return {s for step in answer.get("explanation", []) for s in step.get("sections", [])}


def explain(answer: Mapping[str, Any]) -> str:
    """The explanation steps, one per line, for failure reports."""
    lines = []
    for step in answer.get("explanation", []):
        lines.append(f"  - {step.get('step')}  [{', '.join(step.get('sections', []))}]")
    for o in answer.get("obligations", []):
        lines.append(
            f"  * {o.get('key')}: due {o.get('due')} status {o.get('status')}"
            f" met_on {o.get('met_on')}"
        )
    return "\n".join(lines)


class ScenarioMismatchError(Exception):
    """A scenario's expectation did not hold."""


class ScenarioFile(pytest.File):
    def collect(self) -> Iterator[ScenarioItem]:
        data = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise pytest.UsageError(f"{self.path}: a scenario file must be a list of entries")
        seen: set[str] = set()
        for i, entry in enumerate(data):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise pytest.UsageError(f"{self.path}: entry {i} needs a name")
            unknown = set(entry) - _ENTRY_KEYS
            if unknown:
                raise pytest.UsageError(
                    f"{self.path}: {entry['name']!r} has unknown keys {unknown}"
                )
            if entry["name"] in seen:
                raise pytest.UsageError(f"{self.path}: duplicate scenario name {entry['name']!r}")
            if "case" not in entry or not ("expect" in entry or "timeline" in entry):
                raise pytest.UsageError(f"{self.path}: {entry['name']!r} needs case and expect")
            seen.add(entry["name"])
            yield ScenarioItem.from_parent(self, name=entry["name"], entry=entry)


class ScenarioItem(pytest.Item):
    def __init__(self, *, entry: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.entry = entry
        for kw in entry.get("keywords") or []:
            self.keywords[str(kw)] = True

    def _check(self, case: dict[str, Any], expect: Mapping[str, Any], where: str) -> list[str]:
        from ncos.law import assess

        answer = assess(case)
        problems = answer_mismatches(to_json(expect), answer)
        if where == "":
            sections = cited_sections(answer)
            for s in self.entry.get("cites") or []:
                if s not in sections:
                    problems.append(f"cites: {s!r} is not in the explanation")
            for s in self.entry.get("not_cites") or []:
                if s in sections:
                    problems.append(f"not_cites: {s!r} is in the explanation")
        if problems:
            head = f"as of {case.get('as_of')}" if where else ""
            return (
                [head, *problems, "explanation:", explain(answer)]
                if head
                else [
                    *problems,
                    "explanation:",
                    explain(answer),
                ]
            )
        return []

    def runtest(self) -> None:
        case = to_json(self.entry["case"])
        problems = self._check(case, self.entry.get("expect") or {}, "")
        for j, point in enumerate(self.entry.get("timeline") or []):
            moment = dict(case, as_of=to_json(point["as_of"]))
            problems.extend(self._check(moment, point.get("expect") or {}, f"timeline[{j}]"))
        if problems:
            raise ScenarioMismatchError("\n".join(problems))

    def repr_failure(self, excinfo: Any, style: Any = None) -> str:  # noqa: ANN401
        if isinstance(excinfo.value, ScenarioMismatchError):
            return f"scenario {self.name!r} ({self.path.name}) failed:\n{excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"scenario: {self.name}"


def collect_scenarios(parent: pytest.Collector, file_path: Path) -> ScenarioFile | None:
    """`pytest_collect_file` body: YAML files under a ``scenarios`` directory are scenarios."""
    if file_path.suffix in (".yaml", ".yml") and "scenarios" in file_path.parts:
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


def make_case(
    *,
    jurisdiction: str = "ACT",
    as_of: str = "2026-03-01",
    date_of_birth: str = "1985-06-30",
    offences: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
    **person: Any,
) -> dict[str, Any]:
    """A contract case for unit tests (values are JSON-ready strings)."""
    return {
        "jurisdiction": jurisdiction,
        "as_of": as_of,
        "person": {"date_of_birth": date_of_birth, **person},
        "offences": offences or [],
        "events": events or [],
    }
