"""Normal forms and phonetic keys: the same function builds the stored key and the query key.

Pure Python (no Django): every value the register holds is turned into one or more *search keys*
``(kind, value)``; a query is turned into keys by the same functions, and candidates are found by
equality on the key table's index. Re-ranking (`ncos.search.ranking`) then scores the candidates.

Names are folded with `unidecode` (``Zoë`` → ``zoe``), lower-cased, apostrophes dropped
(``O'Brien`` → ``obrien``) and split on anything that is not a letter or digit. Each name token gets
phonetic codes from `jellyfish`: Metaphone (English sounds: ``Smyth`` = ``Smith``), NYSIIS and
Soundex (robust to transposed or doubled letters: ``Jhon`` = ``John``); a nickname is also
coded as its formal name (``Bill`` = ``William``).

    >>> name_tokens("  Zoë  O'Brien-Smith ")
    ['zoe', 'obrien', 'smith']
    >>> sorted(token_codes("smyth")) == sorted(token_codes("smith"))  # NYSIIS differs
    False
    >>> bool(token_codes("smyth") & token_codes("smith"))
    True
    >>> registration("abc 1O2")
    'ABC102'
    >>> phone("+61 412 345 678")
    '0412345678'
    >>> passport(" pa-123 4567 ")
    'PA1234567'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import combinations

import jellyfish
from unidecode import unidecode

from ncos.search.nicknames import nickname_group

# --- key kinds ------------------------------------------------------------------------------
# Two-letter codes stored in SearchKey.kind. Names have three: the folded full name (for
# re-ranking and display of the matched name), phonetic codes of each token (one-word queries),
# and pair keys (``np``), the selective index for "given + family" queries, of two sorts: phonetic
# codes of each unordered pair of tokens of one name (sound-alike spellings: ``m:JN.SM0``), and
# typo keys (``t:JN.smth``): the Metaphone code of the first given name or a family name joined
# with each one-letter deletion of the other (a typing slip in one of the two: SymSpell's
# deletion neighbourhood). Both sorts share one kind so a lookup is one index-only range scan.
NAME = "nm"
NAME_TOKEN = "nt"  # noqa: S105 (a key kind, not a secret)
NAME_PAIR = "np"
VEHICLE = "rg"
PHONE = "ph"
PHONE_SUFFIX = "p8"
ONLINE = "oi"
PASSPORT = "ps"
ADDRESS = "ad"

KIND_LABELS = {
    NAME: "name",
    NAME_TOKEN: "name",
    NAME_PAIR: "name",
    VEHICLE: "vehicle registration",
    PHONE: "phone number",
    PHONE_SUFFIX: "phone number",
    ONLINE: "email or online identity",
    PASSPORT: "passport number",
    ADDRESS: "address",
}

MAX_VALUE = 120  # SearchKey.value max_length
MAX_NAME_TOKENS = 6  # a name's first six tokens make pairs (6 tokens → 15 pairs)

_APOSTROPHES = re.compile(r"['’`ʼ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"\D+")
_NOT_UPPER_ALNUM = re.compile(r"[^A-Z0-9]+")


def fold(text: str) -> str:
    """Transliterate to ASCII, lower-case, drop apostrophes, collapse everything else to spaces.

    >>> fold("  JOSÉ  d'Souza-Pérez ")
    'jose dsouza perez'
    """
    ascii_text = unidecode(unicodedata.normalize("NFKC", text or "")).lower()
    ascii_text = _APOSTROPHES.sub("", ascii_text)
    return _NON_ALNUM.sub(" ", ascii_text).strip()


def name_tokens(text: str) -> list[str]:
    """The folded tokens of a name, in order, without empties."""
    return fold(text).split()


def _alpha(token: str) -> bool:
    return token.isascii() and token.isalpha()


@lru_cache(maxsize=65536)
def metaphone(token: str) -> str:
    """Metaphone without W, H and Y after the first letter (semi-vowels and silent letters that
    typists add or drop): ``Jhon`` = ``John`` (JN), ``Kwilla`` = ``Quilla`` (KL).

    >>> metaphone("jhon"), metaphone("john"), metaphone("kwilla"), metaphone("quilla")
    ('JN', 'JN', 'KL', 'KL')
    """
    code = jellyfish.metaphone(token)
    return code[:1] + code[1:].replace("W", "").replace("H", "").replace("Y", "")


def _phonetic(token: str) -> set[str]:
    return {
        f"m:{metaphone(token)}",
        f"n:{jellyfish.nysiis(token)}",
        f"s:{jellyfish.soundex(token)}",
    }


@lru_cache(maxsize=65536)
def token_codes(token: str) -> frozenset[str]:
    """Phonetic codes of one folded token, each prefixed with its algorithm.

    ``m`` Metaphone, ``n`` NYSIIS, ``s`` Soundex. A given name with a nickname group also gets
    the codes of the group's formal name (``bill`` is coded as ``bill`` and as ``william``), so a
    nickname and its formal name share keys. A token with digits (or anything jellyfish cannot
    encode) gets its exact form ``x:`` instead, so it is still found.

    >>> sorted(token_codes("john"))
    ['m:JN', 'n:JAN', 's:J500']
    >>> sorted(token_codes("bill"))
    ['m:BL', 'm:WLM', 'n:BAL', 'n:WALAN', 's:B400', 's:W450']
    >>> sorted(token_codes("r2d2"))
    ['x:r2d2']
    """
    if not _alpha(token):
        return frozenset({f"x:{token}"[:MAX_VALUE]})
    codes = _phonetic(token)
    group = nickname_group(token)
    if group and group != token:
        codes |= _phonetic(group)
    return frozenset(c[:MAX_VALUE] for c in codes if len(c) > 2)


@lru_cache(maxsize=65536)
def single_token_codes(token: str) -> frozenset[str]:
    """The codes a token is found by on its own: Soundex is left out, because one Soundex code
    alone matches too many people (``Jim`` = ``John`` = ``Jane`` = J500); in pairs it is fine."""
    return frozenset(c for c in token_codes(token) if not c.startswith("s:"))


_PAIR_ALGORITHMS = ("m", "s", "x")  # NYSIIS adds little in pairs once typo keys exist


def _pairs_of(codes_a: Iterable[str], codes_b: Iterable[str]) -> set[str]:
    """Unordered pair keys ``alg:CODE1.CODE2`` for codes of the same algorithm."""
    by_alg_b: dict[str, list[str]] = {}
    for code in codes_b:
        if code[0] not in _PAIR_ALGORITHMS:
            continue
        alg, _, value = code.partition(":")
        by_alg_b.setdefault(alg, []).append(value)
    pairs: set[str] = set()
    for code in codes_a:
        alg, _, value = code.partition(":")
        if alg not in _PAIR_ALGORITHMS:
            continue
        for other in by_alg_b.get(alg, ()):
            low, high = sorted((value, other))
            pairs.add(f"{alg}:{low}.{high}"[:MAX_VALUE])
    return pairs


@lru_cache(maxsize=262144)
def token_pair_keys(a: str, b: str) -> frozenset[str]:
    """Pair keys of two tokens (cached: names repeat)."""
    return frozenset(_pairs_of(token_codes(a), token_codes(b)))


def deletions(token: str) -> set[str]:
    """The token and every string one letter shorter (SymSpell's deletion neighbourhood): two
    tokens one typing slip apart (a letter dropped, added, changed or two swapped) share one.

    >>> sorted(deletions("smith") & deletions("smyth"))
    ['smth']
    >>> sorted(deletions("tucker") & deletions("tuker"))
    ['tuker']
    """
    return {token} | {token[:i] + token[i + 1 :] for i in range(len(token))}


@lru_cache(maxsize=262144)
def typo_keys(anchor: str, other: str) -> frozenset[str]:
    """``t:METAPHONE(anchor).deletion`` for each deletion of `other` (tokens of 3+ letters).

    >>> sorted(typo_keys("john", "lee"))
    ['t:JN.ee', 't:JN.le', 't:JN.lee']
    """
    code = metaphone(anchor) if _alpha(anchor) else ""
    if not (code and _alpha(other)) or len(other) < 3:
        return frozenset()
    return frozenset(f"t:{code}.{variant}"[:MAX_VALUE] for variant in deletions(other))


@dataclass(frozen=True)
class NameKeys:
    """Everything the index holds for one name (current name, previous name or alias)."""

    full: str  # "given tokens|family tokens", folded
    tokens: frozenset[str]  # token codes of every token
    pairs: frozenset[str]  # pair codes of every unordered pair of tokens
    typos: frozenset[str]  # typo keys of the first given name with each family name


def name_value(given_names: str, family_name: str) -> str:
    """The stored folded full name: ``"john paul|smith"`` (given part, bar, family part)."""
    given = " ".join(name_tokens(given_names))
    family = " ".join(name_tokens(family_name))
    return f"{given}|{family}"[:MAX_VALUE]


def split_name_value(value: str) -> tuple[list[str], list[str]]:
    given, _, family = value.partition("|")
    return given.split(), family.split()


def name_keys(given_names: str, family_name: str) -> NameKeys:
    """The keys of one name record.

    >>> keys = name_keys("John Paul", "Smith")
    >>> keys.full
    'john paul|smith'
    >>> "m:JN.SM0" in keys.pairs and "m:PL.SM0" in keys.pairs and "m:JN.PL" in keys.pairs
    True
    """
    given = name_tokens(given_names)
    family = name_tokens(family_name)
    tokens = (given + family)[:MAX_NAME_TOKENS]
    token_keys: set[str] = set()
    for token in tokens:
        token_keys |= single_token_codes(token)
    pairs: set[str] = set()
    for a, b in combinations(tokens, 2):
        pairs |= token_pair_keys(a, b)
    typos: set[str] = set()
    if given:
        for surname in family[:MAX_NAME_TOKENS]:
            typos |= typo_keys(given[0], surname) | typo_keys(surname, given[0])
    return NameKeys(
        full=name_value(given_names, family_name),
        tokens=frozenset(token_keys),
        pairs=frozenset(pairs),
        typos=frozenset(typos),
    )


def query_typo_keys(tokens: Sequence[str]) -> frozenset[str]:
    """Typo keys to look up: every ordered pair of query tokens (order and role unknown)."""
    keys: set[str] = set()
    for a, b in combinations(tokens[:MAX_NAME_TOKENS], 2):
        keys |= typo_keys(a, b) | typo_keys(b, a)
    return frozenset(keys)


def query_pair_keys(tokens: Sequence[str]) -> frozenset[str]:
    """Pair keys to look up for a query of two or more name tokens (any order)."""
    pairs: set[str] = set()
    for a, b in combinations(tokens[:MAX_NAME_TOKENS], 2):
        pairs |= token_pair_keys(a, b)
    return frozenset(pairs)


# --- dates ----------------------------------------------------------------------------------


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_AU_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


def parse_date(text: str) -> date | None:
    """A date typed the Australian way (``30/06/1985``) or ISO (``1985-06-30``); else None.

    >>> parse_date("30/6/1985"), parse_date("1985-06-30"), parse_date("31/02/1985")
    (datetime.date(1985, 6, 30), datetime.date(1985, 6, 30), None)
    """
    text = text.strip()
    match = _ISO_DATE.match(text)
    parts: tuple[int, int, int] | None = None
    if match:
        parts = (int(match[1]), int(match[2]), int(match[3]))
    else:
        match = _AU_DATE.match(text)
        if match:
            parts = (int(match[3]), int(match[2]), int(match[1]))
    if parts is None:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


def parse_year(text: str) -> int | None:
    match = _YEAR.match(text.strip())
    return int(match[1]) if match else None


# --- identifiers ----------------------------------------------------------------------------

_PLATE_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "Q": "0"})


def registration(text: str) -> str:
    """Vehicle registration: upper-case letters and digits only; O/Q → 0 and I → 1, because
    witnesses and officers confuse them (stored and queried the same way)."""
    plain = _NOT_UPPER_ALNUM.sub("", unidecode(text or "").upper())
    return plain.translate(_PLATE_CONFUSABLE)[:MAX_VALUE]


def phone(text: str) -> str:
    """Phone number in national form: digits only; ``+61``/``0061``/``61`` + 9 digits → ``0…``.

    >>> phone("(02) 6123 4567"), phone("0061 2 6123 4567"), phone("+44 20 7946 0958")
    ('0261234567', '0261234567', '442079460958')
    """
    digits = _DIGITS.sub("", text or "")
    if digits.startswith("0011"):  # Australian international access prefix
        digits = digits[4:]
    elif digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("61") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits[:MAX_VALUE]


def phone_suffix(text: str) -> str:
    """The last eight digits: finds ``6123 4567`` typed without its area code."""
    digits = phone(text)
    return digits[-8:] if len(digits) >= 8 else ""


def online_identity(text: str) -> str:
    """Email address or online identity (username, handle): NFKC, trimmed, lower-case, no
    leading ``@`` and no inner whitespace.

    >>> online_identity("  @Dark_Knight 85 "), online_identity("J.Smith@Example.COM")
    ('dark_knight85', 'j.smith@example.com')
    """
    value = text or ""
    for _ in range(3):  # NFKC, case and whitespace removal can each undo another's form
        before = value
        value = unicodedata.normalize("NFKC", value).lower().strip().lstrip("@")
        value = unicodedata.normalize("NFKC", re.sub(r"\s+", "", value))
        if value == before:
            break
    return value[:MAX_VALUE]


def passport(text: str) -> str:
    """Passport number: upper-case letters and digits only."""
    return _NOT_UPPER_ALNUM.sub("", unidecode(text or "").upper())[:MAX_VALUE]


# --- addresses ------------------------------------------------------------------------------

STREET_TYPES = {
    "street": "st",
    "road": "rd",
    "avenue": "ave",
    "av": "ave",
    "drive": "dr",
    "court": "ct",
    "crescent": "cres",
    "cr": "cres",
    "place": "pl",
    "parade": "pde",
    "terrace": "tce",
    "highway": "hwy",
    "boulevard": "bvd",
    "circuit": "cct",
    "close": "cl",
    "lane": "ln",
    "square": "sq",
    "esplanade": "esp",
    "way": "way",
    "grove": "gr",
    "mount": "mt",
    "saint": "st",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "unit": "u",
    "apartment": "u",
    "flat": "u",
}


def address(text: str) -> str:
    """A folded address with street types abbreviated, so "Smith Street" = "smith st".

    >>> address("Unit 4, 12 Smith Street, Braddon ACT 2612")
    'u 4 12 smith st braddon act 2612'
    """
    return " ".join(STREET_TYPES.get(t, t) for t in fold(text).split())[:MAX_VALUE]


def address_query_tokens(text: str) -> list[str]:
    """The tokens of an address query, each of which must occur in the stored address."""
    return address(text).split()
