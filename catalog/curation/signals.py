"""Membership changes (the admin's inline, the demo) keep the catalog in step: the facet index
is rebuilt, and a published collection's members get a new OAI-PMH datestamp (their sets
changed)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from .. import search
from ..models import Resource
from .models import Collection, CollectionItem


def touch_members(collection: Collection, resource_ids: list[int] | None = None) -> None:
    """New datestamps for a collection's members, whose OAI-PMH sets just changed."""
    members = Resource.objects.filter(collection_items__collection=collection)
    if resource_ids is not None:
        members = Resource.objects.filter(pk__in=resource_ids)
    members.update(updated_at=timezone.now())


def _item_changed(
    sender: type, instance: CollectionItem, using: str = "default", **kwargs: object
) -> None:
    search.renew_generation(using)
    collection = Collection.objects.filter(pk=instance.collection_id).only("state").first()
    if collection is not None and collection.is_published:
        touch_members(collection, [instance.resource_id])


def connect() -> None:
    uid = "catalog-collection-items"
    post_save.connect(_item_changed, sender=CollectionItem, dispatch_uid=uid)
    post_delete.connect(_item_changed, sender=CollectionItem, dispatch_uid=uid)
