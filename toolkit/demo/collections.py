"""The demo's curated collections (data/collections.yaml): made and published by the editor
through the collection services, like an editor would in the admin."""

from __future__ import annotations

from pathlib import Path

import yaml

from catalog import services
from catalog.models import Collection, CollectionItem, LearnerLevel, Resource
from toolkit.accounts.models import User

from .content import DATA, DemoContentError

COLLECTIONS = DATA / "collections.yaml"


def load_collections(path: Path = COLLECTIONS) -> list[dict]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for entry in entries:
        for key in ("slug", "title", "items"):
            if not entry.get(key):
                raise DemoContentError(path, key, f"missing in {entry.get('slug', '?')}")
    return entries


def seed_collections(editor: User, path: Path = COLLECTIONS) -> int:
    """Create and publish each collection not seeded yet; its members are found by title."""
    made = 0
    for entry in load_collections(path):
        if Collection.objects.filter(slug=entry["slug"]).exists():
            continue
        collection = Collection.objects.create(
            slug=entry["slug"],
            title=entry["title"],
            introduction=entry.get("introduction", "").strip(),
            curators=entry.get("curators", ""),
        )
        collection.levels.set(LearnerLevel.objects.filter(slug__in=entry.get("levels", [])))
        for position, item in enumerate(entry["items"], start=1):
            resource = Resource.objects.published().filter(title=item["title"]).first()
            if resource is None:
                raise DemoContentError(path, "items", f"no published resource “{item['title']}”")
            CollectionItem.objects.create(
                collection=collection, resource=resource, position=position, note=item["note"]
            )
        services.publish_collection(collection, editor)
        made += 1
    return made
