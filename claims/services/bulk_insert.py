"""Insert many rows of one model fast: PostgreSQL's COPY for large batches, bulk_create otherwise.

Django's bulk_create on PostgreSQL sends one INSERT ... UNNEST whose arrays psycopg quotes on the
client (Django binds parameters client-side): at 10,000 audit events that quoting alone took
about 3 s. COPY streams the same rows in PostgreSQL's text format instead, in one statement.

Ids: COPY returns nothing, so when the caller needs them (webhook deliveries are enqueued by id)
they are taken from the table's sequence first, in one query, and written with the rows.
Small batches keep bulk_create (one INSERT ... RETURNING, no extra query).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from datetime import datetime
from typing import Any, TypeVar

from django.db import DEFAULT_DB_ALIAS, connections, models

M = TypeVar("M", bound=models.Model)

# Below this many rows an INSERT is as fast and needs no extra query for ids.
COPY_MIN_ROWS = 200


def bulk_insert(model: type[M], objs: Iterable[M], *, with_ids: bool = False) -> list[M]:
    """Insert `objs` (unsaved instances of `model`) in one statement; with_ids sets their pk.

    Model defaults and auto_now_add are applied as on save. No signals are sent (as bulk_create).
    """
    rows = list(objs)
    if not rows:
        return rows
    conn = connections[DEFAULT_DB_ALIAS]
    if conn.vendor != "postgresql" or len(rows) < COPY_MIN_ROWS:
        return model.objects.bulk_create(rows)
    meta = model._meta
    pk = meta.pk
    fields = [f for f in meta.local_concrete_fields if f is not pk]
    if with_ids:
        fields = [pk, *fields]
        for obj, new_id in zip(rows, _next_ids(model, len(rows)), strict=True):
            obj.pk = new_id
    converters = [_converter(f, conn) for f in fields]
    columns = ", ".join(conn.ops.quote_name(f.column) for f in fields)
    sql = f"COPY {conn.ops.quote_name(meta.db_table)} ({columns}) FROM STDIN"
    with conn.cursor() as cursor:
        logged = cursor.debug_sql(sql) if hasattr(cursor, "debug_sql") else nullcontext()
        # The raw cursor's COPY: wrap_database_errors turns psycopg's errors into Django's (IntegrityError...).
        with logged, conn.wrap_database_errors, cursor.cursor.copy(sql) as copy:
            for obj in rows:
                copy.write_row([convert(obj) for convert in converters])
    for obj in rows:
        obj._state.adding = False
        obj._state.db = conn.alias
    return rows


# Values psycopg writes exactly as Django would save them, for the fields below.
_PLAIN = {
    "AutoField": (int,), "BigAutoField": (int,), "IntegerField": (int,), "BigIntegerField": (int,),
    "PositiveIntegerField": (int,), "PositiveSmallIntegerField": (int,), "SmallIntegerField": (int,),
    "PositiveBigIntegerField": (int,), "CharField": (str,), "TextField": (str,), "BooleanField": (bool,),
    "FloatField": (float, int),
}


def _converter(field: models.Field, conn: Any) -> Callable[[models.Model], Any]:
    """The database value of `field` for one object, as field.get_db_prep_save(field.pre_save(obj)).

    The general path costs about ten Python calls per value; the common cases (a plain int or str,
    an aware datetime, JSON) take a shortcut that gives the same value.
    """
    attname = field.attname
    prep = field.get_db_prep_save

    def general(obj: models.Model) -> Any:
        return prep(field.pre_save(obj, True), conn)

    if type(field).pre_save is not models.Field.pre_save and not isinstance(field, models.DateTimeField):
        return general  # a field that computes its value on save (other than auto_now_add)
    internal = field.get_internal_type()
    if isinstance(field, models.ForeignKey):
        internal = field.target_field.get_internal_type()
    if isinstance(field, models.JSONField):
        dumps = functools.partial(json.dumps, cls=field.encoder)

        def as_json(obj: models.Model) -> Any:
            value = getattr(obj, attname)
            return None if value is None else dumps(value)  # text: COPY's text format parses it as jsonb

        return as_json
    if isinstance(field, models.DateTimeField):

        def as_datetime(obj: models.Model) -> Any:
            value = field.pre_save(obj, True)
            if isinstance(value, datetime) and value.tzinfo is not None:
                return value
            return prep(value, conn)

        return as_datetime
    plain = _PLAIN.get(internal)
    if plain is None:
        return general

    def as_plain(obj: models.Model) -> Any:
        value = getattr(obj, attname)
        return value if value is None or type(value) in plain else prep(value, conn)

    return as_plain


def _next_ids(model: type[models.Model], count: int) -> list[int]:
    """`count` fresh ids from the table's own sequence (identity or serial), in one query."""
    meta = model._meta
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, count],
        )
        return sorted(row[0] for row in cursor.fetchall())
