"""The catalog's filters the plain way: a test oracle for the facet index and the text search.

Product code selects with the in-memory facet index (catalog.facets) and the search engine
(catalog.search.engine, tantivy); this is the same meaning written the plain way, with django
querysets for the facets and a word-by-word reading of each resource's search document in
Python for the words, so that tests can check that both agree. Relevance order is the
engine's score (ties newest first): the oracle checks which resources match, not BM25.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.functions import Lower

from catalog import facets, search
from catalog.filters import ResourceFilter
from catalog.models import Resource
from catalog.search import engine, synonyms
from catalog.search.query import ParsedQuery, Term

_analyzer = engine.analyzer()


def _tokens(text: str) -> list[str]:
    return _analyzer.analyze(text) if text else []


def _fields(resource: Resource) -> list[list[str]]:
    """The analysed words of each part of the resource's search document."""
    return [_tokens(text) for text in search.document(resource).values()]


def _has(fields: list[list[str]], term: Term) -> bool:
    """Whether a part of the document holds the term's words, in order and next to each other."""
    words = [t for w in term.words for t in _tokens(w)]
    if not words:
        return False
    n = len(words)
    return any(tokens[i : i + n] == words for tokens in fields for i in range(len(tokens) - n + 1))


def _matches(fields: list[list[str]], query: ParsedQuery) -> bool:
    """An OR of groups; a group: all its positive terms and none of its negated ones."""
    for group in query.groups:
        positive = [t for t in group if not t.negated]
        negative = [t for t in group if t.negated]
        if all(_has(fields, t) for t in positive) and not any(_has(fields, t) for t in negative):
            return True
    return False


def matching_ids(queryset: QuerySet, text: str) -> set[int]:
    """Ids of the published resources of `queryset` whose search document matches `text`."""
    parsed = synonyms.expand(search.parse_query(text))  # synonyms apply at query time
    resources = Resource.objects.published().filter(pk__in=queryset.values("pk"))
    return {r.pk for r in resources.prefetch_related("topics") if _matches(_fields(r), parsed)}


def filter_text(queryset: QuerySet, text: str) -> QuerySet:
    """`queryset` restricted to the resources matching `text`."""
    if not search.parse_query(text):
        return queryset
    return queryset.filter(pk__in=matching_ids(queryset, text))


def rank_text(queryset: QuerySet, text: str) -> QuerySet:
    """`queryset` annotated with `search_rank`: the engine's score (NULL when unranked)."""
    found = search.find(synonyms.expand(search.parse_query(text)))
    scores = dict((pk, score) for score, pk in found.best(found.count)) if found else {}
    rank = Case(
        *(When(pk=pk, then=Value(score)) for pk, score in scores.items()),
        default=Value(None),
        output_field=FloatField(),
    )
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
