"""Command line: ``python -m ncos.law assess FILE.json`` (or ``-`` for standard input).

Prints the answer (or a list of answers, for a list of cases) as JSON and exits 0. A malformed
case, invalid JSON or an unreadable file prints ``{"error": "...", "field": "..."}`` and exits 2.
A jurisdiction whose law is not available prints the same shape and exits 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from ncos.law import CaseError, assess
from ncos.law.jurisdictions.registry import JurisdictionUnavailableError

USAGE = "usage: python -m ncos.law assess FILE.json|-"


def _emit(out: TextIO, payload: Any) -> None:
    out.write(json.dumps(payload, indent=2, ensure_ascii=False))
    out.write("\n")


def main(
    argv: Sequence[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None
) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    out = stdout or sys.stdout
    if len(args) != 2 or args[0] != "assess":
        sys.stderr.write(USAGE + "\n")
        _emit(out, {"error": USAGE, "field": ""})
        return 2
    source = args[1]
    try:
        if source == "-":
            text = (stdin or sys.stdin).read()
        else:
            with open(source, encoding="utf-8") as f:
                text = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        _emit(out, {"error": f"cannot read {source}: {exc}", "field": ""})
        return 2
    try:
        case = json.loads(text)
    except json.JSONDecodeError as exc:
        _emit(out, {"error": f"invalid JSON: {exc}", "field": ""})
        return 2
    if not isinstance(case, dict | list):
        _emit(out, {"error": "a case must be a JSON object (or a list of them)", "field": ""})
        return 2
    try:
        answer = assess(case)
    except CaseError as exc:
        _emit(out, exc.to_dict())
        return 2
    except JurisdictionUnavailableError as exc:
        _emit(out, {"error": str(exc), "field": "jurisdiction"})
        return 1
    _emit(out, answer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
