"""The editors' screens for collections: Django's admin, open to editors for this model only.

Create and edit a collection with its ordered members inline; publish and archive it with
the list's actions, which go through `catalog.services` (permission, lock, log). The page
shows the collection's log, where retired members are noted.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html_join

from toolkit.accounts.permissions import is_editor
from toolkit.admin import ModelAdmin
from toolkit.errors import Conflict

from .. import services
from .models import Collection, CollectionItem, CollectionLog, CollectionState


class EditorsOnly:
    """Editors (and superusers) may see and change these; nobody else."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_editor(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return is_editor(request.user)

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return is_editor(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return is_editor(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return is_editor(request.user)


class CollectionItemInline(EditorsOnly, admin.TabularInline):
    model = CollectionItem
    fields = ("position", "resource", "note")
    extra = 1
    ordering = ("position", "pk")


class CollectionLogInline(EditorsOnly, admin.TabularInline):
    model = CollectionLog
    fields = ("created_at", "event", "actor", "from_state", "to_state", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "Log (transitions, and members retired from the catalog)"

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


def _run(
    modeladmin: ModelAdmin, request: HttpRequest, queryset: QuerySet[Collection], name: str
) -> None:
    service = getattr(services, f"{name}_collection")
    for collection in queryset:
        try:
            service(collection, request.user)
        except (Conflict, PermissionDenied) as error:
            modeladmin.message_user(request, f"{collection}: {error}", messages.ERROR)
        else:
            modeladmin.message_user(request, f"{collection}: {name}ed.", messages.SUCCESS)


@admin.action(description="Publish the selected collections")
def publish(modeladmin: ModelAdmin, request: HttpRequest, queryset: QuerySet[Collection]) -> None:
    _run(modeladmin, request, queryset, "publish")


@admin.action(description="Archive the selected collections")
def archive(modeladmin: ModelAdmin, request: HttpRequest, queryset: QuerySet[Collection]) -> None:
    _run(modeladmin, request, queryset, "archive")


@admin.register(Collection)
class CollectionAdmin(EditorsOnly, ModelAdmin):
    list_display = ("title", "slug", "state", "published_at", "updated_at")
    list_filter = ("state",)
    search_fields = ("title", "slug", "curators")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("levels",)
    actions = [publish, archive]
    inlines = [CollectionItemInline, CollectionLogInline]

    def get_fields(self, request: HttpRequest, obj: Model | None = None) -> tuple[str, ...]:
        fields = ("title", "slug", "introduction", "curators", "levels")
        return (*fields, "state", "published_at", "retired_members") if obj else fields

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        readonly = ["state", "published_at", "retired_members"]
        # Once public, the slug is part of addresses and OAI-PMH set names: fixed.
        if obj is not None and getattr(obj, "state", None) != CollectionState.DRAFT:
            readonly.append("slug")
        return readonly

    def get_prepopulated_fields(
        self, request: HttpRequest, obj: Model | None = None
    ) -> dict[str, Any]:
        return {} if obj is not None else dict(self.prepopulated_fields)

    @admin.display(description="Retired members")
    def retired_members(self, obj: Collection) -> str:
        retired = list(obj.retired_items())
        if not retired:
            return "None: every member is in the catalog."
        return format_html_join(
            "",
            "<p>“{}” was retired and no longer shows on the public page. Replace or remove it.</p>",
            ((item.resource.title,) for item in retired),
        )


@admin.register(CollectionItem)
class CollectionItemAdmin(EditorsOnly, ModelAdmin):
    """Every membership, to find the collections a resource is in (edit them inline)."""

    list_display = ("collection", "position", "resource")
    list_filter = ("collection__state",)
    search_fields = ("collection__title", "resource__title", "note")
    list_select_related = ("collection", "resource")

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(CollectionLog)
class CollectionLogAdmin(EditorsOnly, ModelAdmin):
    """What happened to collections: read-only."""

    list_display = ("created_at", "collection", "event", "actor", "note")
    list_filter = ("event",)
    search_fields = ("collection__title", "note")
    readonly_fields = (
        "collection",
        "actor",
        "event",
        "from_state",
        "to_state",
        "note",
        "created_at",
    )

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
