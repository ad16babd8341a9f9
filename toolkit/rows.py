"""Model instances and values from raw SQL rows, converted as the ORM converts them.

For the few statements every request runs (a signed-in person's session and account, a
cached page's key), where building the query with the ORM cost more than running it: the
SQL is written once, and each column gets the ORM's own converters for its field on that
database (SQLite's naive UTC dates and 0/1 booleans, say), so a value read here equals the
value the ORM would read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, TypeVar

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.db.models.expressions import Col

M = TypeVar("M", bound=Model)


@lru_cache(maxsize=64)
def _converters(
    connection: BaseDatabaseWrapper, model: type[Model], fields: tuple[str, ...]
) -> tuple[tuple[Col, tuple[Callable, ...]], ...]:
    found = []
    for name in fields:
        expression = model._meta.get_field(name).get_col(model._meta.db_table)  # type: ignore[union-attr]
        converters = connection.ops.get_db_converters(expression)
        found.append((expression, (*converters, *expression.get_db_converters(connection))))
    return tuple(found)


def convert(
    connection: BaseDatabaseWrapper, model: type[Model], fields: tuple[str, ...], row: Sequence
) -> list[Any]:
    """The values of `row` (one per field of `fields`, in order) as the ORM reads them."""
    values = []
    for value, (expression, converters) in zip(
        row, _converters(connection, model, fields), strict=True
    ):
        for converter in converters:
            value = converter(value, expression, connection)  # noqa: PLW2901
        values.append(value)
    return values


def columns(model: type[Model], fields: tuple[str, ...], alias: str) -> str:
    """`alias."column", ...` of the fields, for a SELECT."""
    found = (model._meta.get_field(name).column for name in fields)  # type: ignore[union-attr]
    return ", ".join(f'{alias}."{column}"' for column in found)


def concrete_fields(model: type[Model]) -> tuple[str, ...]:
    """The names of the model's columns' fields (its attnames: `owner_id`, not `owner`)."""
    return tuple(field.attname for field in model._meta.concrete_fields)


@lru_cache(maxsize=64)
def _select(model: type[Model], conditions: tuple[str, ...]) -> str:
    table = model._meta.db_table
    where = " AND ".join(f't."{model._meta.get_field(name).column}" = %s' for name in conditions)  # type: ignore[union-attr]
    return f'SELECT {columns(model, concrete_fields(model), "t")} FROM "{table}" t WHERE {where}'  # noqa: S608


def one(model: type[M], **conditions: Any) -> M | None:
    """The instance of `model` whose fields equal `conditions` (attnames: `owner_id=...`),
    or None; as `model.objects.filter(**conditions).first()` reads it on an unique key,
    with every column, from the database the ORM would read, without building the query."""
    alias = router.db_for_read(model)
    connection = connections[alias]
    params = [
        model._meta.get_field(name).get_db_prep_value(value, connection)  # type: ignore[union-attr]
        for name, value in conditions.items()
    ]
    with connection.cursor() as cursor:
        cursor.execute(_select(model, tuple(conditions)), params)
        row = cursor.fetchone()
    if row is None:
        return None
    fields = concrete_fields(model)
    return model.from_db(alias, list(fields), convert(connection, model, fields, row))
