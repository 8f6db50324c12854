"""JSON rendered with orjson: the same output as DRF's JSONRenderer, several times faster.

Serializer output is made of plain values; what orjson does not know natively (lazy translations,
Decimal, sets, model choices) goes through DRF's own encoder, so both renderers agree byte for byte
on the value of every document (tested). Values may hold `orjson.Fragment`s: JSON the database
wrote, embedded as it is (claims.api.claim_rows)."""

from __future__ import annotations

from typing import Any

import orjson
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

_fallback = JSONEncoder()


def _default(value: Any) -> Any:
    return _fallback.default(value)


class FastJSONRenderer(JSONRenderer):
    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if data is None:
            return b""
        renderer_context = renderer_context or {}
        if self.get_indent(accepted_media_type or "", renderer_context):
            # Indented output is for people reading it (terminal, browsable API): the standard path
            # is fine, once the embedded JSON fragments are plain values again.
            plain = orjson.loads(orjson.dumps(data, default=_default, option=orjson.OPT_NON_STR_KEYS))
            return super().render(plain, accepted_media_type, renderer_context)
        return orjson.dumps(data, default=_default, option=orjson.OPT_NON_STR_KEYS)
