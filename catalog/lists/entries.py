"""What a list shows of each saved resource, and the citation records of a whole list.

A saved resource may have changed since it was saved: a newer version replaced the one
saved (the entry says so and links the version saved), or it was retired (the entry says
when and why, and links the newer resources the retirement names, as its tombstone does).
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from catalog import citations, records, search
from catalog.models import Resource
from toolkit.text import render_markdown

from .models import SavedItem, SavedList

# What every list page reads of an item's resource: ListedResource's fields after its id.
RESOURCE_FIELDS = (
    "resource__slug",
    "resource__title",
    "resource__version",
    "resource__time_required_minutes",
    "resource__authors",
    "resource__retired_at",
    "resource__retired_reason",
    "resource__resource_type__name",
)
# What the curriculum map reads of each item: a whole Resource row is ~40 fields, and
# building 50 of them cost ~3 ms.
PAGE_FIELDS = (
    "list_id",
    "position",
    "note",
    "saved_version",
    "resource__summary",
    *RESOURCE_FIELDS,
)


@dataclass(frozen=True, slots=True)
class ListedItem:
    """What the list pages read of a saved item."""

    pk: int
    note: str
    saved_version: int


@dataclass(frozen=True, slots=True)
class ListedResource:
    """What the list pages read of a saved resource's current version."""

    pk: int
    slug: str
    title: str
    version: int
    time_required_minutes: int | None
    authors: list[dict]
    retired_at: datetime | None
    retired_reason: str
    resource_type_name: str

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None

    @property
    def author_names(self) -> list[str]:
        return [a["name"] for a in self.authors]


@dataclass
class Entry:
    """One item of a list as the pages show it."""

    item: ListedItem
    resource: ListedResource
    number: int
    replacements: list[Resource] = field(default_factory=list)
    citation: str = ""  # the hand-out: the APA reference (HTML, escaped)
    summary_html: str = ""  # the hand-out: the summary (sanitised Markdown)
    actions: dict[str, str] = field(default_factory=dict)  # the owner's page: form URLs

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


ACTIONS = ("note", "move", "remove")
_SLUG = "-slug-"


def add_action_urls(saved_list: SavedList, items: list[Entry]) -> None:
    """Set each entry's `actions`: the URLs of its note, move and remove forms (each route
    reversed once for the list, not three times per item: 150 reversals took 5 ms)."""
    routes = {
        name: reverse(f"lists:item-{name}", args=[saved_list.uuid, _SLUG]).split(f"/{_SLUG}/")
        for name in ACTIONS
    }
    for entry in items:
        slug = entry.resource.slug
        entry.actions = {name: f"{head}/{slug}/{tail}" for name, (head, tail) in routes.items()}


LIST_ROUTES = ("print", "map", "share", "settings", "delete")
_UUID = "00000000-0000-0000-0000-000000000000"


@functools.cache
def _route_tails() -> dict[str, str]:
    """What each of LIST_ROUTES adds after the list's own address (e.g. "print/")."""
    return {
        name: reverse(f"lists:{name}", args=[_UUID]).split(f"/{_UUID}/", 1)[1]
        for name in LIST_ROUTES
    }


def page_urls(saved_list: SavedList) -> dict[str, str]:
    """The addresses of the list's page ("detail") and of those its owner's page links or
    posts to (LIST_ROUTES), from one reversal: the page's nine {% url %} tags took ~0.2 ms."""
    detail = saved_list.get_absolute_url()
    return {"detail": detail} | {name: f"{detail}{tail}" for name, tail in _route_tails().items()}


def items_of(saved_list: SavedList) -> QuerySet[SavedItem]:
    """The list's items in order, with what the pages show of their resources."""
    return (
        saved_list.items.select_related("resource", "resource__resource_type")
        .only(*PAGE_FIELDS)
        .order_by("position", "pk")
    )


# What entries() reads, as values: building 50 items' model rows (an item, its resource and
# the resource's type each) took ~1 ms of the owner's page of 50; values, ~0.2 ms.
ENTRY_FIELDS = ("pk", "note", "saved_version", "resource_id", *RESOURCE_FIELDS)


@functools.cache
def _entry_rows() -> QuerySet[SavedItem, tuple]:
    """Every item's ENTRY_FIELDS in order, built once: resolving the twelve fields through
    two joins took ~140 µs a request. Never evaluated itself; each list filters a copy."""
    return SavedItem.objects.order_by("position", "pk").values_list(*ENTRY_FIELDS)


def entries(saved_list: SavedList) -> list[Entry]:
    """The list's entries in order; a retired resource's newer replacements looked up by its
    reason."""
    rows = _entry_rows().filter(list_id=saved_list.pk)
    result = []
    for number, (pk, note, saved_version, *resource) in enumerate(rows, start=1):
        entry = Entry(ListedItem(pk, note, saved_version), ListedResource(*resource), number)
        if entry.is_retired:
            entry.replacements = list(Resource.objects.mentioned_in(entry.resource.retired_reason))
        result.append(entry)
    return result


def _records(resources: QuerySet[Resource]) -> list[records.ResourceRecord]:
    resources = (
        resources.select_related("resource_type", "language", "license")
        .defer("attachment_text")
        .prefetch_related("levels", "topics", "methods", "competencies")
    )
    vocab = records.Vocabularies()
    return [records.build(resource, vocab=vocab) for resource in resources]


def citation_records(saved_list: SavedList) -> list[records.ResourceRecord]:
    """The citation record of the current version of every resource on the list, in order."""
    return _records(
        Resource.objects.filter(saved_items__list=saved_list).order_by(
            "saved_items__position", "saved_items__pk"
        )
    )


@dataclass(frozen=True)
class HandoutText:
    """What the hand-out prints of a resource's current version besides its list entry."""

    citation: SafeString  # the APA reference
    summary: SafeString  # sanitised Markdown


MAX_HANDOUT_TEXTS = 20_000
_handout_texts: tuple[tuple | None, dict[int, HandoutText]] = (None, {})
_handout_lock = threading.Lock()


def handout_texts(resources: list[ListedResource]) -> dict[int, HandoutText]:
    """Resource id -> its hand-out text, made once per catalog generation (each publish,
    retirement and vocabulary change renews it): a reference needs the resource's full
    record (its relations, three queries for a list), the summary a Markdown pass."""
    global _handout_texts
    generation = search.generation()
    with _handout_lock:
        if _handout_texts[0] != generation:
            _handout_texts = (generation, {})
        made = _handout_texts[1]
    texts = {r.pk: made[r.pk] for r in resources if r.pk in made}
    missing = {r.slug: r.pk for r in resources if r.pk not in texts}
    if missing:
        for record in _records(Resource.objects.filter(slug__in=missing)):
            pk = missing[record.slug]
            summary = mark_safe(render_markdown(record.summary))  # noqa: S308 - sanitised (nh3)
            text = HandoutText(citations.apa_html(record), summary)
            texts[pk] = text
            if len(made) < MAX_HANDOUT_TEXTS:
                made[pk] = text
    return texts
