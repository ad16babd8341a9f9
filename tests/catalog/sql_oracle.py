"""The catalog's filters in SQL: a test oracle for the facet index and the text search.

Product code selects with the in-memory facet index (catalog.facets); this is the
same meaning written the plain way, with django querysets and the search backends'
SQL, so that tests can check that both agree.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.contrib.postgres.search import SearchQuery
from django.db.models import F, FloatField, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower

from catalog import facets, search
from catalog.filters import ResourceFilter
from catalog.models import Resource
from catalog.search import sqlite, synonyms
from catalog.search.postgres import TS_CONFIG

FTS_IDS_SQL = "SELECT rowid FROM catalog_resource_fts WHERE catalog_resource_fts MATCH %s"
FTS_ALL_IDS_SQL = "SELECT rowid FROM catalog_resource_fts"
PG_RANK_SQL = f"ts_rank(catalog_resource.search_vector, websearch_to_tsquery('{TS_CONFIG}', %s))"
FTS_RANK_SQL = """
-(SELECT bm25(catalog_resource_fts, 10.0, 4.0, 2.0, 1.0) FROM catalog_resource_fts
  WHERE catalog_resource_fts MATCH %s AND rowid = catalog_resource.id)
"""


def filter_text(queryset: QuerySet, text: str) -> QuerySet:
    """`queryset` restricted in SQL to the resources matching `text`."""
    parsed = synonyms.expand(search.parse_query(text))  # synonyms apply at query time
    if not parsed:
        return queryset
    if search.vendor(queryset.db) == "postgresql":
        return queryset.filter(
            search_vector=SearchQuery(parsed.text, search_type="websearch", config=TS_CONFIG)
        )

    def matching(expression: str) -> Q:
        return Q(pk__in=RawSQL(FTS_IDS_SQL, [expression]))  # noqa: S611 - constant SQL

    condition = Q(pk__in=[])
    for group in parsed.groups:
        positive = [t for t in group if not t.negated]
        negative = [t for t in group if t.negated]
        if positive:
            clause = matching(" AND ".join(map(sqlite.fts_string, positive)))
        else:
            clause = Q(pk__in=RawSQL(FTS_ALL_IDS_SQL, []))  # noqa: S611 - constant SQL
        if negative:
            clause &= ~matching(sqlite.fts_any(negative))
        condition |= clause
    return queryset.filter(condition)


def rank_text(queryset: QuerySet, text: str) -> QuerySet:
    """`queryset` annotated with `search_rank` (higher is better; NULL when unranked)."""
    parsed = synonyms.expand(search.parse_query(text))
    if search.vendor(queryset.db) == "postgresql":
        rank = RawSQL(PG_RANK_SQL, [parsed.text])  # noqa: S611 - constant SQL
    elif parsed and (expression := sqlite.fts_query(parsed)):
        rank = RawSQL(FTS_RANK_SQL, [expression])  # noqa: S611 - constant SQL
    else:
        rank = Value(None, output_field=FloatField())
    return queryset.annotate(search_rank=rank)


def _facet_condition(facet: facets.Facet, value: object) -> Q | None:
    if not value:
        return None
    if facet.kind == "boolean":
        return Q(**{facet.path: value == "true"})
    if facet.kind == "years":
        condition = Q()
        for year in value:  # type: ignore[attr-defined]
            condition |= Q(
                **{
                    f"{facet.path}__gte": datetime(year, 1, 1, tzinfo=UTC),
                    f"{facet.path}__lt": datetime(year + 1, 1, 1, tzinfo=UTC),
                }
            )
        return condition
    # Any of the values; one subquery: no join duplicates, no DISTINCT.
    return Q(pk__in=Resource.objects.filter(**{f"{facet.path}__in": value}).values("pk"))


def queryset(filterset: ResourceFilter) -> QuerySet:
    """The published resources a valid filterset selects, in its order, in SQL."""
    data = filterset.form.cleaned_data
    qs = Resource.objects.published()
    for facet in facets.facets():
        condition = _facet_condition(facet, data.get(facet.name))
        if condition is not None:
            qs = qs.filter(condition)
    if data.get("max_minutes") is not None:
        qs = qs.filter(time_required_minutes__lte=data["max_minutes"])
    if filterset.query:
        qs = filter_text(qs, filterset.query)
    if filterset.ordering == "title":
        return qs.order_by(Lower("title"), "id")
    if filterset.ordering == "relevance":
        return rank_text(qs, filterset.query).order_by(
            F("search_rank").desc(nulls_last=True), "-published_at", "id"
        )
    return qs.order_by("-published_at", "id")


def titles(filterset: ResourceFilter) -> list[str]:
    return list(queryset(filterset).values_list("title", flat=True))
