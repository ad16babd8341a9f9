"""/api/v1/collections/: published collections, read-only (list and detail by slug)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny

from toolkit.text import render_markdown

from ..serializers import absolute
from .models import Collection, CollectionItem


class CollectionItemSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    slug = serializers.CharField(source="resource.slug")
    title = serializers.CharField(source="resource.title")
    note = serializers.CharField(help_text="The editor's note (plain text).")
    html_url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    def get_html_url(self, obj: CollectionItem) -> str:
        return absolute(self, obj.resource.get_absolute_url())

    def get_api_url(self, obj: CollectionItem) -> str:
        return absolute(self, reverse("api:resource-detail", args=[obj.resource.slug]))


class CollectionSerializer(serializers.ModelSerializer):
    curators = serializers.ListField(child=serializers.CharField(), source="curator_names")
    levels = serializers.SerializerMethodField()
    resource_count = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()
    catalog_url = serializers.SerializerMethodField()

    class Meta:
        model = Collection
        fields: tuple[str, ...] = (
            "slug",
            "title",
            "introduction",
            "curators",
            "levels",
            "resource_count",
            "published_at",
            "html_url",
            "catalog_url",
        )

    def get_levels(self, obj: Collection) -> list[str]:
        return [level.slug for level in obj.levels.all()]  # prefetched

    def get_resource_count(self, obj: Collection) -> int:
        return len(obj.public)  # type: ignore[attr-defined]  # prefetched (see the viewset)

    def get_html_url(self, obj: Collection) -> str:
        return absolute(self, obj.get_absolute_url())

    def get_catalog_url(self, obj: Collection) -> str:
        return absolute(self, f"{reverse('catalog:resource-list')}?collection={obj.slug}")


class CollectionDetailSerializer(CollectionSerializer):
    introduction_html = serializers.SerializerMethodField()
    resources = serializers.SerializerMethodField()

    class Meta(CollectionSerializer.Meta):
        fields = (*CollectionSerializer.Meta.fields, "introduction_html", "resources")

    def get_introduction_html(self, obj: Collection) -> str:
        return render_markdown(obj.introduction)

    @extend_schema_field(CollectionItemSerializer(many=True))
    def get_resources(self, obj: Collection) -> list[dict[str, Any]]:
        data = CollectionItemSerializer(obj.public, many=True, context=self.context).data  # type: ignore[attr-defined]
        return list(data)


class CollectionViewSet(viewsets.ReadOnlyModelViewSet):
    """Published curated collections, with their resources in order (retired ones left out)."""

    permission_classes = [AllowAny]
    pagination_class = None
    filter_backends = []
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Collection]:
        members = (
            CollectionItem.objects.filter(resource__retired_at__isnull=True)
            .select_related("resource")
            .only("position", "note", "collection_id", "resource__slug", "resource__title")
            .order_by("position", "pk")
        )
        return (
            Collection.objects.published()
            .prefetch_related("levels", Prefetch("items", queryset=members, to_attr="public"))
            .order_by("-published_at", "title")
        )

    def get_serializer_class(self) -> type[CollectionSerializer]:
        return CollectionDetailSerializer if self.action == "retrieve" else CollectionSerializer
