"""The admin of the outdated-term list (editable) and of the link checks (read only)."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from toolkit.accounts.permissions import is_editor
from toolkit.admin import ModelAdmin

from .models import LinkCheck, OutdatedTerm, TermFlag


@admin.register(OutdatedTerm)
class OutdatedTermAdmin(ModelAdmin):
    list_display = ("term", "replacement", "source", "is_active")
    list_editable = ("is_active",)
    list_filter = ("is_active", "source")
    search_fields = ("term", "replacement", "note")

    # Editors keep the list (as they keep collections); staff with model permissions too.
    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_editor(request.user) or super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return is_editor(request.user) or super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_editor(request.user) or super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return is_editor(request.user) or super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return is_editor(request.user) or super().has_delete_permission(request, obj)


@admin.register(LinkCheck)
class LinkCheckAdmin(ModelAdmin):
    list_display = ("url", "resource", "status_code", "error", "consecutive_failures", "checked_at")
    list_filter = ("consecutive_failures",)
    search_fields = ("url", "resource__title")
    readonly_fields = (
        "resource",
        "url",
        "status_code",
        "error",
        "final_url",
        "checked_at",
        "consecutive_failures",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(TermFlag)
class TermFlagAdmin(ModelAdmin):
    """Computed by `manage.py flag_terms` (catalog.currency.services.flag_terms)."""

    list_display = ("term", "resource", "field", "found_at")
    list_filter = ("term",)
    search_fields = ("term__term", "resource__title", "excerpt")
    readonly_fields = ("resource", "term", "field", "excerpt", "found_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
