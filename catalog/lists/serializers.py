"""API shapes of saved lists (/api/v1/lists/): the owner's view, notes included."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from catalog.models import resource_path
from toolkit.site import absolute

from .models import DESCRIPTION_MAX, NAME_MAX, NOTE_MAX, SavedItem, SavedList


class SavedItemSerializer(serializers.ModelSerializer[SavedItem]):
    resource = serializers.CharField(source="resource.slug", read_only=True)
    title = serializers.CharField(source="resource.title", read_only=True)
    url = serializers.SerializerMethodField(help_text="The resource's page.")
    current_version = serializers.IntegerField(source="resource.version", read_only=True)
    retired = serializers.SerializerMethodField(help_text="True once the resource is retired.")

    class Meta:
        model = SavedItem
        fields = [
            "resource",
            "title",
            "url",
            "position",
            "note",
            "saved_version",
            "current_version",
            "retired",
            "added_at",
        ]
        read_only_fields = fields

    def get_url(self, item: SavedItem) -> str:
        return absolute(resource_path(item.resource.slug))

    def get_retired(self, item: SavedItem) -> bool:
        return item.resource.is_retired


class SavedListSerializer(serializers.ModelSerializer[SavedList]):
    item_count = serializers.SerializerMethodField()
    share_url = serializers.SerializerMethodField(
        help_text="The read-only link while the list is shared, else null."
    )
    url = serializers.SerializerMethodField(help_text="The list's page.")

    class Meta:
        model = SavedList
        fields = [
            "uuid",
            "name",
            "description",
            "item_count",
            "share_url",
            "share_notes",
            "url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_item_count(self, saved_list: SavedList) -> int:
        count = getattr(saved_list, "count", None)
        return count if count is not None else saved_list.items.count()

    def get_share_url(self, saved_list: SavedList) -> str | None:
        return absolute(saved_list.share_path()) if saved_list.is_shared else None

    def get_url(self, saved_list: SavedList) -> str:
        return absolute(saved_list.get_absolute_url())


class SavedListDetailSerializer(SavedListSerializer):
    items = SavedItemSerializer(many=True, read_only=True, help_text="In the list's order.")

    class Meta(SavedListSerializer.Meta):
        fields = [*SavedListSerializer.Meta.fields, "items"]
        read_only_fields = fields


class ListWriteSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=NAME_MAX)
    description = serializers.CharField(
        max_length=DESCRIPTION_MAX, required=False, allow_blank=True
    )
    share_notes = serializers.BooleanField(
        required=False, help_text="Show the notes to whoever opens the share link."
    )


class ItemWriteSerializer(serializers.Serializer[Any]):
    resource = serializers.SlugField(max_length=120, help_text="The resource's slug.")
    note = serializers.CharField(max_length=NOTE_MAX, required=False, allow_blank=True)


class ItemUpdateSerializer(serializers.Serializer[Any]):
    note = serializers.CharField(max_length=NOTE_MAX, required=False, allow_blank=True)
    position = serializers.IntegerField(
        min_value=1, max_value=100_000, required=False, help_text="1 is the first place."
    )


class ShareRequestSerializer(serializers.Serializer[Any]):
    regenerate = serializers.BooleanField(
        required=False, default=False, help_text="A new link; the old one stops working."
    )


class ShareSerializer(serializers.Serializer[Any]):
    url = serializers.URLField(help_text="The read-only link to the list.")
