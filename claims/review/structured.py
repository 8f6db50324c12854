"""A claim's structured fields (entities, quantities, dates) as readable rows, and one item's edit.

The extractor stores each item as JSON with the exact article text it was read from and its
offsets (`text`, `start`, `end`); a person corrects the meaning (a value, a unit, a date, a type),
never the place: `item_apply` keeps every key the form does not own, so offsets survive an edit.
The change itself goes through claims.services.workflow.claim_update like any other edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from claims.review import labels

KINDS = ("entities", "quantities", "dates")


@dataclass
class Row:
    index: int
    text: str  # the words of the article the item was read from ("" for an item added by hand)
    item: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)
    kind: str = ""

    @property
    def prefix(self) -> str:  # unique ids for the edit form's fields
        return f"{self.kind}-{self.index}"


def _as_dict(raw: Any) -> dict[str, Any]:
    """Old rows and imports may hold plain strings ("Kazakhstan") or numbers: read them as items."""
    if isinstance(raw, dict):
        return dict(raw)
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return {"value": raw}
    return {"text": str(raw)}


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace(",", "."))
    except (TypeError, ValueError):
        return None


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def entity_rows(items: Any) -> list[Row]:
    rows = []
    for i, raw in enumerate(items if isinstance(items, list) else []):
        item = _as_dict(raw)
        name = str(item.get("name") or item.get("text") or "")
        label = str(item.get("label") or "")
        rows.append(Row(i, str(item.get("text") or ""), item, kind="entities", extra={
            "name": name, "label": label, "type_label": labels.entity_type_label(label) if label else "",
        }))
    return rows


def quantity_rows(items: Any) -> list[Row]:
    rows = []
    for i, raw in enumerate(items if isinstance(items, list) else []):
        item = _as_dict(raw)
        qualifier = str(item.get("qualifier") or ("approx" if item.get("approx") else ""))
        rows.append(Row(i, str(item.get("text") or ""), item, kind="quantities", extra={
            "value": _number(item.get("value")), "unit": str(item.get("unit") or ""),
            "low": _number(item.get("low")), "high": _number(item.get("high")),
            "qualifier": qualifier if qualifier in labels.QUALIFIERS else "",
            # The base of a proportion or a rate ("8 TGV sur 10", "450 cas pour 100.000 habitants").
            "per": _number(item.get("per")), "per_unit": str(item.get("per_unit") or ""),
        }))
    return rows


def date_rows(items: Any) -> list[Row]:
    rows = []
    for i, raw in enumerate(items if isinstance(items, list) else []):
        item = _as_dict(raw)
        values = [d for d in (_date(v) for v in item.get("values") or []) if d]
        rows.append(Row(i, str(item.get("text") or ""), item, kind="dates", extra={
            "date": _date(item.get("value")), "until": values[-1] if len(values) > 1 else None,
        }))
    return rows


ROWS = {"entities": entity_rows, "quantities": quantity_rows, "dates": date_rows}


def item_apply(kind: str, current: list[Any], index: int | None, data: dict[str, Any], *, remove: bool = False
               ) -> list[Any]:
    """The new list for `kind` after adding (index None), changing or removing one item.

    Raises IndexError for an index the list does not have (the page was stale)."""
    items = list(current if isinstance(current, list) else [])
    if index is not None and not 0 <= index < len(items):
        raise IndexError(index)
    if remove:
        if index is None:
            raise IndexError(index)
        del items[index]
        return items
    item = _as_dict(items[index]) if index is not None else {}
    if kind == "entities":
        name = data["name"].strip()
        if item.get("text") and name == item["text"]:
            item.pop("name", None)
        else:
            item["name"] = name
        if not item.get("text"):
            item["text"] = name
            item.pop("name", None)
        item["label"] = data["label"]
    elif kind == "quantities":
        item["value"] = _plain(data["value"])
        item["unit"] = data["unit"].strip()
        item["qualifier"] = data["qualifier"]
        item["approx"] = data["qualifier"] == "approx"
        for key in ("low", "high"):
            if data.get(key) is None:
                item.pop(key, None)
            else:
                item[key] = _plain(data[key])
    else:
        item["value"] = data["value"].isoformat()
        item.pop("values", None)
        if data.get("until"):
            days = (data["until"] - data["value"]).days
            item["values"] = [(data["value"] + dt.timedelta(days=n)).isoformat() for n in range(days + 1)]
        item.setdefault("type", "date")
    if index is None:
        items.append(item)
    else:
        items[index] = item
    return items


def _plain(number: Any) -> int | float:
    value = float(number)
    return int(value) if value.is_integer() else value
