from __future__ import annotations

from typing import ClassVar

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from toolkit.admin import ModelAdmin

from .curation import admin as collections_admin  # noqa: F401  registers CollectionAdmin
from .currency import admin as currency_admin  # noqa: F401  registers OutdatedTermAdmin
from .models import (
    InstructionalMethod,
    Language,
    LearnerLevel,
    License,
    Resource,
    ResourceFile,
    ResourceType,
    ResourceVersion,
    SearchLog,
    Synonym,
    Topic,
    UsageCount,
)


class VocabularyAdmin(ModelAdmin):
    list_display: tuple[str, ...] = ("name", "slug", "position", "is_active")
    list_editable = ("position", "is_active")
    list_filter: ClassVar[tuple[str, ...]] = ("is_active",)
    search_fields: ClassVar[tuple[str, ...]] = ("name", "slug", "description")

    def get_readonly_fields(
        self, request: HttpRequest, obj: Model | None = None
    ) -> tuple[str, ...]:
        # Slugs are part of the public contract (URLs, OAI-PMH sets): fixed once created.
        return ("slug",) if obj else ()


@admin.register(LearnerLevel)
class LearnerLevelAdmin(VocabularyAdmin):
    list_display = ("name", "stage", "slug", "position", "is_active")
    list_filter = ("stage", "is_active")


@admin.register(ResourceType)
class ResourceTypeAdmin(VocabularyAdmin):
    list_display = ("name", "slug", "lrmi_type", "position", "is_active")


@admin.register(InstructionalMethod)
class InstructionalMethodAdmin(VocabularyAdmin):
    list_display = ("code", "name", "slug", "position", "is_active")
    search_fields = ("code", "name")


@admin.register(Topic)
class TopicAdmin(VocabularyAdmin):
    pass


@admin.register(License)
class LicenseAdmin(VocabularyAdmin):
    list_display = ("name", "slug", "url", "position", "is_active")


@admin.register(Language)
class LanguageAdmin(VocabularyAdmin):
    list_display = ("name", "english_name", "slug", "position", "is_active")


class ResourceVersionInline(admin.TabularInline):
    model = ResourceVersion
    fields = ("number", "published_at", "reviewed_at", "change_note", "doi", "doi_status")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Resource)
class ResourceAdmin(ModelAdmin):
    """Published content changes only through publish and retire in the workflow."""

    list_display = ("title", "slug", "resource_type", "version", "published_at", "retired_at")
    list_filter = ("resource_type", "levels", "topics", "language", "license", "interprofessional")
    search_fields = ("title", "slug", "summary", "keywords")
    date_hierarchy = "published_at"
    inlines = [ResourceVersionInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        return [f.name for f in Resource._meta.fields] + ["levels", "topics", "methods"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        """Published resources are retired, never deleted: OAI-PMH promises harvesters
        persistent deletions (a retired resource stays a deleted record), and the 410 page
        keeps its citation."""
        return False


class ResourceFileInline(admin.TabularInline):
    model = ResourceFile
    fields = ("position", "label", "download_name", "content_type", "size", "url")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(ResourceVersion)
class ResourceVersionAdmin(ModelAdmin):
    list_display = ("resource", "number", "published_at", "reviewed_at", "doi", "doi_status")
    list_filter = ("doi_status",)  # DOI deposits: manage.py deposit_dois sends them
    search_fields = ("resource__title", "resource__slug", "doi")
    readonly_fields = (
        "resource",
        "number",
        "published_at",
        "reviewed_at",
        "data",
        "change_note",
        "doi",
        "doi_status",
        "doi_attempts",
        "doi_last_error",
        "doi_deposited_at",
    )
    inlines = [ResourceFileInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(ResourceFile)
class ResourceFileAdmin(ModelAdmin):
    list_display = ("__str__", "version", "content_type", "size")
    search_fields = ("download_name", "label", "version__resource__title")

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        return [f.name for f in ResourceFile._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(SearchLog)
class SearchLogAdmin(ModelAdmin):
    list_display = ("query", "day", "count", "last_seen", "params")
    search_fields = ("query",)
    date_hierarchy = "day"
    readonly_fields = ("query", "day", "count", "last_seen", "params")


@admin.register(UsageCount)
class UsageCountAdmin(ModelAdmin):
    """Monthly page views and downloads (catalog.usage writes them; nothing personal)."""

    list_display = ("resource", "month", "kind", "target", "count")
    list_filter = ("kind",)
    search_fields = ("resource__title", "resource__slug")
    date_hierarchy = "month"
    readonly_fields = ("resource", "target", "month", "kind", "count")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Synonym)
class SynonymAdmin(ModelAdmin):
    """Search synonyms: used by the next search after saving, no re-index needed."""

    list_display = ("terms", "kind", "expansions", "source", "is_active", "updated_at")
    list_filter: ClassVar[tuple[str, ...]] = ("kind", "is_active")
    search_fields: ClassVar[tuple[str, ...]] = ("terms", "expansions", "source")
    fieldsets = (
        (
            None,
            {
                "fields": ("kind", "terms", "expansions", "source", "is_active"),
                "description": (
                    "Searches are expanded as they are typed: a search for one term also "
                    "finds resources using its equivalents (equivalent) or its expansions "
                    "(one-way: use it for abbreviations, whose long form should not find "
                    "every other meaning of the letters). Accents and case do not matter. "
                    "A change applies to the next search; nothing is re-indexed."
                ),
            },
        ),
    )


from .competencies import admin as competencies_admin  # noqa: E402, F401  registers them
