"""Saved lists in the admin: for support only (find a list, revoke a share link, delete it).
Read-only, and without the private notes, which only the owner reads."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from toolkit.admin import ModelAdmin

from .models import SavedItem, SavedList


class SavedItemInline(admin.TabularInline):
    model = SavedItem
    fields = ("position", "resource", "saved_version", "added_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(SavedList)
class SavedListAdmin(ModelAdmin):
    list_display = ("name", "owner", "is_shared", "updated_at")
    list_filter = (("share_token", admin.EmptyFieldListFilter),)
    search_fields = ("name", "owner__username", "owner__display_name")
    fields = ("name", "owner", "description", "share_notes", "created_at", "updated_at")
    readonly_fields = fields
    inlines = [SavedItemInline]
    actions = ["revoke_share_links"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(boolean=True, description="shared")
    def is_shared(self, saved_list: SavedList) -> bool:
        return saved_list.is_shared

    @admin.action(description="Revoke the share links of the selected lists")
    def revoke_share_links(self, request: HttpRequest, queryset: QuerySet[SavedList]) -> None:
        count = queryset.exclude(share_token=None).update(share_token=None)
        self.message_user(request, f"Revoked {count} share link(s).", messages.SUCCESS)


@admin.register(SavedItem)
class SavedItemAdmin(ModelAdmin):
    list_display = ("resource", "list", "position", "added_at")
    search_fields = ("resource__title", "list__name")
    fields = ("list", "resource", "position", "saved_version", "added_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
