"""The examples in the search modules' docstrings are tests too."""

from __future__ import annotations

import doctest

import pytest

from ncos.search import nicknames, normalise, ranking


@pytest.mark.parametrize("module", [normalise, ranking, nicknames])
def test_doctests(module):
    failures, tried = doctest.testmod(module)
    assert tried > 0
    assert failures == 0
