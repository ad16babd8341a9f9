from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from toolkit.admin import ModelAdmin

from .models import Page


@admin.register(Page)
class PageAdmin(ModelAdmin):
    """Admins edit the title and text of each page; the set of pages is fixed by the URLs."""

    list_display = ("title", "slug", "updated")
    fields = ("slug", "title", "body_markdown", "updated")
    readonly_fields = ("slug", "updated")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Page | None = None) -> bool:
        return False
