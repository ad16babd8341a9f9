"""Public catalog API: vocabularies and published resources (DESIGN §10)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import Model
from django.shortcuts import get_object_or_404
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import BaseRouter

from . import facets, serializers
from .curation.api import CollectionViewSet
from .filters import (
    EXACT,
    PAGE_SIZE,
    TRUE_VALUES,
    FacetFilter,
    MinutesFilter,
    ResourceFilter,
    YearFilter,
    facet_groups,
    parameter_filters,
)
from .models import (
    Competency,
    InstructionalMethod,
    Language,
    LearnerLevel,
    License,
    Resource,
    ResourceType,
    Topic,
)


class VocabularyViewSet(viewsets.ReadOnlyModelViewSet):
    """A controlled vocabulary, readable without signing in."""

    permission_classes = [AllowAny]
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"  # licence slugs are SPDX identifiers, with dots: CC-BY-4.0
    pagination_class = None
    filter_backends = []


def vocabulary_viewset(
    model: type[Model], serializer_class: type[serializers.serializers.ModelSerializer[Any]]
) -> type[VocabularyViewSet]:
    return type(
        f"{model.__name__}ViewSet",
        (VocabularyViewSet,),
        {"queryset": model._default_manager.all(), "serializer_class": serializer_class},
    )


VOCABULARY_ROUTES = [
    ("learner-levels", LearnerLevel, serializers.LearnerLevelSerializer),
    ("resource-types", ResourceType, serializers.ResourceTypeSerializer),
    ("instructional-methods", InstructionalMethod, serializers.InstructionalMethodSerializer),
    ("topics", Topic, serializers.TopicSerializer),
    ("licenses", License, serializers.LicenseSerializer),
    ("languages", Language, serializers.LanguageSerializer),
    ("competencies", Competency, serializers.CompetencySerializer),
]


# --- resources --------------------------------------------------------------------


class ResourcePagination(PageNumberPagination):
    """20 per page; `page_size` up to 100; `?facets=1` adds the facet counts."""

    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["suggestion"] = {
            "type": "string",
            "nullable": True,
            "description": "A correction of misspelt words that finds more (“implicit bias” "
            "for “implict bais”), or null.",
        }
        schema["properties"]["corrected"] = {
            "type": "boolean",
            "description": "true: the words found nothing, so the results are the "
            "suggestion's. Send exact=1 to search the words as typed.",
        }
        schema["properties"]["facets"] = {
            "type": "object",
            "description": f"With ?facets=1: per facet ({', '.join(facets.facet_names())}), "
            "its values with disjunctive counts.",
            "additionalProperties": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "value": {"type": "string"},
                        "label": {"type": "string"},
                        "count": {"type": "integer"},
                        "selected": {"type": "boolean"},
                    },
                },
            },
        }
        return schema


def filter_parameters() -> list[OpenApiParameter]:
    """The ResourceFilter parameters, documented from the FilterSet's filters themselves."""
    parameters = []
    for name, flt in parameter_filters().items():
        many = isinstance(flt, FacetFilter | YearFilter)
        kind: OpenApiTypes | dict[str, Any] = (
            OpenApiTypes.INT if isinstance(flt, YearFilter) else OpenApiTypes.STR
        )
        if isinstance(flt, MinutesFilter):  # the bounds its form field enforces
            field = flt.field_class()
            kind = {"type": "integer", "minimum": field.min_value, "maximum": field.max_value}
        facet = getattr(flt, "facet", None)
        choices = facet.choices if facet is not None else flt.extra.get("choices")
        parameters.append(
            OpenApiParameter(
                name,
                kind,
                OpenApiParameter.QUERY,
                description=f"{flt.label}. {flt.extra.get('help_text', '')}".strip(),
                many=many,
                explode=True if many else None,
                enum=[value for value, _ in choices] if choices else None,
            )
        )
    return parameters


class ResourceSchema(AutoSchema):
    """The list's parameters come from the FilterSet when the schema is made (so from the
    facets declared then)."""

    def get_override_parameters(self) -> list:
        parameters = super().get_override_parameters()
        if getattr(self.view, "action", None) == "list":
            return [*filter_parameters(), *parameters]
        return parameters


class ResourceViewSet(viewsets.ReadOnlyModelViewSet):
    """Published resources, readable without signing in (throttled per client or user)."""

    permission_classes = [AllowAny]
    pagination_class = ResourcePagination
    filter_backends = []
    lookup_field = "slug"
    schema = ResourceSchema()
    serializer_class = serializers.ResourceSerializer
    queryset = Resource.objects.select_related("resource_type", "language", "license")

    def get_serializer_class(self) -> type[serializers.ResourceSerializer]:
        if self.action == "retrieve":
            return serializers.ResourceDetailSerializer
        return serializers.ResourceSerializer

    @extend_schema(
        summary="Search and filter published resources",
        parameters=[
            OpenApiParameter(
                "facets",
                OpenApiTypes.BOOL,
                OpenApiParameter.QUERY,
                description="1 to add `facets`: the disjunctive counts of every facet.",
            ),
            OpenApiParameter(
                EXACT,
                OpenApiTypes.BOOL,
                OpenApiParameter.QUERY,
                description="1 to search the words as typed: a search that finds nothing "
                "is not replaced by its `suggestion`.",
            ),
        ],
        responses={200: serializers.ResourceSerializer(many=True), 400: OpenApiTypes.OBJECT},
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        filterset = ResourceFilter(request.query_params)
        if not filterset.is_valid():
            errors = filterset.form.errors.get_json_data()
            raise ValidationError(
                {
                    ("non_field_errors" if k == NON_FIELD_ERRORS else k): [e["message"] for e in v]
                    for k, v in errors.items()
                }
            )
        results = filterset.results()
        # SearchResults pages like a sequence of resources.
        page = self.paginate_queryset(cast(Sequence[Resource], results))
        response = self.get_paginated_response(self.get_serializer(page, many=True).data)
        correction = results.correction
        response.data["suggestion"] = correction.text if correction else None
        response.data["corrected"] = bool(correction and correction.applied)
        if request.query_params.get("facets", "").lower() in TRUE_VALUES:
            response.data["facets"] = {
                group.name: serializers.FacetValueSerializer(group.options, many=True).data
                for group in facet_groups(results.selection)
            }
        return response

    @extend_schema(
        summary="One published resource",
        responses={
            200: serializers.ResourceDetailSerializer,
            404: OpenApiResponse(description="No such resource."),
            410: OpenApiResponse(serializers.RetiredSerializer, description="Retired."),
        },
    )
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        resource = get_object_or_404(
            self.get_queryset().prefetch_related(
                "levels", "topics", "methods", "competencies__framework"
            ),
            slug=kwargs[self.lookup_field],
        )
        if resource.is_retired:
            return Response(
                {"detail": "This resource was retired.", "reason": resource.retired_reason},
                status=status.HTTP_410_GONE,
            )
        return Response(self.get_serializer(resource).data)


def register(router: BaseRouter) -> None:
    for prefix, model, serializer_class in VOCABULARY_ROUTES:
        router.register(prefix, vocabulary_viewset(model, serializer_class), basename=prefix)
    router.register("resources", ResourceViewSet, basename="resource")
    router.register("collections", CollectionViewSet, basename="collection")
