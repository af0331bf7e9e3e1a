"""The catalogue YAML is validated by a typed loader: unknown keys, missing fields, wrong types,
unknown fact names and malformed provisions are refused with the path of the offending value."""

from __future__ import annotations

import re
import textwrap

import pytest

from ncos.law.catalogue import FACTS, CatalogueError, rows, section_rows
from ncos.law.catalogue.loader import data_files, load_text
from ncos.law.catalogue.model import AllOf, AnyOf, Fact, Not, Underlying, VictimAge

GOOD = """
jurisdiction: ACT
schedule: "1"
title: Class 1 offences
parts:
  - part: "1.1"
    title: Offences against ACT legislation
    offence_class: class1
    rows:
      - item: 1
        act: Crimes Act 1900
        act_jurisdiction: ACT
        provision: s 51 (1)
        description: sexual assault in the first degree
        circumstances: the other person is a child
        conditions: {victim_under: 18, cite: Legislation Act 2001 (ACT) dict pt 1}
      - item: 2
        act: Crimes Act 1900
        act_jurisdiction: ACT
        provision: s 72AA
        description: aggravated
        circumstances: ""
        conditions: {underlying: items, refs: [1]}
"""


def _load(text: str) -> object:
    return load_text(textwrap.dedent(text), "test.yaml")


def test_a_good_file_loads_into_typed_rows() -> None:
    first, second = load_text(GOOD, "test.yaml")
    assert first.conditions == VictimAge("under", 18, "Legislation Act 2001 (ACT) dict pt 1")
    assert first.provisions == ("s 51 (1)",)
    assert first.citation == "sch 1 pt 1.1 item 1"
    assert second.conditions == Underlying("items", ("1",))


COND = "{victim_under: 18, cite: Legislation Act 2001 (ACT) dict pt 1}"
ROW0 = "parts[0].rows[0]"
ROW1 = "parts[0].rows[1]"
VIOLATIONS = [
    (
        ("        conditions: " + COND, "        colour: red\n        conditions: " + COND),
        ROW0,
        "unknown key(s) colour",
    ),
    (
        ("        description: sexual assault in the first degree\n", ""),
        ROW0,
        "missing description",
    ),
    (('        circumstances: ""\n', ""), ROW1, "missing circumstances"),
    (("offence_class: class1", "offence_class: class3"), "parts[0].offence_class", "not one of"),
    (("provision: s 51 (1)", "provision: fifty-one"), ROW0 + ".provision", "is not a provision"),
    (
        (
            "act_jurisdiction: ACT\n        provision: s 51",
            "act_jurisdiction: Mars\n        provision: s 51",
        ),
        ROW0 + ".act_jurisdiction",
        "not one of",
    ),
    ((COND, "{victim_under: eighteen}"), ROW0 + ".conditions.victim_under", "whole number"),
    ((COND, "{fact: victim_is_small}"), ROW0 + ".conditions.fact", "not one of"),
    ((COND, "{older_than: 3}"), ROW0 + ".conditions", "unknown condition"),
    (("refs: [1]", "refs: [9]"), ROW1, "underlying item 9 is not in the part"),
    (("{underlying: items, refs: [1]}", "{underlying: items}"), ROW1 + ".conditions", "needs refs"),
    (("      - item: 2", "      - item: 1"), "parts[0]", "repeated"),
    (('schedule: "1"', 'schedule: "1A"'), "schedule", "not one of"),
    (("title: Class 1 offences\n", ""), "", "missing title"),
    (
        ("        description: aggravated", "        description: 7"),
        ROW1 + ".description",
        "expected text",
    ),
]


@pytest.mark.parametrize(("change", "path", "message"), VIOLATIONS)
def test_schema_violations_are_refused(change: tuple[str, str], path: str, message: str) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(CatalogueError, match=re.escape(message)) as err:
        load_text(GOOD.replace(old, new, 1), "test.yaml")
    assert err.value.path == path
    assert str(err.value).startswith("test.yaml: ")


def test_not_yaml_is_refused() -> None:
    with pytest.raises(CatalogueError, match="not YAML"):
        load_text("parts: [", "broken.yaml")


def test_foreign_rows_name_no_provision() -> None:
    text = GOOD.replace(
        "provision: s 72AA\n",
        "provision: any offence\n        kind: foreign\n        provisions: [s 1]\n",
    )
    with pytest.raises(CatalogueError, match="names no provisions"):
        load_text(text, "test.yaml")


def test_nested_conditions_load() -> None:
    text = GOOD.replace(
        "{victim_under: 18, cite: Legislation Act 2001 (ACT) dict pt 1}",
        "{all: [{victim_under: 18}, {any: [{offender_at_least: 21}, {not: {fact: murder}}]}]}",
    )
    row = load_text(text, "test.yaml")[0]
    assert isinstance(row.conditions, AllOf)
    inner = row.conditions.conditions[1]
    assert isinstance(inner, AnyOf)
    assert inner.conditions[1] == Not(Fact("murder"))


def test_packaged_files_all_load() -> None:
    assert data_files("ACT") == ("schedule1.yaml", "schedule2.yaml")
    assert data_files("NSW") == ("schedule1a.yaml", "schedule1b.yaml", "section2d.yaml")
    assert len(rows("ACT")) == 85
    assert len(rows("NSW")) == 145
    assert len(section_rows("NSW")) == 8
    assert section_rows("ACT") == ()


def test_every_fact_is_used_and_described() -> None:
    def names(condition: object) -> set[str]:
        if isinstance(condition, Fact):
            return {condition.name}
        if isinstance(condition, AllOf | AnyOf):
            return set().union(*(names(c) for c in condition.conditions))
        if isinstance(condition, Not):
            return names(condition.condition)
        return set()

    used: set[str] = set()
    for row in (*rows("ACT"), *rows("NSW"), *section_rows("NSW")):
        used |= names(row.conditions)
        if row.presumed is not None:
            used.add(row.presumed.fact)
    assert used == set(FACTS)
    assert all(text and not text.endswith(".") for text in FACTS.values())


def test_rows_restoring_lost_text_say_why() -> None:
    restored = [r for r in rows("ACT") if r.restored is not None]
    assert restored
    for row in restored:
        assert row.restored is not None
        assert len(row.restored.basis) > 20
    # Rows whose circumstances were restored are exactly those given a condition the text lacks.
    child_restored = {
        r.citation for r in rows("ACT") if r.restored is not None and r.restored.circumstances
    }
    assert {"sch 1 pt 1.1 item 3", "sch 1 pt 1.1 item 13", "sch 2 pt 2.1 item 1"} <= child_restored
    assert all(r.restored is None for r in rows("NSW"))
