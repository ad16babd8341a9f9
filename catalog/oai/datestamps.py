"""Renaming a vocabulary term changes the records that use it: their datestamps move.

A harvester asks for what changed since its last visit (`from=`). A record's metadata
carries the names of its learner levels, type, topics, methods, language and licence, so
saving a term with a new name (or any other field a record shows) bumps `updated_at` of
every resource that uses it, in the same transaction. Saving a term unchanged moves nothing.
"""

from __future__ import annotations

from django.db.models import Model
from django.db.models.signals import post_save, pre_save
from django.utils import timezone

from ..models import (
    InstructionalMethod,
    Language,
    LearnerLevel,
    License,
    Resource,
    ResourceType,
    Topic,
    Vocabulary,
)

CHANGED = "_changes_records"  # set on the instance between pre_save and post_save
VOCABULARIES: tuple[type[Vocabulary], ...] = (
    LearnerLevel,
    ResourceType,
    InstructionalMethod,
    Topic,
    License,
    Language,
)


def _fields(term: Model) -> dict[str, object]:
    return {f.attname: getattr(term, f.attname) for f in term._meta.concrete_fields}


def _remember(
    sender: type[Vocabulary], instance: Vocabulary, raw: bool = False, **kw: object
) -> None:
    """Before a save, note whether the stored term differs from the one being saved."""
    stored = None if raw or instance.pk is None else sender._default_manager.filter(pk=instance.pk)
    changed = stored is not None and any(_fields(t) != _fields(instance) for t in stored)
    setattr(instance, CHANGED, changed)


def relation_to(vocabulary: type[Vocabulary]) -> str:
    """The Resource field (foreign key or many-to-many) that points at `vocabulary`."""
    for field in Resource._meta.get_fields():
        if (field.many_to_many or field.many_to_one) and field.related_model is vocabulary:
            return field.name
    raise LookupError(f"No Resource field points at {vocabulary.__name__}.")


def _bump(
    sender: type[Vocabulary], instance: Vocabulary, using: str = "default", **kw: object
) -> None:
    """After a changed term is saved, every resource using it has a new datestamp."""
    if getattr(instance, CHANGED, False):
        users = Resource.objects.using(using).filter(**{relation_to(sender): instance})
        Resource.objects.using(using).filter(pk__in=users.values("pk")).update(
            updated_at=timezone.now()
        )


def connect() -> None:
    for vocabulary in VOCABULARIES:
        uid = f"catalog-oai-datestamps-{vocabulary.__name__}"
        pre_save.connect(_remember, sender=vocabulary, dispatch_uid=uid)
        post_save.connect(_bump, sender=vocabulary, dispatch_uid=uid)
