"""What a list shows of each saved resource, and the citation records of a whole list.

A saved resource may have changed since it was saved: a newer version replaced the one
saved (the entry says so and links the version saved), or it was retired (the entry says
when and why, and links the newer resources the retirement names, as its tombstone does).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.forms import Form
from django.urls import reverse

from catalog import records
from catalog.models import Resource

from .models import SavedItem, SavedList

LONG_FIELDS = ("attachment_text", "description", "references")


@dataclass
class Entry:
    """One item of a list as the pages show it."""

    item: SavedItem
    number: int
    replacements: list[Resource] = field(default_factory=list)
    note_form: Form | None = None  # the owner's page: the note's form
    citation: str = ""  # the hand-out: the APA reference (HTML, escaped)

    @property
    def resource(self) -> Resource:
        return self.item.resource

    @property
    def is_retired(self) -> bool:
        return self.resource.is_retired

    @property
    def is_updated(self) -> bool:
        """A newer version replaced the one saved."""
        return not self.is_retired and self.resource.version > self.item.saved_version

    @property
    def saved_version_path(self) -> str:
        return reverse(
            "catalog:resource-version", args=[self.resource.slug, self.item.saved_version]
        )


def items_of(saved_list: SavedList) -> QuerySet[SavedItem]:
    """The list's items in order, with their resources (long text fields left out)."""
    return (
        saved_list.items.select_related("resource", "resource__resource_type")
        .defer(*(f"resource__{name}" for name in LONG_FIELDS))
        .order_by("position", "pk")
    )


def entries(saved_list: SavedList) -> list[Entry]:
    """The list's entries; a retired resource's newer replacements looked up by its reason."""
    result = []
    for number, item in enumerate(items_of(saved_list), start=1):
        entry = Entry(item, number)
        if entry.is_retired:
            entry.replacements = list(Resource.objects.mentioned_in(item.resource.retired_reason))
        result.append(entry)
    return result


def citation_records(saved_list: SavedList) -> list[records.ResourceRecord]:
    """The citation record of the current version of every resource on the list, in order."""
    resources = (
        Resource.objects.filter(saved_items__list=saved_list)
        .select_related("resource_type", "language", "license")
        .defer("attachment_text")
        .prefetch_related("levels", "topics", "methods")
        .order_by("saved_items__position", "saved_items__pk")
    )
    vocab = records.Vocabularies()
    return [records.build(resource, vocab=vocab) for resource in resources]
