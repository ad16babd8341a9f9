"""A collection page's members, made in Python: the template engine spent ~0.2 ms on each
(a route reversal, the truncation, four filters); this is the same HTML, every value
escaped as the template did, kept until the catalog changes. The introduction's Markdown
is made once per text (the page showed it twice: in the description and the body)."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache

from django.template.defaultfilters import linebreaksbr, truncatewords
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from catalog import search
from catalog.links import ResourceLinks
from toolkit.text import human_duration, render_markdown

from .models import Collection, CollectionItem


@lru_cache(maxsize=256)
def introduction_html(text: str) -> SafeString:
    """The introduction's sanitised Markdown (a pure function of the text: kept for the
    last 256 texts)."""
    return mark_safe(render_markdown(text))  # noqa: S308 - sanitised by nh3 (toolkit.text)


def _item(entry: CollectionItem, links: ResourceLinks) -> str:
    item = entry.resource
    meta: str = escape(item.resource_type.name)
    if item.time_required_minutes:
        meta += f" · {escape(human_duration(item.time_required_minutes))}"
    note = ""
    if entry.note:
        note = (
            '<div class="collection-item__note"><p><span class="visually-hidden">'
            f"Editor's note: </span>{linebreaksbr(entry.note, autoescape=True)}</p></div>"
        )
    summary = ""
    if item.summary:
        summary = f'<p class="resource-card__summary">{escape(truncatewords(item.summary, 40))}</p>'
    return (
        '\n      <li class="collection-item">\n'
        f'        <h3 class="collection-item__title"><a href="{escape(links(item.slug))}">'
        f"{escape(item.title)}</a></h3>\n"
        f'        <p class="card__eyebrow">{meta}</p>\n'
        f"        {note}\n        {summary}\n      </li>\n      "
    )


def items_html(items: Iterable[CollectionItem]) -> SafeString:
    """The <li> of each member shown."""
    links = ResourceLinks()
    return SafeString("".join(_item(entry, links) for entry in items))


MAX_COLLECTIONS = 1_000
_members: tuple[tuple | None, dict[int, SafeString]] = (None, {})
_members_lock = threading.Lock()


def members_html(collection: Collection) -> SafeString:
    """The <li> of each member the public sees ("" if none), made once per catalog
    generation: adding, moving or removing a member, and publishing or retiring a resource,
    renew it (catalog.curation.signals, catalog.search); a stamp is one cheap query, the
    members' rows a join and 10-60 objects."""
    global _members
    generation = search.generation()
    with _members_lock:
        if _members[0] != generation:
            _members = (generation, {})
        made = _members[1]
    found = made.get(collection.pk)
    if found is None:
        found = items_html(collection.public_items())
        if len(made) < MAX_COLLECTIONS:
            made[collection.pk] = found
    return found
