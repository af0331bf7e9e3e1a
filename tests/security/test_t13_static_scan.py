"""T13 / IN-3 static check: output encoding is never switched off for user data.

Scans every project template for `|safe`, `|safeseq`, `{% autoescape off %}`, `{% filter safe %}`,
and every project Python module (AST) for `mark_safe`, `SafeString`/`SafeText`, `format_html`
with a non-literal format string, and template filters registered `is_safe=True` or
`needs_autoescape=True` (they decide escaping themselves). Findings must be 0; the scanners are
checked on planted samples so the scan cannot pass vacuously.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = [ROOT / "templates", *sorted((ROOT / "ncos").glob("*/templates"))]
PYTHON_DIRS = [ROOT / "ncos", ROOT / "config"]

_TEMPLATE_RULES = {
    "|safe filter": re.compile(r"\|\s*safe(seq)?\b"),
    "autoescape off": re.compile(r"{%-?\s*autoescape\s+off\s*-?%}"),
    "filter safe": re.compile(r"{%-?\s*filter\s+[^%]*\bsafe\b"),
}
_SAFE_CALLS = {"mark_safe", "SafeString", "SafeText", "SafeData"}


def scan_template(text: str) -> list[str]:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for rule, pattern in _TEMPLATE_RULES.items():
            if pattern.search(line):
                found.append(f"line {number}: {rule}: {line.strip()[:80]}")
    return found


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def scan_python(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in _SAFE_CALLS:
                found.append(f"line {node.lineno}: {name}()")
            elif name == "format_html" and not (
                node.args and isinstance(node.args[0], ast.Constant)
            ):
                found.append(f"line {node.lineno}: format_html with a non-literal format")
            for keyword in node.keywords:
                if (
                    keyword.arg in ("is_safe", "needs_autoescape")
                    and isinstance(keyword.value, ast.Constant)
                    and keyword.value.value is True
                ):
                    found.append(f"line {node.lineno}: filter registered {keyword.arg}=True")
        elif isinstance(node, ast.ImportFrom) and node.module == "django.utils.safestring":
            names = {a.name for a in node.names} & _SAFE_CALLS
            if names:
                found.append(f"line {node.lineno}: imports {sorted(names)}")
    return found


def test_the_scanners_find_planted_samples() -> None:
    assert scan_template("<p>{{ person.notes|safe }}</p>")
    assert scan_template("{% autoescape off %}{{ x }}{% endautoescape %}")
    assert scan_template("{% filter safe %}{{ x }}{% endfilter %}")
    assert not scan_template("<p>{{ person.notes|linebreaksbr }} safe text</p>")
    assert scan_python("from django.utils.safestring import mark_safe\nmark_safe(x)\n")
    assert scan_python("format_html(template, x)\n")
    assert scan_python("@register.filter(is_safe=True)\ndef f(v): return v\n")
    assert not scan_python("format_html('<b>{}</b>', name)\n")


def test_no_template_switches_escaping_off() -> None:
    templates = [p for d in TEMPLATE_DIRS for p in d.rglob("*") if p.suffix in (".html", ".txt")]
    assert len(templates) > 50, len(templates)
    findings = [
        f"{path.relative_to(ROOT)} {finding}"
        for path in templates
        for finding in scan_template(path.read_text(encoding="utf-8"))
    ]
    assert not findings, "\n".join(findings)


def test_no_python_marks_strings_safe() -> None:
    modules = [
        p
        for d in PYTHON_DIRS
        for p in d.rglob("*.py")
        if "migrations" not in p.parts and "tests" not in p.parts
    ]
    assert len(modules) > 100, len(modules)
    findings = [
        f"{path.relative_to(ROOT)} {finding}"
        for path in modules
        for finding in scan_python(path.read_text(encoding="utf-8"))
    ]
    assert not findings, "\n".join(findings)
