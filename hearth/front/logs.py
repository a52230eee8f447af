"""Keep secrets out of logs: invitation and calendar-feed tokens travel in URLs."""

from __future__ import annotations

import logging
import re

_SECRET_PATHS = re.compile(r"(/join/|/rituals/feed/)[A-Za-z0-9_\-]+")


def redact(text: str) -> str:
    return _SECRET_PATHS.sub(r"\1[redacted]", text)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = ()
        # Django attaches the request to some records; never print it whole.
        if hasattr(record, "request"):
            record.request = None
        return True
