"""Run every doctest in ncos.law (the time vocabulary documents itself by example)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import ncos.law


def _modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(ncos.law.__path__, "ncos.law."):
        if ".tests" in info.name or info.name.endswith("conftest") or "__main__" in info.name:
            continue
        names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
