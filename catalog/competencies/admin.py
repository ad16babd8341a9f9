"""Editors keep the competency frameworks in the admin, like every vocabulary."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from ..admin import VocabularyAdmin
from .models import Competency, Framework


@admin.register(Framework)
class FrameworkAdmin(VocabularyAdmin):
    list_display = ("name", "short_name", "slug", "year", "position", "is_active")


@admin.register(Competency)
class CompetencyAdmin(VocabularyAdmin):
    list_display = ("code", "name", "framework", "level", "domain", "position", "is_active")
    list_filter = ("framework", "level", "domain", "is_active")
    search_fields = ("code", "name", "description", "level", "domain")
    list_select_related = ("framework",)

    def get_readonly_fields(
        self, request: HttpRequest, obj: Model | None = None
    ) -> tuple[str, ...]:
        # The code is in curriculum maps, JSON-LD and exports: fixed once created, like slugs.
        return ("slug", "code") if obj else ()
