"""Structured JSON log lines: control characters in messages cannot forge extra lines (LG-7)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

from ncos.common import context


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "at": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": context.current().request_id,
        }
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        # json.dumps escapes CR, LF and every other control character.
        return json.dumps(payload, ensure_ascii=True)
