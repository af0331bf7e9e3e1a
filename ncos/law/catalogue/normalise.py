"""Lenient names for Acts and provisions, as the contract requires.

The contract (`shared/spec/assessment.md`): "The engine matches them leniently: case, spacing, a
leading `s`/`section`, and `s 55 (1)` vs `s 55(1)` do not matter; an Act named with or without its
jurisdiction in brackets matches."

Matching rules (recorded in `docs/law/interpretations.md`, "Catalogue"):

* An Act is its short title (case and spacing ignored, trailing punctuation dropped) plus, where
  given, its jurisdiction: ``(ACT)``, ``(NSW)``, ``(Cth)``/``(Cwlth)``/``(Commonwealth)``, a
  ``Commonwealth`` prefix or an ``of the Commonwealth`` suffix. A name without a jurisdiction
  matches a row of that name in any jurisdiction; a name with one matches only rows of that
  jurisdiction, so ``Crimes Act 1900 (NSW)`` never matches the ACT's ``Crimes Act 1900``.
* ``Criminal Code Act 1995`` is the Commonwealth Act whose schedule is the Criminal Code;
  ``Criminal Code 2002`` is the ACT's own code and never matches a Commonwealth row.
  ``Prostitution Act 1992`` (ACT) is the former name of the ``Sex Work Act 1992``.
* A provision is a section number (``55``, ``61I``, ``474.27AA``) and a path of subsections and
  paragraphs (``(1) (a)``). See `match_provision` for how paths of different depth match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

JURISDICTION_NAMES: dict[str, str] = {
    "act": "ACT",
    "australian capital territory": "ACT",
    "nsw": "NSW",
    "new south wales": "NSW",
    "cth": "Cth",
    "cwlth": "Cth",
    "cwth": "Cth",
    "c'th": "Cth",
    "commonwealth": "Cth",
    "vic": "VIC",
    "victoria": "VIC",
    "qld": "QLD",
    "queensland": "QLD",
    "sa": "SA",
    "south australia": "SA",
    "wa": "WA",
    "western australia": "WA",
    "tas": "TAS",
    "tasmania": "TAS",
    "nt": "NT",
    "northern territory": "NT",
    "nz": "NZ",
    "new zealand": "NZ",
}
"""Bracketed jurisdiction names → code (the contract's codes, ``Cth`` for the Commonwealth)."""

# Acts known by another name: (normalised name, jurisdiction or None) → (name, jurisdiction).
_ALIASES: dict[tuple[str, str | None], tuple[str, str]] = {
    ("criminal code act 1995", None): ("criminal code", "Cth"),
    ("criminal code act 1995", "Cth"): ("criminal code", "Cth"),
    ("criminal code 1995", None): ("criminal code", "Cth"),
    ("criminal code 1995", "Cth"): ("criminal code", "Cth"),
    # A2018-25 (Prostitution Amendment Act 2018) renamed the Act; sch 2 pt 2.1 uses the new name.
    ("prostitution act 1992", None): ("sex work act 1992", "ACT"),
    ("prostitution act 1992", "ACT"): ("sex work act 1992", "ACT"),
}

_SPACE_RE = re.compile(r"\s+")
_BRACKET_RE = re.compile(r"^(?P<name>.*?)\s*\((?P<jur>[^()]*)\)$")
_NUMBER_SUFFIX_RE = re.compile(r"\s+(?:no\.?\s*\d+|a\d{4}-\d+)$")
_PROVISION_PREFIX_RE = re.compile(r"^(?:sections?|sect|sec|ss|s)(?=[\s.\d])\.?\s*")
_SECTION_RE = re.compile(r"^(?P<section>\d+[a-z]*(?:\.\d+[a-z]*)?)")
_PATH_RE = re.compile(r"^\s*\(\s*(?P<part>[0-9a-z]+)\s*\)")


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub("[\u2010-\u2015]", "-", text)
    return _SPACE_RE.sub(" ", text).strip().lower()


def jurisdiction_code(text: str) -> str | None:
    """The code for a jurisdiction's name or abbreviation, None if not one.

    >>> jurisdiction_code("Cwlth"), jurisdiction_code("A.C.T."), jurisdiction_code("Ruritania")
    ('Cth', 'ACT', None)
    """
    return JURISDICTION_NAMES.get(_clean(text).replace(".", ""))


@dataclass(frozen=True, slots=True)
class ActName:
    """An Act's normalised short title and, if stated, its jurisdiction code."""

    name: str
    jurisdiction: str | None = None

    def matches(self, other: ActName) -> bool:
        """Same title, and the same jurisdiction wherever both state one.

        >>> parse_act("Crimes Act 1900 (ACT)").matches(parse_act("crimes  act 1900"))
        True
        >>> parse_act("Crimes Act 1900 (ACT)").matches(parse_act("Crimes Act 1900 (NSW)"))
        False
        """
        if self.name != other.name:
            return False
        return (
            self.jurisdiction is None
            or other.jurisdiction is None
            or (self.jurisdiction == other.jurisdiction)
        )


def parse_act(text: str) -> ActName:
    """Normalise an Act's name as a registrar might write it.

    >>> parse_act("Crimes Act 1900 (ACT)")
    ActName(name='crimes act 1900', jurisdiction='ACT')
    >>> parse_act("  CRIMES ACT 1900,")
    ActName(name='crimes act 1900', jurisdiction=None)
    >>> parse_act("Customs Act 1901 of the Commonwealth")
    ActName(name='customs act 1901', jurisdiction='Cth')
    >>> parse_act("Commonwealth Criminal Code")
    ActName(name='criminal code', jurisdiction='Cth')
    >>> parse_act("Criminal Code Act 1995 (Cth)")
    ActName(name='criminal code', jurisdiction='Cth')
    >>> parse_act("Criminal Code 2002 (ACT)")
    ActName(name='criminal code 2002', jurisdiction='ACT')
    >>> parse_act("Crimes Act 1900 No 40")
    ActName(name='crimes act 1900', jurisdiction=None)
    """
    name = _clean(text).rstrip(",.;: ")
    jurisdiction: str | None = None
    bracket = _BRACKET_RE.match(name)
    if bracket:
        code = jurisdiction_code(bracket.group("jur"))
        if code is not None:
            name, jurisdiction = bracket.group("name").rstrip(",.;: "), code
    if name.endswith(" of the commonwealth"):
        name, jurisdiction = name.removesuffix(" of the commonwealth").strip(), "Cth"
    if name.startswith("commonwealth "):
        name, jurisdiction = name.removeprefix("commonwealth ").strip(), "Cth"
    name = _NUMBER_SUFFIX_RE.sub("", name).rstrip(",.;: ")
    alias = _ALIASES.get((name, jurisdiction))
    if alias is not None:
        name, jurisdiction = alias
    return ActName(name, jurisdiction)


@dataclass(frozen=True, slots=True, order=True)
class Provision:
    """A section and the path of subsections/paragraphs below it (``s 55 (1) (a)``)."""

    section: str
    path: tuple[str, ...] = ()

    def __str__(self) -> str:
        return " ".join([f"s {self.section}", *(f"({p})" for p in self.path)])


def parse_provision(text: str) -> Provision | None:
    """Normalise a provision; None if it is not a section reference.

    >>> str(parse_provision("s 55 (1)")), str(parse_provision("section 55(1)"))
    ('s 55 (1)', 's 55 (1)')
    >>> str(parse_provision("S55(1)(a)")), str(parse_provision("61i"))
    ('s 55 (1) (a)', 's 61I')
    >>> str(parse_provision("s. 474.27AA (1)"))
    's 474.27AA (1)'
    >>> parse_provision("any offence") is None, parse_provision("s 55 (1) or (2)") is None
    (True, True)
    """
    rest = _PROVISION_PREFIX_RE.sub("", _clean(text), count=1)
    head = _SECTION_RE.match(rest)
    if head is None:
        return None
    section = head.group("section").upper()
    rest = rest[head.end() :]
    path: list[str] = []
    while True:
        part = _PATH_RE.match(rest)
        if part is None:
            break
        path.append(part.group("part"))
        rest = rest[part.end() :]
    if rest.strip():
        return None
    return Provision(section, tuple(path))


class MatchKind(Enum):
    """How an offence's provision relates to the provision a schedule row names."""

    EXACT = "exact"
    """The same section, subsection and paragraph."""
    WITHIN = "within"
    """The offence cites a subsection or paragraph inside the provision the row names (row
    ``s 61``, offence ``s 61 (1)``): it is an offence against that provision."""
    LESS_SPECIFIC = "less_specific"
    """The offence cites the section only (row ``s 66 (1)``, offence ``s 66``): it matches, and
    the classification records the assumption that the offence is against the listed
    subsection."""
    ANY_OFFENCE = "any_offence"
    """The row names every offence against the Act (ACT sch 1 pt 1.1 item 1)."""


def match_provision(row: Provision, offence: Provision) -> MatchKind | None:
    """How `offence` matches the row's `row` provision, or None.

    >>> p = parse_provision
    >>> match_provision(p("s 55 (1)"), p("s 55(1)"))
    <MatchKind.EXACT: 'exact'>
    >>> match_provision(p("s 61"), p("s 61 (1)"))
    <MatchKind.WITHIN: 'within'>
    >>> match_provision(p("s 66 (1)"), p("s 66"))
    <MatchKind.LESS_SPECIFIC: 'less_specific'>
    >>> match_provision(p("s 55 (1)"), p("s 55 (2)")) is None
    True
    >>> match_provision(p("s 55"), p("s 55A")) is None
    True
    """
    if row.section != offence.section:
        return None
    if row.path == offence.path:
        return MatchKind.EXACT
    depth = min(len(row.path), len(offence.path))
    if row.path[:depth] != offence.path[:depth]:
        return None
    return MatchKind.WITHIN if len(offence.path) > len(row.path) else MatchKind.LESS_SPECIFIC
