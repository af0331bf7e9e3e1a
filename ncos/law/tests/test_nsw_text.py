"""The NSW rules against the Act text.

Every provision the NSW modules quote (docstring lines starting with ``>``, as the ACT modules do)
occurs verbatim, whitespace normalised, in shared/legislation's NSW Act; every rule module quotes
at least one provision; every parameter cites a provision the Act has.
"""

from __future__ import annotations

import ast
import pkgutil
import re
import unicodedata
from pathlib import Path

import pytest

import ncos.law.jurisdictions.nsw as nsw_package
from ncos.law.params import load
from ncos.law.tests.legislation import LEGISLATION

NSW_FILE = "nsw-child-protection-offenders-registration-act-2000.txt"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def _act() -> str:
    return (LEGISLATION / NSW_FILE).read_text(encoding="utf-8")


def _modules() -> list[Path]:
    root = Path(nsw_package.__file__).parent
    return sorted(root / f"{m.name}.py" for m in pkgutil.iter_modules([str(root)]))


def _docstrings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            doc = ast.get_docstring(node, clean=True)
            if doc:
                out.append(doc)
    return out


def quotes(doc: str) -> list[str]:
    """The quoted blocks of a docstring: runs of lines starting with ``>`` (not doctests).

    >>> quotes("Intro.\\n\\n> A quoted\\n> provision.\\n\\n> Another.\\nnot quoted")
    ['A quoted provision.', 'Another.']
    """
    blocks: list[list[str]] = []
    current: list[str] | None = None
    for line in doc.splitlines():
        stripped = line.strip()
        if stripped.startswith(">") and not stripped.startswith(">>>"):
            if current is None:
                current = []
                blocks.append(current)
            current.append(stripped[1:].strip())
        else:
            current = None
    return [" ".join(b).strip() for b in blocks if " ".join(b).strip()]


def _all_quotes() -> list[tuple[str, str]]:
    return [(p.name, q) for p in _modules() for d in _docstrings(p) for q in quotes(d)]


@pytest.mark.parametrize(("module", "quote"), _all_quotes())
def test_quoted_provision_occurs_verbatim_in_the_act(module: str, quote: str) -> None:
    assert _norm(quote) in _norm(_act()), f"{module}: not in the Act: {quote!r}"


def test_every_rule_module_quotes_the_act() -> None:
    for path in _modules():
        if not path.name.startswith("s0"):
            continue
        found = [q for d in _docstrings(path) for q in quotes(d)]
        assert found, f"{path.name} quotes no provision"


def _section_exists(section: str, text: str) -> bool:
    m = re.match(r"^s (\d+[A-Z]*)", section)
    if m:
        return re.search(rf"^{m.group(1)}\s{{2,}}\S", text, re.MULTILINE) is not None
    m = re.match(r"^Sch 2 cl (\d+)", section)
    if m:
        return re.search(rf"^{m.group(1)}\s{{2,}}\S", text, re.MULTILINE) is not None
    return False


def test_every_parameter_cites_a_provision_of_the_act() -> None:
    text = _act()
    params = load("NSW")
    assert params.jurisdiction == "NSW"
    for name, values in params.values.items():
        for v in values:
            assert _section_exists(v.section, text), (name, v.section)


def test_parameter_values_are_the_acts_numbers() -> None:
    """Spot-check the numbers against the words of the provisions they cite."""
    text = _norm(_act())
    p = load("NSW")
    assert "Within 5 days after the registrable person is sentenced" in text
    assert p.integer("initial_report_days") == 5
    assert "within 7 days after the person is sentenced for the registrable offence" in text
    assert p.integer("new_initial_report_days") == 7
    assert "clause 9—within 24 hours after the change occurs" in text
    assert p.integer("child_change_hours") == 24
    assert "otherwise—within 5 days after the change occurs" in text
    assert p.integer("change_report_days") == 5
    assert "At least 7 days before leaving New South Wales" in text
    assert p.integer("travel_notice_days") == 7
    assert "for 14 or more consecutive days to travel elsewhere in Australia" in text
    assert p.integer("travel_threshold_days") == 14
    assert "At least 14 days before changing the place" in text
    assert p.integer("intended_residence_days") == 14
    assert "travelling outside Australia for longer than 28 days" in text
    assert p.integer("overseas_travel_days") == 28
    assert "within 28 days after the day on which the report was due to be given" in text
    assert p.integer("late_report_grace_days") == 28
    assert "(a) 8 years, if the person has only ever been found guilty of a single Class 2" in text
    assert p.value("period_single_class2") == "8y"
    assert p.value("period_single_class1") == "15y"
    assert "(b) 7 and a half years, if subsection (1)(c) would otherwise apply" in text
    assert p.value("period_young_life") == "7y6m"
    assert "found guilty of a registrable offence before 15 October 2001" in text
    assert str(p.value("registrable_finding_cutoff")) == "2001-10-15"
