"""The demo's saved lists (data/lists.yaml): a shared list for a residency noon-conference
series, and a private clerkship list with a resource retired since it was saved.

Made through catalog.lists.services, except the one item whose resource the demo retires
before this runs: the services refuse to save a retired resource, so that item is written
as it would have been saved before the retirement. Idempotent: a list that exists is kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from catalog.lists import services
from catalog.lists.models import SavedItem, SavedList
from catalog.models import Resource

from ..accounts.models import User

DATA = Path(__file__).resolve().parent / "data" / "lists.yaml"


def load(path: Path = DATA) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def _add(saved: SavedList, owner: User, resource: Resource, note: str, position: int) -> None:
    if resource.is_retired:  # saved before it was retired (see the module's docstring)
        SavedItem.objects.create(
            list=saved,
            resource=resource,
            position=position,
            note=note,
            saved_version=resource.version,
        )
    else:
        services.add_item(saved, owner, resource, note)


def seed_lists(users: dict[str, User], specs: list[dict[str, Any]] | None = None) -> int:
    """Create the demo's lists that do not exist yet; the number created."""
    made = 0
    for spec in load() if specs is None else specs:
        owner = users[spec["owner"]]
        if SavedList.objects.filter(owner=owner, name=spec["name"]).exists():
            continue
        saved = services.create_list(owner, spec["name"], spec.get("description", ""))
        for position, item in enumerate(spec.get("items", []), start=1):
            resource = Resource.objects.get(title=item["title"])
            _add(saved, owner, resource, item.get("note", ""), position)
        if spec.get("share_notes"):
            services.update_list(saved, owner, share_notes=True)
        if spec.get("shared"):
            services.share_list(saved, owner)
        made += 1
    return made
