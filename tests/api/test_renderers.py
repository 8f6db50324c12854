"""The orjson renderer writes the same documents as DRF's JSONRenderer."""

from __future__ import annotations

import json
from decimal import Decimal

from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.serializer_helpers import ReturnDict, ReturnList

from claims.api.renderers import FastJSONRenderer

DOCUMENT = {
    "next": None,
    "results": ReturnList([
        ReturnDict({"id": 7, "text": "Près de 40 tonnes « d'aide » envoyées — 12 %", "score": 0.875,
                    "reasons": [gettext_lazy("Published")], "amount": Decimal("12.50"), "tags": ("a", "b"),
                    "nested": {"ok": True, "none": None, "emoji": "✅"}, "big": 2**53 + 1}, serializer=None),
    ], serializer=None),
}


def test_it_writes_the_same_bytes_as_drf():
    assert FastJSONRenderer().render(DOCUMENT) == JSONRenderer().render(DOCUMENT)


def test_it_renders_nothing_for_no_data():
    assert FastJSONRenderer().render(None) == b""


def test_it_indents_when_asked():
    out = FastJSONRenderer().render({"a": [1, 2]}, "application/json; indent=2", {})
    assert out.decode().startswith("{\n  ")
    assert json.loads(out) == {"a": [1, 2]}
