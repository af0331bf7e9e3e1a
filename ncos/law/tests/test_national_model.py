"""The national model: the interstate contact table against the notice it comes from, the
jurisdiction Protocol, and the assumptions every answer states."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ncos.law import assess
from ncos.law.jurisdictions.base import Jurisdiction
from ncos.law.jurisdictions.national_model import (
    NATIONAL_MODEL_CODES,
    ContactRule,
    NationalModelLaw,
    interstate_contact_rules,
)
from ncos.law.jurisdictions.registry import get
from ncos.law.params import load
from ncos.law.tests.legislation import LEGISLATION

NAMES = {
    "Australian Capital Territory": "ACT",
    "New South Wales": "NSW",
    "Northern Territory": "NT",
    "Queensland": "QLD",
    "South Australia": "SA",
    "Tasmania": "TAS",
    "Victoria": "VIC",
    "Western Australia": "WA",
}


def _notice_table() -> dict[str, tuple[int | None, int, str]]:
    """The "Interstate Travel" table parsed from the notice: code → threshold, deadline, contact."""
    text = (LEGISLATION / "act-notice-of-reporting-obligations.txt").read_text(encoding="utf-8")
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines() if line.strip()]
    start = lines.index("Contact details") + 1
    table: dict[str, tuple[int | None, int, str]] = {}
    i = start
    while i < len(lines) and lines[i] in NAMES:
        name, spent, frame, contact = lines[i : i + 4]
        i += 4
        if lines[i].startswith("*"):  # a note under the contact ("*ask for local Police Station")
            contact = f"{contact} ({lines[i].lstrip('*')})"
            i += 1
        m = re.fullmatch(r"(\d+) days or more", spent)
        threshold = int(m.group(1)) if m else None
        assert m or spent == "Any Period", spent
        d = re.fullmatch(r"Within (\d+) days of arrival", frame)
        assert d is not None, frame
        table[NAMES[name]] = (threshold, int(d.group(1)), contact)
    return table


def test_contact_rules_are_the_notice_table() -> None:
    table = _notice_table()
    assert len(table) == 8
    rules = interstate_contact_rules()
    assert set(rules) == set(table)
    for code, (threshold, deadline, contact) in table.items():
        rule = rules[code]
        assert (rule.threshold_days, rule.deadline_days, rule.contact) == (
            threshold,
            deadline,
            contact,
        ), code
        assert rule.jurisdiction == code
        assert rule.source.startswith(
            "ACT notice of reporting obligations, interstate travel table"
        )


def test_contact_rules_are_typed_and_fresh() -> None:
    rules = interstate_contact_rules()
    assert all(isinstance(r, ContactRule) for r in rules.values())
    rules.pop("VIC")
    assert "VIC" in interstate_contact_rules()
    assert interstate_contact_rules()["TAS"].threshold_text == "any period"
    assert interstate_contact_rules()["NSW"].threshold_text == "14 days or more"


def test_every_parameter_cites_its_source() -> None:
    p = load("national")
    for name, values in p.values.items():
        for v in values:
            assert v.section.startswith(
                ("Crimes (Child Sex Offenders) Act 2005 (ACT) ", "ACT notice of reporting")
            ), name


@pytest.mark.parametrize("code", NATIONAL_MODEL_CODES)
def test_registry_gives_the_national_model(code: str) -> None:
    law = get(code)
    assert isinstance(law, NationalModelLaw)
    assert isinstance(law, Jurisdiction)
    assert law.code == code


@pytest.mark.parametrize("code", ["ACT", "NSW", "NZ"])
def test_only_national_model_jurisdictions(code: str) -> None:
    with pytest.raises(ValueError, match="not a national-model jurisdiction"):
        NationalModelLaw(code)


@pytest.mark.parametrize("code", NATIONAL_MODEL_CODES)
@pytest.mark.parametrize("registrable", [True, False])
def test_every_answer_states_it_follows_the_national_model(code: str, registrable: bool) -> None:
    offences = (
        [
            {
                "act": "Criminal Code (Cth)",
                "provision": "s 474.22 (1)",
                "date_committed": "2024-01-01",
                "date_sentenced": "2025-01-06",
                "supervision": True,
            }
        ]
        if registrable
        else []
    )
    answer = assess(
        {
            "jurisdiction": code,
            "as_of": "2025-02-01",
            "person": {"date_of_birth": "1980-01-01"},
            "offences": offences,
        }
    )
    assert answer["registrable"] is registrable
    assert answer["jurisdiction"] == code
    assert len(answer["assumptions"]) == 3
    assert "follows the national model" in answer["assumptions"][0]
    assert "own Act" in answer["assumptions"][0]
    first = answer["explanation"][0]
    assert "national model" in first["step"]
    assert first["sections"] == ["national model assumption"]
    for step in answer["explanation"]:
        assert step["sections"], step
    for o in answer["obligations"]:
        assert "national model assumption" in o["sections"]
        assert o["key"].startswith(o["kind"])


def test_a_case_for_another_jurisdiction_is_refused() -> None:
    from ncos.law.contract import parse_case

    case = parse_case(
        {"jurisdiction": "VIC", "as_of": "2025-01-01", "person": {"date_of_birth": "1980-01-01"}}
    )
    with pytest.raises(ValueError, match="VIC case"):
        NationalModelLaw("WA").assess(case)


def _quotes() -> list[tuple[str, str]]:
    import ast
    import importlib
    import pkgutil

    import ncos.law.jurisdictions.national as pkg

    out: list[tuple[str, str]] = []
    for info in pkgutil.walk_packages(pkg.__path__, "ncos.law.jurisdictions.national."):
        module = importlib.import_module(info.name)
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef):
                continue
            current: list[str] = []
            for line in [*(ast.get_docstring(node) or "").splitlines(), ""]:
                stripped = line.strip()
                if stripped.startswith(">") and not stripped.startswith(">>>"):
                    current.append(stripped[1:].strip())
                elif current:
                    out.append((info.name, " ".join(current)))
                    current = []
    return out


QUOTES = _quotes()


def test_the_national_modules_quote_the_model() -> None:
    assert len(QUOTES) >= 6


@pytest.mark.parametrize(("module", "quote"), QUOTES, ids=[f"{m}:{q[:30]}" for m, q in QUOTES])
def test_quoted_model_text_occurs_in_the_act(module: str, quote: str) -> None:
    act = (LEGISLATION / "act-crimes-child-sex-offenders-act-2005.md").read_text(encoding="utf-8")
    assert re.sub(r"\s+", " ", quote).strip() in re.sub(r"\s+", " ", act), module
