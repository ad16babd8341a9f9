"""Implementation reports in the admin: read-only (the editor desk moderates them through the
services, which log and tell the people concerned)."""

from django.contrib import admin

from .models import ImplementationReport, ReportLog


class ReportLogInline(admin.TabularInline):
    model = ReportLog
    extra = 0
    can_delete = False
    fields = ("created_at", "event", "from_state", "to_state", "actor", "note")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(ImplementationReport)
class ImplementationReportAdmin(admin.ModelAdmin):
    list_display = ("resource", "reporter", "state", "rating", "submitted_at", "published_at")
    list_filter = ("state",)
    search_fields = ("resource__title", "reporter__display_name", "outcome")
    inlines = [ReportLogInline]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
