"""JSON parsing with the request size limit applied to the body actually read.

Django enforces DATA_UPLOAD_MAX_MEMORY_SIZE only for request.body and form data; DRF's parsers
read the stream directly, so the limit is enforced here (and on Content-Length in the views).
"""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from claims.api.errors import RequestTooLarge


def body_limit() -> int | None:
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def too_large(size: int) -> RequestTooLarge:
    return RequestTooLarge(f"The request body is larger than the limit of {body_limit()} bytes ({size} sent).")


class LimitedJSONParser(JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        limit = body_limit()
        if limit is None or stream is None:
            return super().parse(stream, media_type, parser_context)
        data = stream.read(limit + 1)
        if len(data) > limit:
            raise too_large(len(data))
        try:
            return super().parse(io.BytesIO(data), media_type, parser_context)
        except RecursionError as exc:  # json's C decoder gives up on deep nesting: a 400, not a 500
            raise ParseError("JSON parse error - the document is nested too deeply.") from exc
