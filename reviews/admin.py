"""Admin for the workflow. The protected state is read-only; transitions run through services."""

from django.contrib import admin

from .models import (
    Decision,
    Review,
    ReviewAssignment,
    ReviewRound,
    SentReminder,
    Submission,
    SubmissionAuthor,
    SubmissionFile,
    SubmissionVersion,
    TransitionLog,
)


class AuthorInline(admin.TabularInline):
    model = SubmissionAuthor
    extra = 0
    raw_id_fields = ("user",)


class VersionInline(admin.TabularInline):
    model = SubmissionVersion
    fields = ("number", "created_at", "frozen_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


class LogInline(admin.TabularInline):
    model = TransitionLog
    fields = ("created_at", "transition", "from_state", "to_state", "actor", "reason")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "owner", "state", "resource_type", "state_changed_at", "updated_at")
    list_filter = ("state", "resource_type", "learner_levels", "topics")
    search_fields = ("title", "uuid", "owner__username", "owner__display_name", "authors__name")
    raw_id_fields = ("owner", "resource")
    readonly_fields = ("uuid", "state", "state_changed_at", "submitted_at", "created_at")
    filter_horizontal = ("learner_levels", "topics", "methods")
    inlines = [AuthorInline, VersionInline, LogInline]


class FileInline(admin.TabularInline):
    model = SubmissionFile
    fields = ("position", "kind", "label", "original_name", "content_type", "size", "url")
    readonly_fields = ("original_name", "content_type", "size")
    extra = 0


@admin.register(SubmissionVersion)
class SubmissionVersionAdmin(admin.ModelAdmin):
    list_display = ("submission", "number", "created_at", "frozen_at")
    search_fields = ("submission__title", "submission__uuid")
    readonly_fields = ("submission", "number", "created_at", "frozen_at", "metadata")
    inlines = [FileInline]


@admin.register(SubmissionFile)
class SubmissionFileAdmin(admin.ModelAdmin):
    list_display = ("__str__", "version", "kind", "content_type", "size", "created_at")
    list_filter = ("kind", "content_type")
    search_fields = ("label", "original_name", "url", "version__submission__title")
    readonly_fields = (
        "uuid",
        "version",
        "file",
        "sanitized",
        "content_type",
        "extension",
        "size",
        "sha256",
        "identity_flags",
        "extracted_text",
    )


class AssignmentInline(admin.TabularInline):
    model = ReviewAssignment
    fields = ("reviewer_number", "reviewer", "state", "response_due", "review_due")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(ReviewRound)
class ReviewRoundAdmin(admin.ModelAdmin):
    list_display = ("submission", "number", "opened_at", "closed_at")
    search_fields = ("submission__title", "submission__uuid")
    readonly_fields = ("submission", "number", "version", "opened_at", "closed_at")
    inlines = [AssignmentInline]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "reviewer", "state", "response_due", "review_due", "invited_at")
    list_filter = ("state", "decline_reason")
    search_fields = ("reviewer__username", "reviewer__display_name", "round__submission__title")
    raw_id_fields = ("round", "reviewer", "invited_by")
    readonly_fields = ("uuid", "state", "responded_at", "completed_at")


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ("assignment", "recommendation", "submitted_at", "updated_at")
    list_filter = ("recommendation",)
    search_fields = ("assignment__reviewer__username", "assignment__round__submission__title")
    raw_id_fields = ("assignment",)


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ("submission", "kind", "editor", "created_at")
    list_filter = ("kind",)
    search_fields = ("submission__title", "letter")
    raw_id_fields = ("submission", "round", "editor")


@admin.register(TransitionLog)
class TransitionLogAdmin(admin.ModelAdmin):
    list_display = ("created_at", "submission", "transition", "from_state", "to_state", "actor")
    list_filter = ("transition", "to_state")
    search_fields = ("submission__title", "reason", "actor__username")
    date_hierarchy = "created_at"

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ("assignment", "kind", "sent_at")
    list_filter = ("kind",)
    search_fields = ("assignment__reviewer__username",)


@admin.register(SubmissionAuthor)
class SubmissionAuthorAdmin(admin.ModelAdmin):
    list_display = ("name", "affiliation", "email", "submission", "position")
    search_fields = ("name", "email", "affiliation", "orcid", "submission__title")
    raw_id_fields = ("submission", "user")
