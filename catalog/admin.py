from django.contrib import admin

from .models import InstructionalMethod, Language, LearnerLevel, License, ResourceType, Topic


class VocabularyAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position", "is_active")
    list_editable = ("position", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "slug", "description")

    def get_readonly_fields(self, request, obj=None):
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
