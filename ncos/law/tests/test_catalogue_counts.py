"""The catalogue against the Act text: every item of every schedule part is there, once, naming
the provision the Act names, and every quoted column occurs verbatim in the Act.

The Act text is parsed here independently of the YAML (item numbers counted from the text), so a
row missing from the YAML, or an extra one, fails.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ncos.law.catalogue import parse_provision, rows, section_rows
from ncos.law.tests.legislation import LEGISLATION

ACT_FILE = "act-crimes-child-sex-offenders-act-2005.md"
NSW_FILE = "nsw-child-protection-offenders-registration-act-2000.txt"


def _text(name: str) -> str:
    return (LEGISLATION / name).read_text(encoding="utf-8")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


# --- ACT -----------------------------------------------------------------------------------------

ACT_PART_HEADINGS = [
    ("1.1", "Part 1.1 Offences against ACT legislation"),
    ("1.2", "Part 1.2 Offences against other legislation"),
    ("2.1", "Part 2.1 Offences against ACT legislation"),
    ("2.2", "Part 2.2 Offences against other"),
]


def _act_schedule_parts() -> dict[str, list[str]]:
    """The lines of each schedule part of the ACT Act text."""
    lines = _text(ACT_FILE).splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "(see s 10 (2))")
    end = next(i for i, line in enumerate(lines) if line.startswith("## [schedule] Sch 3"))
    body = lines[start:end]
    bounds: list[tuple[str, int]] = []
    cursor = 0
    for part, heading in ACT_PART_HEADINGS:
        at = next(i for i in range(cursor, len(body)) if body[i].strip() == heading)
        bounds.append((part, at))
        cursor = at + 1
    parts: dict[str, list[str]] = {}
    for n, (part, at) in enumerate(bounds):
        stop = bounds[n + 1][1] if n + 1 < len(bounds) else len(body)
        parts[part] = body[at:stop]
    return parts


def _act_items(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(item number, the lines of that item) — items run 1, 2, 3… so a line starting with the
    next number and a word is the next item (numbers inside cells never fit the sequence)."""
    items: list[tuple[int, list[str]]] = []
    for line in lines:
        m = re.match(r"^(\d+) ?([A-Za-z].*)$", line.strip())
        if m and int(m.group(1)) == len(items) + 1:
            items.append((int(m.group(1)), [m.group(2)]))
        elif items:
            items[-1][1].append(line.strip())
    return items


def test_act_row_counts_per_part_match_the_act() -> None:
    parts = _act_schedule_parts()
    counted = {part: len(_act_items(lines)) for part, lines in parts.items()}
    assert counted == {"1.1": 16, "1.2": 12, "2.1": 17, "2.2": 40}
    catalogued = Counter(r.part for r in rows("ACT"))
    assert dict(catalogued) == counted


def test_act_items_are_numbered_in_order_once() -> None:
    for part in ("1.1", "1.2", "2.1", "2.2"):
        items = [r.item for r in rows("ACT") if r.part == part]
        assert items == [str(n) for n in range(1, len(items) + 1)], part


def test_act_rows_name_the_provision_the_act_names() -> None:
    parts = _act_schedule_parts()
    by_key = {(r.part, r.item): r for r in rows("ACT")}
    for part, lines in parts.items():
        for number, item_lines in _act_items(lines):
            row = by_key[(part, str(number))]
            text = " ".join(item_lines)
            m = re.search(r"section (\d+[A-Z]*(?:\.\d+[A-Z]*)?(?: \(\d+\))?)", text)
            if row.kind != "offence":
                assert row.provision == "any offence", (part, number)
                continue
            if row.provision == "s 72AA":
                assert "section 72AA applies" in text
                continue
            assert m is not None, (part, number, text)
            named = parse_provision(m.group(1))
            assert named is not None
            assert str(named) in row.provisions or row.provision.startswith(str(named)), (
                part,
                number,
                m.group(1),
                row.provision,
            )


def test_act_quoted_columns_occur_verbatim() -> None:
    text = _norm(_text(ACT_FILE))
    for row in rows("ACT"):
        for column in (row.description, row.circumstances):
            assert _norm(column) in text, (row.citation, column)


def test_act_rows_have_the_act_class_and_citation() -> None:
    for row in rows("ACT"):
        expected = "class1" if row.schedule == "1" else "class2"
        assert row.offence_class == expected
        assert row.citation == f"sch {row.schedule} pt {row.part} item {row.item}"
        assert row.sections[0] == ("s 10 (2)" if row.schedule == "1" else "s 10 (3)")


# --- NSW -----------------------------------------------------------------------------------------


def _nsw_schedule_parts() -> dict[tuple[str, str], list[tuple[int, str]]]:
    """(schedule, part) → [(item, the Section column's first line)] from the NSW Act text."""
    lines = [line.strip() for line in _text(NSW_FILE).splitlines()]
    start = lines.index("Schedule 1A Class 1 offences")
    end = lines.index("Schedule 1C Relevant personal information")
    parts: dict[tuple[str, str], list[tuple[int, str]]] = {}
    schedule = part = ""
    for i in range(start, end):
        line = lines[i]
        if line.startswith("Schedule 1A"):
            schedule = "1A"
        elif line.startswith("Schedule 1B"):
            schedule = "1B"
        elif m := re.match(r"^Part (\d) ", line):
            part = m.group(1)
            parts[(schedule, part)] = []
        elif re.fullmatch(r"\d+", line) and part:
            items = parts[(schedule, part)]
            if int(line) == len(items) + 1:
                # Part 3 has an Act column before the Section column.
                section = lines[i + 2] if (schedule, part) == ("1B", "3") else lines[i + 1]
                items.append((int(line), section))
    return parts


def test_nsw_row_counts_per_part_match_the_act() -> None:
    parts = _nsw_schedule_parts()
    counted = {key: len(items) for key, items in parts.items()}
    assert counted == {
        ("1A", "1"): 25,
        ("1A", "2"): 36,
        ("1B", "1"): 38,
        ("1B", "2"): 45,
        ("1B", "3"): 1,
    }
    catalogued = Counter((r.schedule, r.part) for r in rows("NSW"))
    assert dict(catalogued) == counted


def test_nsw_rows_name_the_provision_and_heading_the_act_names() -> None:
    by_key = {(r.schedule, r.part, r.item): r for r in rows("NSW")}
    for (schedule, part), items in _nsw_schedule_parts().items():
        for number, section in items:
            row = by_key[(schedule, part, str(number))]
            head, _, heading = _norm(section).partition(" ")
            assert row.provision == str(parse_provision(head)), (schedule, part, number)
            assert row.description == heading, (schedule, part, number)


def test_nsw_quoted_columns_occur_verbatim() -> None:
    text = _norm(_text(NSW_FILE))
    for row in (*rows("NSW"), *section_rows("NSW")):
        for column in (row.description, row.circumstances):
            assert _norm(column) in text, (row.citation, column)


def test_nsw_rows_have_the_act_class_and_citation() -> None:
    for row in rows("NSW"):
        expected = "class1" if row.schedule == "1A" else "class2"
        assert row.offence_class == expected
        assert row.citation == f"Sch {row.schedule} Pt {row.part} item {row.item}"
        assert row.sections == (f"s 2D ({'1' if expected == 'class1' else '2'}) (b)", row.citation)


def test_nsw_section_2d_rows_cover_paragraphs_a_c_d_of_both_subsections() -> None:
    cited = {r.citation for r in section_rows("NSW")}
    assert cited == {f"s 2D ({s}) ({p})" for s in ("1", "2") for p in ("a", "c", "d")}
