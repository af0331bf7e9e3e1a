"""Hypothesis strategies and response validators from the OpenAPI 3.0 document (security.md T2).

Schemathesis is not a dependency of the project, so this module does what the fuzz suite needs
of it directly with Hypothesis and jsonschema: request bodies, query parameters and path
parameters generated from the operation's schemas (plus schema-violating junk), and response
bodies validated against the schema documented for their status code.
"""

from __future__ import annotations

import copy
import string
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st
from jsonschema import Draft7Validator

# Text that tends to break things: quotes, markup, control characters, long runs, non-Latin.
NASTY = [
    "",
    " ",
    "'",
    '"',
    "\\",
    "%",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "../../etc/passwd",
    "\u202e",
    "\x1b[31m",
    "\r\n",
    "0",
    "-1",
    "9" * 40,
    "NCOS-0000-0000",
    "1985-13-45",
    "null",
    "🙂" * 3,
    "ẞß İı",
]
_TEXT = st.one_of(
    st.sampled_from(NASTY),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.text(alphabet=string.ascii_letters + string.digits + " -'", min_size=1, max_size=30),
)
_JUNK_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=6,
)


def resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    seen = 0
    while "$ref" in schema and seen < 20:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = components["schemas"][name]
        seen += 1
    return schema


@dataclass
class Strategies:
    components: dict[str, Any]
    ids: dict[str, list[Any]]  # path parameter name -> real ids to try (besides random UUIDs)

    def value(self, schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
        schema = resolve(schema, self.components)
        strategy = self._value(schema, depth)
        if schema.get("nullable"):
            strategy = st.none() | strategy
        return strategy

    def _value(self, schema: dict[str, Any], depth: int) -> st.SearchStrategy[Any]:
        if "enum" in schema:
            return st.sampled_from([v for v in schema["enum"] if v is not None] or [None])
        for key in ("oneOf", "anyOf"):
            if key in schema:
                return st.one_of([self.value(s, depth) for s in schema[key]])
        if "allOf" in schema:
            merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
            for part in schema["allOf"]:
                part = resolve(part, self.components)
                if "properties" not in part and "type" not in part:
                    return self.value(part, depth)
                merged["properties"].update(part.get("properties", {}))
                merged["required"] += part.get("required", [])
            schema = merged
        kind = schema.get("type", "object" if "properties" in schema else "string")
        if kind == "string":
            fmt = schema.get("format")
            if fmt == "date":
                return st.dates().map(lambda d: d.isoformat()) | st.sampled_from(NASTY)
            if fmt == "date-time":
                return st.datetimes(timezones=st.timezones()).map(
                    lambda d: d.isoformat()
                ) | st.sampled_from(NASTY)
            if fmt == "uuid":
                return st.uuids().map(str) | st.sampled_from(NASTY)
            limit = schema.get("maxLength")
            return _TEXT if limit is None else _TEXT | st.text(min_size=limit, max_size=limit + 5)
        if kind == "integer":
            low, high = schema.get("minimum"), schema.get("maximum")
            return st.integers(
                min_value=None if low is None else int(low) - 1,
                max_value=None if high is None else int(high) + 1,
            ) | st.integers(-(2**63), 2**63)
        if kind == "number":
            return st.floats(allow_nan=False, allow_infinity=False)
        if kind == "boolean":
            return st.booleans()
        if kind == "array":
            if depth > 3:
                return st.just([])
            return st.lists(self.value(schema.get("items", {}), depth + 1), max_size=3)
        if depth > 3:
            return st.just({})
        props = {
            name: self.value(sub, depth + 1)
            for name, sub in schema.get("properties", {}).items()
            if not resolve(sub, self.components).get("readOnly")
        }
        required = [n for n in schema.get("required", []) if n in props]
        optional = {n: s for n, s in props.items() if n not in required}
        return st.fixed_dictionaries({n: props[n] for n in required}, optional=optional)

    def body(self, operation: dict[str, Any]) -> st.SearchStrategy[Any]:
        content = operation.get("requestBody", {}).get("content", {})
        schema = (content.get("application/json") or {}).get("schema")
        if schema is None:
            return st.just(None)
        return self.value(schema) | _JUNK_JSON  # valid-ish and schema-violating bodies

    def path_value(self, name: str) -> st.SearchStrategy[str]:
        real = [str(v) for v in self.ids.get(name, [])]
        random_ids = st.uuids().map(str)
        return (st.sampled_from(real) | random_ids) if real else random_ids

    def query(self, operation: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        params = [p for p in operation.get("parameters", []) if p.get("in") == "query"]
        optional = {}
        for param in params:
            strategy = self.value(param.get("schema", {"type": "string"}))
            optional[param["name"]] = strategy.map(_query_text) | _TEXT
        return st.fixed_dictionaries({}, optional=optional)

    def if_match(self) -> st.SearchStrategy[str | None]:
        return st.sampled_from([None, '"1"', '"2"', "*", 'W/"1"', "garbage"])


def _query_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_query_text(v) for v in value)
    return "" if value is None else str(value)


def _to_json_schema(node: Any) -> Any:
    """OpenAPI 3.0 → JSON Schema: `nullable: true` becomes "or null"."""
    if isinstance(node, list):
        return [_to_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _to_json_schema(v) for k, v in node.items() if k != "nullable"}
    if node.get("nullable"):
        return {"anyOf": [out, {"type": "null"}]}
    return out


class ResponseChecker:
    """Validates a JSON body against the schema documented for (operation, status)."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.components = _to_json_schema(copy.deepcopy(schema.get("components", {})))
        self._cache: dict[int, Draft7Validator] = {}

    def validator(self, response_schema: dict[str, Any]) -> Draft7Validator:
        key = id(response_schema)
        if key not in self._cache:
            document = {
                "allOf": [_to_json_schema(response_schema)],
                "components": self.components,
            }
            self._cache[key] = Draft7Validator(document)
        return self._cache[key]

    def errors(self, operation: dict[str, Any], status: int, body: Any) -> list[str]:
        documented = operation.get("responses", {})
        entry = documented.get(str(status))
        if entry is None:
            return []  # undocumented status codes are counted separately
        schema = (entry.get("content", {}).get("application/json") or {}).get("schema")
        if schema is None:
            return []
        return [
            f"{'/'.join(map(str, e.absolute_path)) or '(body)'}: {e.message[:160]}"
            for e in self.validator(schema).iter_errors(body)
        ][:3]
