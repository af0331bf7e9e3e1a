"""Citations and the explanation trace.

Every rule that fires records a `Step`: a sentence a registrar can read and the provisions the
rule relied on. An answer's explanation is assembled only from steps recorded while computing it
(the OpenFisca tracer idea), so an answer cannot cite a section it did not apply.

Section strings follow the way each Act cites itself: the Act being applied is cited bare
(``"s 54 (1) (b)"``, ``"sch 1 pt 1.1 item 3"``, ``"s 3E (1)"``); any other instrument is cited
with its short title first (``"Legislation Act 2001 (ACT) s 151A"``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Citation:
    """One provision relied on.

    `label` is the string shown in an answer's ``sections`` lists.

    >>> ACT_CSO("s 54 (1) (b)").label
    's 54 (1) (b)'
    >>> LEGISLATION_ACT_ACT("s 151A").label
    'Legislation Act 2001 (ACT) s 151A'
    """

    instrument: str
    provision: str
    label: str

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True, slots=True)
class Instrument:
    """An Act or other instrument that can be cited.

    `prefix` is put before the provision in a section label: empty for the Act being applied
    (cited bare), the short title for any other instrument.
    """

    title: str
    prefix: str = ""

    def __call__(self, provision: str) -> Citation:
        label = f"{self.prefix} {provision}" if self.prefix else provision
        return Citation(self.title, provision, label)


ACT_CSO = Instrument("Crimes (Child Sex Offenders) Act 2005 (ACT)")
"""The ACT Act; its sections are cited bare (``"s 84"``)."""
NSW_CPORA = Instrument("Child Protection (Offenders Registration) Act 2000 (NSW)")
"""The NSW Act; its sections are cited bare (``"s 3E (1)"``)."""
LEGISLATION_ACT_ACT = Instrument("Legislation Act 2001 (ACT)", "Legislation Act 2001 (ACT)")
INTERPRETATION_ACT_NSW = Instrument(
    "Interpretation Act 1987 (NSW)", "Interpretation Act 1987 (NSW)"
)
NATIONAL_MODEL_ASSUMPTION = Citation(
    "National model (assumption, not yet the jurisdiction's own Act)",
    "assumption",
    "national model assumption",
)
"""Cited where a rule for NT, QLD, SA, TAS, VIC or WA follows the national model."""


@dataclass(frozen=True, slots=True)
class Step:
    """One step of an explanation: what was decided and the provisions it relied on."""

    text: str
    citations: tuple[Citation, ...] = ()

    @property
    def sections(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.label for c in self.citations))

    def to_dict(self) -> dict[str, object]:
        return {"step": self.text, "sections": list(self.sections)}


@dataclass(slots=True)
class Trace:
    """Collects the steps of one assessment, in the order the rules fired.

    >>> t = Trace()
    >>> t.step("o1 is a class 1 offence", ACT_CSO("s 10 (2)"), ACT_CSO("sch 1")).sections
    ('s 10 (2)', 'sch 1')
    >>> t.sections
    ('s 10 (2)', 'sch 1')
    """

    steps: list[Step] = field(default_factory=list)

    def step(self, text: str, *citations: Citation) -> Step:
        s = Step(text, tuple(citations))
        self.steps.append(s)
        return s

    def extend(self, steps: Iterable[Step]) -> None:
        self.steps.extend(steps)

    @property
    def sections(self) -> tuple[str, ...]:
        """Every section label cited so far, first-cited first, without repeats."""
        return tuple(dict.fromkeys(label for s in self.steps for label in s.sections))


def cite_all(instrument: Instrument, *provisions: str) -> tuple[Citation, ...]:
    """Several provisions of one instrument.

    >>> [c.label for c in cite_all(ACT_CSO, "s 84", "s 83 (1) (b)")]
    ['s 84', 's 83 (1) (b)']
    """
    return tuple(instrument(p) for p in provisions)
