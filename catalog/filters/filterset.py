"""The catalog's one FilterSet, shared by the page, the API and the Atom feed (DESIGN §9).

`ResourceFilter` parses and validates the query parameters (an unknown value is
an error naming it) and selects the results from the facet index
(`catalog.facets`) and the text search (`catalog.search`). Its filters are the
search words, the time limit, the sort, and one filter per facet declared in
`catalog.facets.registry`. What a page shows of a search (chips, links, sort
options, facet groups) is `catalog.filters.presenter`'s.
"""

from __future__ import annotations

import copy
import functools

import django_filters as df
from django.db.models import QuerySet
from django.http import QueryDict

from toolkit import timing

from .. import facets, search
from ..facets import Facet
from ..models import Resource
from ..search import suggest, synonyms
from .bounds import BoundedForm, bounded_parameters
from .fields import MinutesField, QueryField, TermsField, YearsField
from .results import SearchResults

SORTS = (
    ("relevance", "Relevance"),
    ("newest", "Newest first"),
    ("most-used", "Most used"),
    ("title", "Title A–Z"),
)


# --- Filters: parameters with their fields; the facet index does the filtering ----------


class QueryFilter(df.CharFilter):
    field_class = QueryField


class FacetFilter(df.Filter):
    """A repeatable vocabulary parameter: OR within, AND with the others."""

    field_class = TermsField

    def __init__(self, facet: Facet, **kwargs: object) -> None:
        self.facet = facet
        kwargs.setdefault(
            "error_messages", {"invalid_choice": f"“%(value)s” is not a known {facet.noun}."}
        )
        kwargs.setdefault("help_text", facet.help_text)
        super().__init__(field_name=facet.path, label=facet.legend, facet=facet.name, **kwargs)


class BooleanFilter(df.ChoiceFilter):
    """One of true or false (radio buttons): interprofessional."""

    def __init__(self, facet: Facet, **kwargs: object) -> None:
        self.facet = facet
        kwargs.setdefault("error_messages", {"invalid_choice": "“%(value)s” is not true or false."})
        super().__init__(
            field_name=facet.path,
            label=facet.legend,
            choices=facet.choices,
            help_text=facet.help_text,
            **kwargs,
        )


class YearFilter(df.Filter):
    field_class = YearsField

    def __init__(self, facet: Facet, **kwargs: object) -> None:
        self.facet = facet
        super().__init__(
            field_name=facet.path, label=facet.legend, help_text=facet.help_text, **kwargs
        )


class MinutesFilter(df.Filter):
    field_class = MinutesField


class SortFilter(df.ChoiceFilter):
    """Ordering: relevance, newest or title."""


FILTER_OF_KIND = {"terms": FacetFilter, "boolean": BooleanFilter, "years": YearFilter}


class _Filters(dict):
    """The filters of the FilterSet. Each FilterSet deep-copies them, then sets their parent
    and model: a shallow copy of each is enough, what they hold (labels, choices, facets)
    is read-only and shared (a deep copy took 0.25 ms of every catalog request)."""

    def __deepcopy__(self, memo: dict) -> dict[str, df.Filter]:
        return {name: copy.copy(flt) for name, flt in self.items()}


@functools.cache
def _filters(declared: tuple[Facet, ...]) -> dict[str, df.Filter]:
    return _Filters(
        {
            "q": QueryFilter(
                label="Search",
                help_text='Words to find. "A phrase" in quotes, -word to exclude, "or" for either.',
            ),
            **{facet.name: FILTER_OF_KIND[facet.kind](facet) for facet in declared},
            "max_minutes": MinutesFilter(
                label="Time required (at most, minutes)", help_text="A whole number of minutes."
            ),
            "sort": SortFilter(
                choices=SORTS,
                label="Sort by",
                empty_label=None,
                error_messages={"invalid_choice": "“%(value)s” is not a way to sort."},
                help_text="relevance (the default with a search), newest (otherwise) or title.",
            ),
        }
    )


def parameter_filters() -> dict[str, df.Filter]:
    """The FilterSet's filters, in order: q, one per declared facet, max_minutes, sort."""
    return _filters(facets.facets())


SORTED_FOR = "sorted_for"  # the page's sort menu says which words its choice was made for
EXACT = "exact"  # exact=1: the words as typed, never replaced by a correction
TRUE_VALUES = {"1", "true", "yes", "on"}


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def drop_sort_chosen_for_other_words(params: QueryDict) -> None:
    """Relevance whenever there are new words: the catalog page's sort menu sends its
    current choice with every search, so a sort chosen for other words (or for browsing,
    with none) is dropped. A sort chosen for these same words stays. Requests without
    `sorted_for` (the API, the feed, links) keep the sort they ask for."""
    if SORTED_FOR in params and _words(params.get(SORTED_FOR, "")) != _words(params.get("q", "")):
        params.pop("sort", None)
        params.pop(SORTED_FOR, None)


class _SharedFields(dict):
    """A form's fields, shared by every form of the class: Django deep-copies them for each
    form (0.25 ms a request here), in case a form changes its own; this one never does."""

    def __deepcopy__(self, memo: dict) -> dict:
        return dict(self)


@functools.cache
def _form_class(declared: tuple[Facet, ...]) -> type[BoundedForm]:
    """The form class, built once per set of facets: the fields hold no per-request state."""
    fields = {name: flt.field for name, flt in copy.deepcopy(_filters(declared)).items()}
    form_class: type[BoundedForm] = type("ResourceFilterForm", (BoundedForm,), fields)
    form_class.base_fields = _SharedFields(form_class.base_fields)
    return form_class


class ResourceFilter(df.FilterSet):
    """Search and facet parameters of the public catalog (page, API and Atom feed)."""

    class Meta:
        model = Resource
        fields: list[str] = []
        form = BoundedForm

    def __init__(
        self, data: object = None, queryset: QuerySet | None = None, **kwargs: object
    ) -> None:
        if queryset is None:
            queryset = Resource.objects.published()
        self.parameter_errors: list = []
        if data is not None:  # once, here: the page, the API and the feed all come this way
            data, self.parameter_errors = bounded_parameters(data)  # type: ignore[arg-type]
            drop_sort_chosen_for_other_words(data)
        self.base_filters = parameter_filters()
        super().__init__(data, queryset, **kwargs)
        self.index = facets.get_index()  # before validation: the fields check its terms

    def get_form_class(self) -> type[BoundedForm]:
        return _form_class(facets.facets())

    @property
    def form(self) -> BoundedForm:
        if not hasattr(self, "_form"):
            super().form.parameter_errors = self.parameter_errors
        return self._form

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        """There is no SQL path: the facet index selects (see `results()`)."""
        raise NotImplementedError("ResourceFilter selects with the facet index: use results().")

    # --- the cleaned values -----------------------------------------------------

    @property
    def parsed_query(self) -> search.ParsedQuery:
        """The search words, parsed once (by the form's field)."""
        return self.form.cleaned_data.get("q") or search.ParsedQuery()

    @property
    def query(self) -> str:
        """The search words as cleaned: no control characters, at most 500 characters."""
        return self.parsed_query.text

    @property
    def ordering(self) -> str:
        """The sort in effect: relevance needs words to search, else newest first."""
        sort = self.form.cleaned_data.get("sort") or ("relevance" if self.query else "newest")
        if sort == "relevance" and not self.parsed_query:
            return "newest"
        return sort

    @property
    def exact(self) -> bool:
        """`exact=1`: search the words as typed, even when a correction would find more."""
        return str(self.data.get(EXACT, "")).lower() in TRUE_VALUES

    def criteria(self) -> facets.Criteria:
        data = self.form.cleaned_data
        selected = {}
        for name in self.index.facet_names:
            value = data.get(name) or ()
            values = [value] if isinstance(value, str) else [str(v) for v in value]
            if values:
                selected[name] = frozenset(values)
        return facets.Criteria(selected=selected, max_minutes=data.get("max_minutes"))

    def error_list(self) -> list[str]:
        """Every validation message, prefixed with its parameter's label."""
        return [
            f"{self.filters[name].label}: {message}" if name in self.filters else message
            for name, messages in self.errors.items()
            for message in messages
        ]

    def _select(self, query: search.ParsedQuery, criteria: facets.Criteria) -> facets.Selection:
        """The resources matching `query` (its synonyms too) and `criteria`."""
        with timing.measure("search"):
            text = self.index.text_match(query) if query else None
        with timing.measure("facets"):
            return self.index.select(criteria, text)

    def results(self, ordering: str | None = None) -> SearchResults:
        """The matching resources, in order, with facet counts (call after is_valid()).

        With too few results, a correction of the words may be offered; when the words
        found nothing (and `exact` is not set) its results are shown instead.
        """
        criteria = self.criteria()
        table = synonyms.table(self.index.stamp)
        query = synonyms.expand(self.parsed_query, table)
        selection = self._select(query, criteria)
        correction = None
        if query:
            correction = suggest.correction(
                self.parsed_query,
                selection.count,
                lambda q: self._select(synonyms.expand(q, table), criteria).count,
                self.index.stamp,
                exact=self.exact,
            )
            if correction and correction.applied:
                query = synonyms.expand(correction.query, table)
                selection = self._select(query, criteria)
        return SearchResults(selection, ordering or self.ordering, query, correction)
