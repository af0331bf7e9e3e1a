"""The access-matrix machinery for tests (security.md T1).

* `load_matrix()` reads `matrix.yaml` (the hand-written expectations).
* `kwarg_factory(name)` registers, for a URL kwarg name, a function that builds a record for a
  (managing jurisdiction, protected) cell and returns the kwarg's value. Apps put theirs in
  `ncos/<app>/tests/matrix_factories.py`; `load_factories()` imports every such module.
* `endpoints()` walks Django's URL resolver and says, for every pattern, which action each HTTP
  method declares (or why it has none).

Nothing here decides access: it only reads what the views declare, so a test can compare that
with the matrix.
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.urls import URLPattern, URLResolver, get_resolver

from ncos.access.actions import Action
from ncos.access.policy import Outcome, Subject
from ncos.access.roles import Role

MATRIX_FILE = Path(__file__).with_name("matrix.yaml")
OUTCOMES = ("allow", "stub", "deny", "hide")
CELLS = (("own", False), ("own", True), ("other", False), ("other", True))
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


# --- Subjects ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubjectKind:
    """One column of people in the matrix: a role (cleared or not), anonymous, or disabled."""

    key: str
    role: Role | None = None
    cleared: bool = False
    anonymous: bool = False
    disabled: bool = False

    def subject(self, jurisdiction: str, user_id: int = 1) -> Subject:
        if self.anonymous:
            return Subject.anonymous()
        roles = frozenset({self.role}) if self.role else frozenset({Role.REGISTRAR})
        return Subject(
            user_id=user_id,
            jurisdiction=jurisdiction,
            roles=roles,
            protected_clearance=self.cleared,
            active=not self.disabled,
        )


def subject_kinds() -> list[SubjectKind]:
    kinds: list[SubjectKind] = []
    for role in Role:
        kinds.append(SubjectKind(role.value, role=role))
        kinds.append(SubjectKind(f"{role.value}+cleared", role=role, cleared=True))
    kinds.append(SubjectKind("anonymous", anonymous=True))
    # A disabled registrar: the strongest role it could have had must still get nothing.
    kinds.append(SubjectKind("disabled", role=Role.REGISTRAR, cleared=True, disabled=True))
    return kinds


# --- The matrix file -----------------------------------------------------------------------


@dataclass(frozen=True)
class Matrix:
    # action value -> subject key -> (own ordinary, own protected, other ordinary, other protected)
    expected: dict[str, dict[str, tuple[str, str, str, str]]]
    unguarded: dict[str, str]

    def outcome(self, action: Action | str, subject: str, relation: str, protected: bool) -> str:
        cells = self.expected[str(action)][subject]
        return cells[CELLS.index((relation, protected))]


class MatrixError(ValueError):
    pass


@cache
def load_matrix(path: Path = MATRIX_FILE) -> Matrix:
    """Parse and check the shape of matrix.yaml (every subject, four cells, known words)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    keys = [kind.key for kind in subject_kinds()]
    expected: dict[str, dict[str, tuple[str, str, str, str]]] = {}
    for action, block in (raw.get("actions") or {}).items():
        rows: dict[str, tuple[str, str, str, str]] = {}
        unknown = set(block) - set(keys) - {"about"}
        if unknown:
            raise MatrixError(f"{action}: unknown subjects {sorted(unknown)}")
        for key in keys:
            if key not in block:
                raise MatrixError(f"{action}: no row for subject {key!r}")
            value = block[key]
            cells = [value] * 4 if isinstance(value, str) else list(value)
            if len(cells) != 4 or any(c not in OUTCOMES for c in cells):
                raise MatrixError(f"{action}/{key}: want one of {OUTCOMES} or a list of four")
            rows[key] = (cells[0], cells[1], cells[2], cells[3])
        expected[str(action)] = rows
    unguarded = {str(k): str(v) for k, v in (raw.get("unguarded") or {}).items()}
    bad = {k: v for k, v in unguarded.items() if v not in ("public", "signed_in")}
    if bad:
        raise MatrixError(f"unguarded entries must be public or signed_in: {bad}")
    return Matrix(expected=expected, unguarded=unguarded)


def policy_outcome(word: str) -> Outcome:
    """What policy.decide() must answer for a matrix word (`hide` is a DENY shown as 404)."""
    return {"allow": Outcome.ALLOW, "stub": Outcome.STUB}.get(word, Outcome.DENY)


# --- Kwarg factories -----------------------------------------------------------------------


@dataclass
class RecordSpec:
    """What a factory is asked to build: a record for one cell of the matrix."""

    managing_jurisdiction: str
    protected: bool
    actor: Any = None  # the requesting user, None for anonymous
    built: dict[str, Any] = field(default_factory=dict)  # kwargs of this URL built so far


@dataclass(frozen=True)
class Built:
    """A factory's answer: the kwarg value and strings that must not leak to the non-allowed."""

    value: Any
    canaries: tuple[str, ...] = ()


@dataclass(frozen=True)
class KwargFactory:
    name: str
    build: Callable[[RecordSpec], Any]
    person: bool
    module: str
    per_actor: bool = False

    def __call__(self, spec: RecordSpec) -> Built:
        result = self.build(spec)
        return result if isinstance(result, Built) else Built(result)


FACTORIES: dict[str, KwargFactory] = {}


def kwarg_factory(
    name: str, *, person: bool = False, per_actor: bool = False
) -> Callable[[Callable[[RecordSpec], Any]], Callable[[RecordSpec], Any]]:
    """Register the builder for URL kwarg `name`. `person=True`: a URL carrying this kwarg
    reads or writes a person record, so each signed-in request must write exactly one audit row.

    For GET requests the test builds each cell's records once and lets every caller read them
    (`spec.actor` is then None); unsafe methods get fresh records per caller. `per_actor=True`:
    the record must belong to the requesting user (e.g. their own API token), so it is always
    built per caller with `spec.actor` set.
    """

    def register(fn: Callable[[RecordSpec], Any]) -> Callable[[RecordSpec], Any]:
        existing = FACTORIES.get(name)
        if existing is not None and existing.module != fn.__module__:
            raise MatrixError(
                f"kwarg {name!r} already has a factory in {existing.module}; "
                "use a more specific kwarg name (e.g. person_id, note_id)"
            )
        FACTORIES[name] = KwargFactory(name, fn, person, fn.__module__, per_actor)
        return fn

    return register


def load_factories() -> dict[str, KwargFactory]:
    """Import every `ncos/<app>/tests/matrix_factories.py` (registration happens on import)."""
    root = Path(__file__).resolve().parent.parent
    for path in sorted(root.glob("*/tests/matrix_factories.py")):
        importlib.import_module(f"ncos.{path.parent.parent.name}.tests.matrix_factories")
    return FACTORIES


# --- Walking the URL resolver --------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    name: str  # "namespace:name" as used with reverse()
    route: str  # the full pattern, for messages
    kwargs: tuple[str, ...]  # URL kwarg names, left to right
    kind: str  # "function", "class", "drf"
    actions: dict[str, Action]  # HTTP method -> declared action (possibly empty)
    methods: tuple[str, ...]  # methods to exercise
    problems: tuple[str, ...] = ()

    @property
    def declared(self) -> bool:
        return bool(self.actions)

    def __str__(self) -> str:
        return f"{self.name} ({self.route})"


_KWARG = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>\w+)>")
_REGEX_KWARG = re.compile(r"\(\?P<(?P<name>\w+)>")


def _route_kwargs(route: str) -> tuple[str, ...]:
    names = [m.group("name") for m in _KWARG.finditer(route)]
    names += [m.group("name") for m in _REGEX_KWARG.finditer(route)]
    return tuple(names)


def _flatten(
    patterns: list[Any], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, URLPattern]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _flatten(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = entry.name or ""
            full = f"{namespace}:{name}" if namespace and name else name
            yield full, prefix + str(entry.pattern), entry


def _drf_methods(cls: Any, callback: Any) -> tuple[str, ...]:
    mapping = getattr(callback, "actions", None)  # viewsets: {"get": "list", ...}
    if mapping:
        return tuple(m.upper() for m in mapping)
    allowed = [m.upper() for m in cls.http_method_names if m not in ("head", "options", "trace")]
    return tuple(m for m in allowed if hasattr(cls, m.lower()))


def _drf_actions(cls: Any, callback: Any, methods: tuple[str, ...]) -> dict[str, Action]:
    declared = getattr(cls, "access_actions", None)
    single = getattr(cls, "access_action", None)
    mapping = getattr(callback, "actions", None) or {}
    result: dict[str, Action] = {}
    for method in methods:
        action = None
        if isinstance(declared, dict):
            action = declared.get(mapping.get(method.lower(), "")) or declared.get(method)
        if action is None and isinstance(single, Action):
            action = single
        if isinstance(action, Action):
            result[method] = action
    return result


def describe(name: str, route: str, pattern: URLPattern) -> Endpoint:
    """What the view behind `pattern` declares, per HTTP method."""
    from ncos.access.drf import DeclaredActionPermission
    from ncos.access.views import AccessMixin

    callback = pattern.callback
    kwargs = _route_kwargs(route)
    problems: list[str] = []
    cls = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if cls is not None and hasattr(cls, "permission_classes"):  # DRF
        methods = _drf_methods(cls, callback)
        actions = _drf_actions(cls, callback, methods)
        if actions and DeclaredActionPermission not in list(cls.permission_classes):
            problems.append("DRF view does not use DeclaredActionPermission")
        missing = [m for m in methods if m not in actions]
        if actions and missing:
            problems.append(f"no action declared for {', '.join(missing)}")
        return Endpoint(name, route, kwargs, "drf", actions, methods, tuple(problems))
    if cls is not None:  # Django class-based view
        methods = tuple(
            m.upper()
            for m in cls.http_method_names
            if m not in ("head", "options", "trace") and hasattr(cls, m)
        )
        actions: dict[str, Action] = {}
        per_method = getattr(cls, "access_actions", None) or {}
        single = getattr(cls, "access_action", None)
        for method in methods:
            action = per_method.get(method, single)
            if isinstance(action, Action):
                actions[method] = action
        if actions and not issubclass(cls, AccessMixin):
            problems.append("class view declares an action but does not use AccessMixin")
        return Endpoint(name, route, kwargs, "class", actions, methods, tuple(problems))
    action = getattr(callback, "access_action", None)
    guarded = getattr(callback, "_ncos_access_guarded", False)
    if isinstance(action, Action) and not guarded:
        problems.append("access_action set by hand: use @requires(...)")
    actions = dict.fromkeys(("GET", "POST"), action) if isinstance(action, Action) else {}
    return Endpoint(name, route, kwargs, "function", actions, ("GET", "POST"), tuple(problems))


def endpoints() -> list[Endpoint]:
    """Every URL pattern of the project, described."""
    found = [describe(name, route, p) for name, route, p in _flatten(get_resolver().url_patterns)]
    return sorted(found, key=lambda e: (e.name, e.route))


def view_source(endpoint_pattern: URLPattern) -> str:
    """Where a view is defined, for failure messages."""
    callback = endpoint_pattern.callback
    target = getattr(callback, "cls", None) or getattr(callback, "view_class", None) or callback
    try:
        return f"{inspect.getsourcefile(target)}:{inspect.getsourcelines(target)[1]}"
    except (OSError, TypeError):
        return getattr(target, "__module__", "?")
