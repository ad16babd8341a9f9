from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from toolkit.admin import SafeChoicesMixin

from .models import ApiToken, User


@admin.register(User)
class UserAdmin(SafeChoicesMixin, BaseUserAdmin):
    list_display = ("username", "display_name", "email", "affiliation", "roles", "is_active")
    list_filter = ("groups", "is_active", "is_staff", "expertise_levels")
    search_fields = ("username", "display_name", "email", "affiliation", "orcid")
    filter_horizontal = ("groups", "user_permissions", "expertise_levels", "expertise_topics")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Identity", {"fields": ("display_name", "email", "affiliation", "orcid")}),
        ("Reviewer expertise", {"fields": ("expertise_levels", "expertise_topics")}),
        ("Declared conflicts", {"fields": ("conflict_institutions", "conflict_people")}),
        ("Editorial board", {"fields": ("on_board", "board_title")}),
        ("Roles", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "email", "display_name", "password1", "password2"),
            },
        ),
    )

    @admin.display(description="roles")
    def roles(self, obj: User) -> str:
        return ", ".join(sorted(g.name for g in obj.groups.all()))

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        return super().get_queryset(request).prefetch_related("groups")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Who holds a token, since when; an admin may revoke one (delete), never see or make one."""

    list_display = ("user", "created")
    search_fields = ("user__username", "user__email", "user__display_name")
    readonly_fields = ("user", "created")
    fields = ("user", "created")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
