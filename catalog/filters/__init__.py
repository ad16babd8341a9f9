"""The catalog's one FilterSet (`filterset`), its fields and bounds, its results and the
presenter of a search page."""

from .bounds import MAX_PARAMETER_VALUES, MAX_VALUES_PER_PARAMETER, bounded_parameters
from .filterset import (
    EXACT,
    SORTS,
    TRUE_VALUES,
    BooleanFilter,
    FacetFilter,
    MinutesFilter,
    ResourceFilter,
    YearFilter,
    parameter_filters,
)
from .presenter import Chip, FacetGroup, FacetOption, SearchPresenter, facet_groups
from .results import LONG_FIELDS, SearchResults

PAGE_SIZE = 20

__all__ = [
    "EXACT",
    "LONG_FIELDS",
    "MAX_PARAMETER_VALUES",
    "MAX_VALUES_PER_PARAMETER",
    "PAGE_SIZE",
    "SORTS",
    "TRUE_VALUES",
    "BooleanFilter",
    "Chip",
    "FacetFilter",
    "FacetGroup",
    "FacetOption",
    "MinutesFilter",
    "ResourceFilter",
    "SearchPresenter",
    "SearchResults",
    "YearFilter",
    "bounded_parameters",
    "facet_groups",
    "parameter_filters",
]
