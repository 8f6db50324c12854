"""Compiled SQL for the API's hottest reads, reused across requests.

Building a claim query through the ORM (filters, `values()` with two dozen columns, the verdict
subquery, the keyset ordering) and compiling it costs 1-2 ms of CPU per request: more than
PostgreSQL spends running it. The queries repeat in shape (the same fields, filters and ordering)
and differ in values (a claim id, a status, the cursor's position). So each shape is compiled once
with stand-in values ("slots"), the stand-ins are looked up in the compiled parameters, and later
requests of the same shape run the same SQL with their own values in those places.

Only values are slotted: ints, floats, strings and datetimes. Booleans, `None` and the length of
each list are part of the shape, because they change the SQL. A shape is never cached when a
stand-in cannot be found verbatim in the parameters (a lookup that transforms its value, e.g.
`icontains`, or a backend that converts it): such queries run through the ORM every time, as does
everything on SQLite (its values go through converters on the way out). Rows come back as the
dicts `values()` would give, under the same names.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import connections
from django.db.models import QuerySet

_INT_BASE = 9_000_000_000_000_000_000  # within a bigint, far beyond any id or count we store
_FLOAT_BASE = -7.0e300
_TIME_BASE = datetime(1973, 3, 1, 7, 11, 13, 713_000, tzinfo=UTC)
_MARK = "\x1fslot:"


class _Unslottable(Exception):
    pass


class _Slots:
    """Hands out stand-ins, remembering which slot each one is."""

    def __init__(self) -> None:
        self.by_value: dict[Any, int] = {}

    def stand_in(self, value: Any) -> Any:
        index = len(self.by_value)
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, int):
            stand_in: Any = _INT_BASE + index
        elif isinstance(value, float):
            stand_in = _FLOAT_BASE * (1 + index / 1000)
        elif isinstance(value, str):
            stand_in = f"{_MARK}{index}\x1f"
        elif isinstance(value, datetime) and value.tzinfo is not None:
            stand_in = _TIME_BASE + timedelta(seconds=index)
        else:
            raise _Unslottable(type(value).__name__)
        self.by_value[stand_in] = index
        return stand_in


def _walk(values: Any, leaf: Callable[[Any], Any]) -> Any:
    """`values` with each leaf value replaced by leaf(value): dicts, lists, tuples and dataclasses."""
    if isinstance(values, dict):
        return {key: _walk(value, leaf) for key, value in values.items()}
    if isinstance(values, list | tuple):
        return type(values)(_walk(value, leaf) for value in values)
    if dataclasses.is_dataclass(values) and not isinstance(values, type):
        return dataclasses.replace(values, **{f.name: _walk(getattr(values, f.name), leaf)
                                              for f in dataclasses.fields(values)})
    return leaf(values)


def _signature(values: Any) -> Hashable:
    """What of `values` changes the SQL: the structure, types, booleans and Nones."""
    if isinstance(values, dict):
        return ("d", tuple((key, _signature(value)) for key, value in values.items()))
    if isinstance(values, list | tuple):
        return ("l", tuple(_signature(value) for value in values))
    if dataclasses.is_dataclass(values) and not isinstance(values, type):
        return (type(values).__name__, tuple((f.name, _signature(getattr(values, f.name)))
                                             for f in dataclasses.fields(values)))
    if isinstance(values, bool) or values is None:
        return values
    return type(values).__name__


def _leaves(values: Any) -> list[Any]:
    """The slotted values, in the order _Slots numbered their stand-ins."""
    found: list[Any] = []

    def keep(value: Any) -> Any:
        if not (isinstance(value, bool) or value is None):
            found.append(value)
        return value

    _walk(values, keep)
    return found


@dataclasses.dataclass(frozen=True)
class Statement:
    sql: str
    params: tuple[tuple[bool, Any], ...]  # (is a slot, slot index or the constant)
    names: tuple[str, ...]  # the values() keys, in column order


_cache: dict[Hashable, Statement | None] = {}
_CACHE_LIMIT = 512


def _compile(build: Callable[[Any], QuerySet], values: Any, using: str) -> Statement | None:
    slots = _Slots()
    try:
        stand_ins = _walk(values, slots.stand_in)
    except _Unslottable:
        return None
    queryset = build(stand_ins)
    query = queryset.query
    if getattr(queryset, "_fields", None) is None or query.extra_select:
        return None  # values() rows only
    sql, params = query.get_compiler(using).as_sql()
    found: set[int] = set()
    mapped: list[tuple[bool, Any]] = []
    for param in params:
        index = None if isinstance(param, bool) or not isinstance(param, Hashable) else slots.by_value.get(param)
        if index is not None:
            mapped.append((True, index))
            found.add(index)
        elif isinstance(param, str) and _MARK in param:
            return None  # a stand-in the lookup transformed: its value would be wrong
        else:
            mapped.append((False, param))
    if found != set(slots.by_value.values()):
        return None  # a stand-in inlined in the SQL or converted by the backend
    names = tuple(query.selected) if query.selected else (*query.values_select, *query.annotation_select)
    return Statement(sql, tuple(mapped), names)


def cached_rows(build: Callable[[Any], QuerySet], values: Any, *, key: Hashable, using: str = "default") -> list[dict]:
    """The rows of build(values) (a values() queryset), through SQL compiled once per shape.

    `key` names what else decides the SQL (the caller's choice of fields, ordering, page size...);
    the shape is `key` plus the signature of `values`."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return list(build(values))
    shape = (key, _signature(values))
    if shape not in _cache:
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()
        _cache[shape] = _compile(build, values, using)
    statement = _cache[shape]
    if statement is None:
        return list(build(values))
    leaves = _leaves(values)
    params = [leaves[value] if is_slot else value for is_slot, value in statement.params]
    names = statement.names
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, params)
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
