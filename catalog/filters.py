"""The catalog's one FilterSet, shared by the page, the API and the Atom feed (DESIGN §9).

`ResourceFilter` validates the query parameters (an unknown value is an error
naming it) and offers two equivalent evaluations:

- `results()`: the fast path of the page, the API and the feed — the in-memory
  bitmap index of `catalog.facets` plus `catalog.search`, with facet counts;
- `qs`: the same filters in SQL (standard django-filter), for any other
  consumer that needs a queryset. Tests check that both agree.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

import django_filters as df
from django import forms
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.http import QueryDict
from django.urls import reverse

from . import facets, search
from .models import Resource

SORTS = (("relevance", "Relevance"), ("newest", "Newest first"), ("title", "Title A–Z"))
PAGE_SIZE = 20
MAX_MINUTES = 100_000
YEARS = (1900, 2999)
# Bounded work per request: the chips and links of a page repeat every parameter, so their
# size grows with the square of the number of values. Repeated values count once.
MAX_VALUES_PER_PARAMETER = 50
MAX_PARAMETER_VALUES = 150  # every checkbox of every facet ticked is about 100
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
    "search_vector",
)


# --- Fields: every error names the value it refuses -----------------------------


class QueryField(forms.CharField):
    """Free text, never invalid: control characters dropped, cut to a sane length."""

    def to_python(self, value):
        return search.clean_query(super().to_python(value))


class MinutesField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_MINUTES)
        super().__init__(**kwargs)
        self.error_messages.update(
            {
                "min_value": "“%(show_value)s” is too short: enter at least %(limit_value)s.",
                "max_value": "“%(show_value)s” is too long: enter at most %(limit_value)s.",
            }
        )

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            raise forms.ValidationError(
                "“%(value)s” is not a whole number of minutes.",
                code="invalid",
                params={"value": value},
            ) from None


class TermsField(forms.Field):
    """Repeated vocabulary values (slugs), checked against the terms of the facet index.

    Not a ChoiceField: its choices would be deep-copied with every form (a hundred
    terms a request); the index holds them once per catalog generation.
    """

    widget = forms.SelectMultiple
    default_error_messages = {"invalid_choice": "“%(value)s” is not a known value."}

    def __init__(self, *, facet: str, **kwargs):
        self.facet = facet
        super().__init__(**kwargs)

    def to_python(self, value):
        if not value:
            return []
        return [str(v) for v in (value if isinstance(value, list | tuple) else [value])]

    def validate(self, value):
        super().validate(value)
        known = facets.current_index().known[self.facet]
        for item in value:
            if item not in known:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )


class YearsField(forms.Field):
    """Repeated years, such as ?year=2023&year=2024."""

    widget = forms.SelectMultiple

    def to_python(self, value):
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        years = []
        for item in values:
            try:
                year = int(str(item).strip())
            except ValueError:
                year = None
            if year is None or not YEARS[0] <= year <= YEARS[1]:
                raise forms.ValidationError(
                    "“%(value)s” is not a year.", code="invalid", params={"value": item}
                )
            years.append(year)
        return years


# --- Bounded parameters -------------------------------------------------------------


def _shown_name(name: str) -> str:
    return name if len(name) <= 40 else f"{name[:40]}…"


def bounded_parameters(data) -> tuple[QueryDict, list[tuple[str | None, str]]]:
    """The parameters with each repeated value once, cut to the caps, and what was cut.

    Each error is (parameter name or None for the whole request, message). Whatever
    the request holds, what the filters, chips and links work on is bounded.
    """
    params, errors, total = QueryDict(mutable=True), [], 0
    lists = data.lists() if hasattr(data, "lists") else data.items()
    for name, values in lists:
        values = values if isinstance(values, list | tuple) else [values]
        distinct = list(dict.fromkeys(str(v) for v in values))
        if len(distinct) > MAX_VALUES_PER_PARAMETER:
            message = (
                f"{len(distinct)} different values given: "
                f"choose at most {MAX_VALUES_PER_PARAMETER}."
            )
            errors.append((name, message))
            distinct = distinct[:MAX_VALUES_PER_PARAMETER]
        room = MAX_PARAMETER_VALUES - total
        total += len(distinct)
        if room > 0:
            params.setlist(name, distinct[:room])
    if total > MAX_PARAMETER_VALUES:
        errors.append(
            (
                None,
                f"{total} parameter values given: choose at most {MAX_PARAMETER_VALUES} in all.",
            )
        )
    return params, errors


class BoundedForm(forms.Form):
    """The FilterSet's form: invalid when the parameters went beyond the caps."""

    parameter_errors: tuple | list = ()

    def clean(self):
        for name, message in self.parameter_errors:
            if name is None or name in self.fields:
                self.add_error(name, message)
            else:
                self.add_error(None, f"“{_shown_name(name)}”: {message}")
        return super().clean()


# --- Filters -------------------------------------------------------------------


def _in_subquery(field_name: str, values) -> Q:
    """Resources having any of the values (one subquery: no join duplicates, no DISTINCT)."""
    return Q(pk__in=Resource.objects.filter(**{f"{field_name}__in": values}).values("pk"))


class FacetFilter(df.Filter):
    """A repeatable vocabulary parameter: OR within, AND with the others."""

    field_class = TermsField

    def __init__(self, *args, facet: str, noun: str, **kwargs):
        kwargs.setdefault(
            "error_messages", {"invalid_choice": f"“%(value)s” is not a known {noun}."}
        )
        kwargs.setdefault("help_text", f"Repeatable; any of the values ({noun}).")
        super().__init__(*args, facet=facet, **kwargs)

    def filter(self, qs, value):
        return qs.filter(_in_subquery(self.field_name, value)) if value else qs


class QueryFilter(df.CharFilter):
    field_class = QueryField

    def filter(self, qs, value):
        return search.filter_queryset(qs, value) if value else qs


class MinutesFilter(df.Filter):
    field_class = MinutesField

    def filter(self, qs, value):
        return qs if value is None else qs.filter(time_required_minutes__lte=value)


class YearFilter(df.Filter):
    field_class = YearsField

    def filter(self, qs, value):
        if not value:
            return qs
        condition = Q()
        for year in value:
            condition |= Q(
                first_published_at__gte=datetime(year, 1, 1, tzinfo=UTC),
                first_published_at__lt=datetime(year + 1, 1, 1, tzinfo=UTC),
            )
        return qs.filter(condition)


class InterprofessionalFilter(df.ChoiceFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", facets.BOOLEAN_TERMS)
        kwargs.setdefault("error_messages", {"invalid_choice": "“%(value)s” is not true or false."})
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return qs.filter(interprofessional=value == "true") if value else qs


class SortFilter(df.ChoiceFilter):
    """Ordering, applied after the filters (see ResourceFilter.filter_queryset)."""

    def filter(self, qs, value):
        return qs


class ResourceFilter(df.FilterSet):
    """Search and facet parameters of the public catalog (page, API and Atom feed)."""

    q = QueryFilter(
        label="Search",
        help_text='Words to find. "A phrase" in quotes, -word to exclude, "or" for either.',
    )
    level = FacetFilter(
        field_name="levels__slug",
        facet="level",
        label="Learner level",
        noun="learner level",
        help_text="Repeatable, e.g. gme-residency (see /api/v1/learner-levels/).",
    )
    stage = FacetFilter(
        field_name="levels__stage",
        facet="stage",
        label="Stage",
        noun="stage",
        help_text="Repeatable: ume, gme or cpd; matches every learner level of the stage.",
    )
    type = FacetFilter(
        field_name="resource_type__slug",
        facet="type",
        label="Resource type",
        noun="resource type",
        help_text="Repeatable, e.g. case (see /api/v1/resource-types/).",
    )
    topic = FacetFilter(
        field_name="topics__slug",
        facet="topic",
        label="Topic",
        noun="topic",
        help_text="Repeatable, e.g. structural-racism (see /api/v1/topics/).",
    )
    method = FacetFilter(
        field_name="methods__slug",
        facet="method",
        label="Instructional method",
        noun="instructional method",
        help_text="Repeatable, e.g. im022 (see /api/v1/instructional-methods/).",
    )
    language = FacetFilter(
        field_name="language__slug",
        facet="language",
        label="Language",
        noun="language code",
        help_text="Repeatable ISO 639-1 code, e.g. es (see /api/v1/languages/).",
    )
    license = FacetFilter(
        field_name="license__slug",
        facet="license",
        label="Licence",
        noun="licence",
        help_text="Repeatable SPDX identifier, e.g. CC-BY-4.0 (see /api/v1/licenses/).",
    )
    interprofessional = InterprofessionalFilter(
        label="Interprofessional", help_text="true or false."
    )
    max_minutes = MinutesFilter(
        label="Time required (at most, minutes)", help_text="A whole number of minutes."
    )
    year = YearFilter(label="Year published", help_text="Repeatable; any of the years.")
    sort = SortFilter(
        choices=SORTS,
        label="Sort by",
        empty_label=None,
        error_messages={"invalid_choice": "“%(value)s” is not a way to sort."},
        help_text="relevance (the default with a search), newest (otherwise) or title.",
    )

    class Meta:
        model = Resource
        fields = []
        form = BoundedForm

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = Resource.objects.published()
        self.parameter_errors = []
        if data is not None:  # once, here: the page, the API and the feed all come this way
            data, self.parameter_errors = bounded_parameters(data)
        super().__init__(data, queryset, **kwargs)
        self.index = facets.get_index()
        self.terms = self.index.terms

    def get_form_class(self):
        """The form class, built once: the fields hold no per-request state."""
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            cls._form_class = super().get_form_class()
        return cls._form_class

    @property
    def form(self):
        if not hasattr(self, "_form"):
            super().form.parameter_errors = self.parameter_errors
        return self._form

    # --- the cleaned values -----------------------------------------------------

    @property
    def query(self) -> str:
        return self.form.cleaned_data.get("q") or ""

    @property
    def ordering(self) -> str:
        """The sort in effect: relevance needs words to search, else newest first."""
        sort = self.form.cleaned_data.get("sort") or ("relevance" if self.query else "newest")
        if sort == "relevance" and not search.parse_query(self.query):
            return "newest"
        return sort

    def criteria(self) -> facets.Criteria:
        data = self.form.cleaned_data
        selected = {}
        for name in facets.FACET_NAMES:
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

    def sort_options(self) -> list[tuple[str, str, bool]]:
        """(value, label, selected) of the sorts that make sense now (relevance needs words)."""
        has_words = bool(search.parse_query(self.query))
        return [
            (value, label, value == self.ordering)
            for value, label in SORTS
            if value != "relevance" or has_words
        ]

    # --- the SQL path -----------------------------------------------------------

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.ordering == "title":
            return queryset.order_by(Lower("title"), "id")
        if self.ordering == "relevance":
            return search.rank_queryset(queryset, self.query).order_by(
                F("search_rank").desc(nulls_last=True), "-published_at", "id"
            )
        return queryset.order_by("-published_at", "id")

    # --- the fast path ----------------------------------------------------------

    def results(self, ordering: str | None = None) -> "SearchResults":
        """The matching resources, in order, with facet counts (call after is_valid())."""
        text = self.index.text_match(self.query) if self.query else None
        selection = self.index.select(self.criteria(), text)
        return SearchResults(self, selection, ordering or self.ordering)

    # --- removable chips --------------------------------------------------------

    def chips(self) -> list["Chip"]:
        """One chip per selected value, linking to the same search without that value."""
        labels = {name: dict(terms) for name, terms in self.terms.items()}
        params = self.data.copy() if isinstance(self.data, QueryDict) else QueryDict(mutable=True)
        params.pop("page", None)
        chips = []
        for name, flt in self.filters.items():
            if name == "sort":
                continue
            for value in params.getlist(name):  # each value once: see bounded_parameters
                if value == "":
                    continue
                rest = params.copy()
                rest.setlist(name, [v for v in params.getlist(name) if v != value])
                label = labels.get(name, {}).get(value, value)
                if name == "q":
                    label = f"“{value}”"
                elif name == "max_minutes":
                    label = f"{value} minutes or less"
                chips.append(Chip(str(flt.label), label, f"?{rest.urlencode()}"))
        return chips

    def querystring(self, *, without=("page", "sort", "page_size", "facets", "format")) -> str:
        """The search's parameters as a query string, less the given ones."""
        params = self.data.copy() if isinstance(self.data, QueryDict) else QueryDict(mutable=True)
        for name in without:
            params.pop(name, None)
        return params.urlencode()

    def filter_params(self) -> str:
        """The filters other than the words, as a query string (for the zero-result log)."""
        return self.querystring(without=("q", "page", "sort", "page_size", "facets", "format"))

    def feed_url(self) -> str:
        """The Atom feed of this search (newest first, so without page or sort)."""
        url, params = reverse("catalog:resource-feed"), self.querystring()
        return f"{url}?{params}" if params else url


@dataclass(frozen=True)
class Chip:
    facet: str
    label: str
    remove_url: str


class SearchResults:
    """A lazy, sliceable sequence of results (what Paginator and DRF pagination expect).

    Items are Resource objects (for the API and the feed), or, after `listing()`, the
    listing dicts kept by the facet index (for the page: no database query at all).
    """

    related = ("resource_type", "language", "license")
    prefetch = ("levels", "topics", "methods")

    def __init__(self, filterset: ResourceFilter, selection: facets.Selection, ordering: str):
        self.filterset = filterset
        self.selection = selection
        self.ordering = ordering
        self.query = filterset.query
        self.as_listing = False

    def listing(self) -> "SearchResults":
        """Give the page's listing dicts (url, title, summary, type, levels, minutes, year…)."""
        self.as_listing = True
        return self

    def __len__(self) -> int:
        return self.selection.count

    @property
    def count(self) -> int:
        return self.selection.count

    def __getitem__(self, item):
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
        found = search.snippets(self.query, [row["id"] for row in rows]) if self.query else {}
        for row in rows:
            row["snippet"] = found.get(row["id"])
        return rows

    def facet_groups(self) -> list[facets.FacetGroup]:
        return facets.facet_groups(self.selection, self.filterset.terms)
