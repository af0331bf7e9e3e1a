"""Every provision quoted in an ACT rule's docstring occurs verbatim in the ACT Act text.

A quotation is a run of docstring lines starting with ``> ``; whitespace is normalised before
comparing, so line breaks do not matter but every word must match.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import ncos.law.jurisdictions.act as act_pkg
from ncos.law.tests.legislation import ACT_ACT as LEGISLATION


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _quotes(source: str) -> list[str]:
    out: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef):
            continue
        doc = ast.get_docstring(node)
        if not doc:
            continue
        current: list[str] = []
        for line in [*doc.splitlines(), ""]:
            stripped = line.strip()
            if stripped.startswith(">") and not stripped.startswith(">>>"):
                current.append(stripped[1:].strip())
            elif current:
                out.append(_norm(" ".join(current)))
                current = []
    return out


def _modules() -> list[tuple[str, str]]:
    found = []
    for info in pkgutil.walk_packages(act_pkg.__path__, "ncos.law.jurisdictions.act."):
        module = importlib.import_module(info.name)
        path = Path(module.__file__ or "")
        for q in _quotes(path.read_text(encoding="utf-8")):
            found.append((info.name, q))
    return found


QUOTES = _modules()


@pytest.mark.parametrize(("module", "quote"), QUOTES, ids=[f"{m}:{q[:40]}" for m, q in QUOTES])
def test_quote_occurs_in_the_act(module: str, quote: str) -> None:
    act = _norm(LEGISLATION.read_text(encoding="utf-8"))
    assert quote in act, f"{module} quotes text not in the Act: {quote!r}"


def test_there_are_quotes() -> None:
    assert len(QUOTES) >= 10
