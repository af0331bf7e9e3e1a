"""Canonical form and keyed hashing of audit rows, and verification of the chain.

Each row's hash is HMAC-SHA256(key, prev_hash + canonical JSON of the row). Keying the chain means
someone with write access to the database but not the key cannot append or re-chain forged rows.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings

GENESIS_HASH = "0" * 64
HASHED_FIELDS = (
    "seq",
    "event_id",
    "at",
    "actor_id",
    "actor_username",
    "actor_jurisdiction",
    "actor_roles",
    "session_hash",
    "request_id",
    "channel",
    "ip_address",
    "user_agent",
    "action",
    "outcome",
    "reason",
    "object_type",
    "object_id",
    "managing_jurisdiction",
    "protected",
    "purpose",
    "details",
    "prev_hash",
)


def _key() -> bytes:
    key = settings.NCOS_AUDIT_CHECKPOINT_KEY
    if not key:
        raise RuntimeError("NCOS_AUDIT_CHECKPOINT_KEY is not configured")
    return str(key).encode()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def canonical(fields: Mapping[str, Any]) -> bytes:
    body = {name: _plain(fields[name]) for name in HASHED_FIELDS}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def row_hash(fields: Mapping[str, Any]) -> str:
    return hmac.new(_key(), canonical(fields), hashlib.sha256).hexdigest()


def sign_checkpoint(seq: int, head_hash: str) -> str:
    return hmac.new(_key(), f"checkpoint:{seq}:{head_hash}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    first_bad_seq: int | None = None
    problem: str = ""

    def __str__(self) -> str:
        if self.ok:
            return f"audit chain OK: {self.checked} events verified"
        return f"audit chain BROKEN at seq {self.first_bad_seq}: {self.problem}"


def verify_rows(
    rows: Iterable[Mapping[str, Any]],
    checkpoints: Iterable[tuple[int, str, str]] = (),
    head: tuple[int, str] | None = None,
) -> Verification:
    """Walk rows in sequence order; report the first that breaks the chain.

    `checkpoints` are (seq, hash, signature) triples; each must be signed correctly and match the
    row of that sequence number, and the chain must reach the latest one (tail deletion). `head`
    is the chain-head row (seq, hash), written in the same transaction as the last event.
    """
    expected_seq = 1
    prev = GENESIS_HASH
    wanted: dict[int, str] = {}
    for seq, head_hash, signature in checkpoints:
        if not hmac.compare_digest(signature, sign_checkpoint(seq, head_hash)):
            return Verification(False, 0, seq, "checkpoint signature is invalid")
        wanted[seq] = head_hash
    rows = iter(rows)
    first = next(rows, None)
    if first is not None and int(first["seq"]) - 1 in wanted:
        # Rows up to a signed checkpoint were purged after their retention period (LG-8): the
        # chain goes on from that checkpoint. Without a signed one, a missing head is a gap.
        expected_seq = int(first["seq"])
        prev = wanted[expected_seq - 1]
    checked = 0
    for row in itertools.chain([first] if first is not None else [], rows):
        seq = int(row["seq"])
        if seq != expected_seq:
            problem = "sequence gap (rows deleted)" if seq > expected_seq else "sequence reordered"
            return Verification(False, checked, expected_seq, problem)
        if row["prev_hash"] != prev:
            return Verification(False, checked, seq, "previous-hash link broken")
        if not hmac.compare_digest(row["hash"], row_hash(row)):
            return Verification(False, checked, seq, "row content does not match its hash")
        if seq in wanted and wanted[seq] != row["hash"]:
            return Verification(False, checked, seq, "row differs from the signed checkpoint")
        prev = row["hash"]
        expected_seq += 1
        checked += 1
    if wanted:
        last_checkpoint = max(wanted)
        if last_checkpoint >= expected_seq:
            return Verification(
                False,
                checked,
                expected_seq,
                f"chain ends before signed checkpoint {last_checkpoint}",
            )
    if head is not None and (head[0] != expected_seq - 1 or (checked and head[1] != prev)):
        return Verification(
            False,
            checked,
            expected_seq,
            f"chain ends at {expected_seq - 1} but head says {head[0]}",
        )
    return Verification(True, checked)
