"""What every jurisdiction's law implements."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ncos.law.answer import Answer
from ncos.law.facts import Case


@runtime_checkable
class Jurisdiction(Protocol):
    """One jurisdiction's law: `assess` a parsed case and return the answer with its explanation.

    `code` is the jurisdiction code (``"ACT"``). `assess` receives only cases whose
    `jurisdiction` is `code`, already validated by `ncos.law.contract.parse_case`; it may raise
    `ncos.law.contract.CaseError` for a case that is well-formed JSON but legally incoherent
    (say, an event naming an offence that does not exist), with a JSON path in `field`.
    """

    code: str

    def assess(self, case: Case) -> Answer: ...
