"""A fingerprint of the seeded demo that depends neither on the clock nor on primary keys.

Every row of the workflow, catalog and account tables, in creation order, with each
primary or foreign key replaced by the row's rank in its table, each time by how many
hours before `now` it lies (a date: by how many days after the row's first timestamp), and
each random value (UUIDs, password hashes, file paths) left out. Two seedings of the same
content on one database give the same fingerprint; any change to a title, a slug, a state,
a text, an attached file's extracted text or the order things were created in changes it.
(Decision letters quote a review's rubric answers in the order the database returns JSON
keys, so PostgreSQL and SQLite each have their own fingerprint.)
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime

from django.apps import apps
from django.db import models
from django.utils import timezone

APPS = ("accounts", "catalog", "reviews", "lists", "reports")
# Random (password salts; Word and PowerPoint files hold the time they were zipped) or
# kept by the database itself (PostgreSQL's search vector; NULL on SQLite); a saved list's
# share link is a random secret.
SKIPPED = {"password", "last_login", "sha256", "share_token"}
# Not demo content: the search synonyms are editorial settings seeded by migrations, and the
# usage figures are generated per calendar month back from today (toolkit.demo.seed.
# seed_usage), so how many rows depends on the date; the figures have their own checks. The
# outdated-term list is seeded by a migration too.
SKIPPED_MODELS = {"catalog.Synonym", "catalog.UsageCount", "catalog.OutdatedTerm"}
ISO_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?$")


def _hours_before(now: datetime, moment: datetime) -> int:
    return int((now - moment).total_seconds() // 3600)


def _plain(value: object, now: datetime) -> object:
    """JSON values with absolute timestamps made relative."""
    if isinstance(value, dict):
        return {key: _plain(item, now) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item, now) for item in value]
    if isinstance(value, str) and ISO_DATETIME.match(value):
        return {"hours_before": _hours_before(now, datetime.fromisoformat(value))}
    return value


def _reference_day(obj: models.Model) -> date:
    """The day a row's dates count from: its first timestamp's (an invitation is due days
    after it was sent, whatever the time of day the demo was seeded), else today."""
    for field in obj._meta.concrete_fields:
        moment = getattr(obj, field.attname)
        if isinstance(field, models.DateTimeField) and moment is not None:
            return timezone.localdate(moment)
    return date.today()


def _value(field: models.Field, obj: models.Model, ranks: dict, now: datetime) -> object:
    value = getattr(obj, field.attname)
    if value is None:
        return None
    if isinstance(field, models.ForeignKey):
        return ranks[field.related_model._meta.label][value]
    if isinstance(field, models.DateTimeField):
        return _hours_before(now, value)
    if isinstance(field, models.DateField):
        return (value - _reference_day(obj)).days
    if isinstance(field, models.FileField):
        return bool(value)
    if isinstance(field, models.JSONField):
        return _plain(value, now)
    return value


def _models() -> list[type[models.Model]]:
    chosen = [
        m
        for m in apps.get_models()
        if m._meta.app_label in APPS and m._meta.label not in SKIPPED_MODELS
    ]
    through = [
        field.remote_field.through
        for model in chosen
        for field in model._meta.local_many_to_many
        if field.remote_field.through._meta.auto_created
    ]
    return chosen + through


def _ranks(model: type[models.Model]) -> dict[object, int]:
    pks = model.objects.order_by("pk").values_list("pk", flat=True)
    return {pk: rank for rank, pk in enumerate(pks)}


def snapshot(now: datetime | None = None) -> dict[str, list[list[object]]]:
    """Every row of every chosen table, as plain JSON-able lists."""
    now = now or timezone.now()
    everything = _models()
    related = {
        f.related_model for m in everything for f in m._meta.concrete_fields if f.is_relation
    }
    ranks = {model._meta.label: _ranks(model) for model in {*everything, *related}}
    tables = {}
    for model in everything:
        fields = [
            f
            for f in model._meta.concrete_fields
            if not f.primary_key and f.name not in SKIPPED and not isinstance(f, models.UUIDField)
        ]
        tables[model._meta.label] = [
            [_value(field, obj, ranks, now) for field in fields]
            for obj in model.objects.order_by("pk")
        ]
    return tables


def fingerprint(now: datetime | None = None) -> str:
    data = json.dumps(snapshot(now), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode()).hexdigest()
