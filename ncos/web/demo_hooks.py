"""Apps that have demo data register a loader here; `seed_demo` runs them in order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module

# "module:function" paths, each returning a list of lines to print. Apps append as they land.
DEMO_LOADERS: list[str] = [
    "ncos.registry.demo:load",
    "ncos.cases.demo:load",
    "ncos.compliance.demo:load",
    "ncos.sharing.demo:load",
]


def run_demo_hooks() -> Iterator[str]:
    for path in DEMO_LOADERS:
        module_name, func_name = path.split(":")
        loader: Callable[[], list[str]] = getattr(import_module(module_name), func_name)
        yield from loader()
