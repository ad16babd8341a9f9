"""What the catalog page shows of a validated search: chips, links, sort options, facet groups.

The FilterSet parses and validates; this presents. The API's `?facets=1` answer
and the feed's link use the same groups and query strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import QueryDict
from django.urls import reverse

from toolkit import timing

from ..facets import Facet, Selection
from ..search.suggest import Correction
from .filterset import EXACT, SORTS, ResourceFilter

NOT_FILTERS = ("page", "sort", "sorted_for", "page_size", "facets", "format", EXACT)


@dataclass(frozen=True)
class Chip:
    facet: str
    label: str
    remove_url: str


@dataclass(frozen=True)
class CorrectionLinks:
    """The links of “Did you mean X?” or “Showing results for X · Search instead for Y”:
    both keep the filters; the second one asks for the words as typed (`exact=1`)."""

    correction: Correction
    url: str
    exact_url: str


@dataclass(slots=True)
class FacetOption:
    """A value of a facet as the sidebar shows it (not frozen: a search makes a hundred or
    more, and a frozen dataclass took three times as long to make)."""

    value: str
    label: str
    count: int
    selected: bool
    id: str  # of the HTML input


@dataclass(frozen=True)
class FacetGroup:
    facet: Facet
    options: list[FacetOption]
    # The facet index the options come from (their markup is made once per index).
    facet_index: object = field(default=None, compare=False, repr=False)

    @property
    def name(self) -> str:
        return self.facet.name

    @property
    def legend(self) -> str:
        return self.facet.legend

    @property
    def selected_count(self) -> int:
        return sum(o.selected for o in self.options)

    @property
    def has_selection(self) -> bool:
        return self.selected_count > 0

    @property
    def open(self) -> bool:
        """Shown unfolded: the catalog's main facet (learner level) and any facet in use."""
        return self.facet.open or self.has_selection

    @property
    def exclusive(self) -> bool:
        """One value at a time (radio buttons): interprofessional yes or no."""
        return self.facet.kind == "boolean"

    @property
    def input_type(self) -> str:
        return "radio" if self.exclusive else "checkbox"


@timing.timed("facets")
def facet_groups(selection: Selection) -> list[FacetGroup]:
    """The sidebar: each facet's values with their counts, selected values always shown.

    Values with no result (and not selected) are left out.
    """
    counts = selection.facet_counts()
    index, groups = selection.index, []
    for facet in index.facets:
        chosen = selection.criteria.selected.get(facet.name, frozenset())
        found = counts[facet.name]
        options = [
            FacetOption(value, label, count, value in chosen, f"f-{facet.name}-{i}")
            for i, (value, label) in enumerate(index.terms[facet.name])
            if (count := found.get(value, 0)) or value in chosen
        ]
        groups.append(FacetGroup(facet, options, index))
    return groups


class SearchPresenter:
    """The page's view of a valid search: its parameters (each value once) as links."""

    def __init__(self, filterset: ResourceFilter) -> None:
        self.filterset = filterset
        data = filterset.data
        self.params = data.copy() if isinstance(data, QueryDict) else QueryDict(mutable=True)
        self._feed_url: str | None = None

    def chips(self) -> list[Chip]:
        """One chip per selected value, linking to the same search without that value."""
        terms = {name: dict(values) for name, values in self.filterset.index.terms.items()}
        params = self.params.copy()
        params.pop("page", None)
        chips = []
        for name, flt in self.filterset.filters.items():
            if name == "sort":
                continue
            for value in params.getlist(name):  # each value once: see bounded_parameters
                if value == "":
                    continue
                rest = params.copy()
                rest.setlist(name, [v for v in params.getlist(name) if v != value])
                label = terms.get(name, {}).get(value, value)
                if name == "q":
                    label = f"“{value}”"
                elif name == "max_minutes":
                    label = f"{value} minutes or less"
                chips.append(Chip(str(flt.label), label, f"?{rest.urlencode()}"))
        return chips

    def heading(self) -> str:
        """The page's title: "Residency (GME) resources" when browsing one value of one
        facet (a level, a stage, a topic from the home page), else "Catalog"."""
        if self.filterset.query or self.filterset.form.cleaned_data.get("max_minutes"):
            return "Catalog"
        chosen = [(n, v) for n, vs in self.filterset.criteria().selected.items() for v in vs]
        if len(chosen) != 1:
            return "Catalog"
        name, value = chosen[0]
        if name == "interprofessional":
            return "Interprofessional resources" if value == "true" else "Catalog"
        if name == "facilitator":
            return "Resources any instructor can run" if value == "any" else "Catalog"
        label = dict(self.filterset.index.terms.get(name, ())).get(value)
        return f"{label} resources" if label else "Catalog"

    def querystring(self, *, without: tuple[str, ...] = NOT_FILTERS) -> str:
        """The search's parameters as a query string, less the given ones."""
        params = self.params.copy()
        for name in without:
            params.pop(name, None)
        return params.urlencode()

    def filter_params(self) -> str:
        """The filters other than the words, as a query string (for the zero-result log)."""
        return self.querystring(without=("q", *NOT_FILTERS))

    def _with_params(self, url: str) -> str:
        params = self.querystring()
        return f"{url}?{params}" if params else url

    def feed_url(self) -> str:
        """The Atom feed of this search (newest first, so without page or sort); made once
        (the page links to it twice)."""
        if self._feed_url is None:
            self._feed_url = self._with_params(reverse("catalog:resource-feed"))
        return self._feed_url

    def list_url(self) -> str:
        """The catalog page of this search (first page, default sort)."""
        return self._with_params(reverse("catalog:resource-list"))

    def correction(self, correction: Correction | None) -> CorrectionLinks | None:
        """The links of a correction: its search, and (when applied) the words as typed."""
        if correction is None:
            return None
        params = self.params.copy()
        for name in NOT_FILTERS:
            params.pop(name, None)
        params["q"] = correction.text
        url = f"{reverse('catalog:resource-list')}?{params.urlencode()}"
        params["q"] = correction.typed
        params[EXACT] = "1"
        return CorrectionLinks(
            correction, url, f"{reverse('catalog:resource-list')}?{params.urlencode()}"
        )

    def sort_options(self) -> list[tuple[str, str, bool]]:
        """(value, label, selected) of the sorts that make sense now (relevance needs words)."""
        has_words = bool(self.filterset.parsed_query)
        ordering = self.filterset.ordering
        return [
            (value, label, value == ordering)
            for value, label in SORTS
            if value != "relevance" or has_words
        ]
