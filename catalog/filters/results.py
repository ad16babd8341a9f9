"""The results of a catalog search: a lazy, sliceable sequence for Paginator and DRF."""

from __future__ import annotations

from typing import overload

from toolkit import timing

from .. import search
from ..facets import Selection
from ..models import Resource
from ..search.suggest import Correction

# Not needed to list results (the page, the API list, the feed): left in the database.
LONG_FIELDS = (
    "learning_objectives",
    "description",
    "references",
    "materials",
    "facilitator_notes",
    "evaluation",
    "acknowledgements",
    "attachment_text",
)


class SearchResults:
    """A lazy, sliceable sequence of results (what Paginator and DRF pagination expect).

    Items are Resource objects (for the API and the feed), or, after `listing()`, the
    listing dicts kept by the facet index (for the page: no database query at all).
    """

    related = ("resource_type", "language", "license")
    prefetch = ("levels", "topics", "methods")

    def __init__(
        self,
        selection: Selection,
        ordering: str,
        query: search.ParsedQuery,
        correction: Correction | None = None,
    ) -> None:
        self.selection = selection
        self.ordering = ordering
        self.query = query  # what was searched: with synonyms, corrected if `correction.applied`
        self.correction = correction
        self.as_listing = False

    def listing(self) -> SearchResults:
        """Give the page's listing dicts (url, title, summary, type, levels, minutes, year…)."""
        self.as_listing = True
        return self

    def __len__(self) -> int:
        return self.selection.count

    @property
    def count(self) -> int:
        return self.selection.count

    @overload
    def __getitem__(self, item: int) -> Resource | dict: ...
    @overload
    def __getitem__(self, item: slice) -> list: ...
    def __getitem__(self, item: int | slice) -> Resource | dict | list:
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        start, stop, _ = item.indices(len(self))
        if stop <= start:
            return []
        positions = self.selection.positions(start, stop, self.ordering)
        if self.as_listing:
            return self.selection.index.rows(positions)
        ids = [self.selection.index.ids[p] for p in positions]
        rows = (
            Resource.objects.filter(pk__in=ids)
            .select_related(*self.related)
            .defer(*LONG_FIELDS)
            .prefetch_related(*self.prefetch)
        )
        by_id = {r.pk: r for r in rows}
        return [by_id[pk] for pk in ids if pk in by_id]

    def with_snippets(self, rows: list[dict]) -> list[dict]:
        """Set each listing dict's `snippet` (highlighted HTML, or None): shown rows only."""
        with timing.measure("search"):
            found = search.snippets(self.query, [row["id"] for row in rows]) if self.query else {}
        for row in rows:
            row["snippet"] = found.get(row["id"])
        return rows
