"""Admin for the workflow. The protected state is read-only; transitions run through services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse

from toolkit.admin import ModelAdmin
from toolkit.errors import Conflict

from . import services
from .models import (
    Appeal,
    CurrencyReview,
    Decision,
    ExtensionRequest,
    HelpfulnessRating,
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
    readonly_fields = ("user",)  # the account with the author's e-mail (reviews.authorship)


class VersionInline(admin.TabularInline):
    """Versions are made by the services only: shown, never added here."""

    model = SubmissionVersion
    fields = ("number", "created_at", "frozen_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class LogInline(admin.TabularInline):
    model = TransitionLog
    fields = ("created_at", "transition", "from_state", "to_state", "actor", "reason")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


AdminAction = Callable[[Any, HttpRequest, QuerySet[Any]], TemplateResponse | None]


def transition_action(actions: dict[str, Any], name: str) -> AdminAction:
    """An admin action that runs one named transition through the services, asking for text."""
    action = actions[name]

    def run(
        modeladmin: admin.ModelAdmin[Any], request: HttpRequest, queryset: QuerySet[Any]
    ) -> TemplateResponse | None:
        if action.fields and "apply" not in request.POST:
            form_class = type(
                "TransitionForm",
                (forms.Form,),
                {
                    field: forms.CharField(widget=forms.Textarea, required=False)
                    for field in action.fields
                },
            )
            return TemplateResponse(
                request,
                "admin/reviews/transition_form.html",
                {
                    **modeladmin.admin_site.each_context(request),
                    "title": f"{name.replace('_', ' ').capitalize()}: {queryset.count()} selected",
                    "form": form_class(),
                    "queryset": queryset,
                    "action": request.POST["action"],
                    "opts": modeladmin.model._meta,
                },
            )
        done = 0
        for obj in queryset:
            try:
                services.run_action(actions, name, obj, request.user, request.POST)
                done += 1
            except (Conflict, PermissionDenied, ValidationError, Http404) as error:
                text = getattr(error, "detail", None) or "; ".join(
                    getattr(error, "messages", [str(error) or "Not found."])
                )
                modeladmin.message_user(request, f"{obj}: {text}", messages.ERROR)
        if done:
            modeladmin.message_user(request, f"{name.replace('_', ' ')}: {done} done.")
        return None

    run.__name__ = f"transition_{name}"
    return admin.action(description=f"Transition: {name.replace('_', ' ')}")(run)


@admin.register(Submission)
class SubmissionAdmin(ModelAdmin):
    list_display = ("__str__", "owner", "state", "resource_type", "state_changed_at", "updated_at")
    list_filter = ("state", "resource_type", "learner_levels", "topics")
    search_fields = ("title", "uuid", "owner__username", "owner__display_name", "authors__name")
    raw_id_fields = ("owner", "resource")
    readonly_fields = ("uuid", "state", "state_changed_at", "submitted_at", "created_at")
    filter_horizontal = ("learner_levels", "topics", "methods")
    inlines = [AuthorInline, VersionInline, LogInline]
    actions = [
        transition_action(services.SUBMISSION_ACTIONS, n) for n in services.SUBMISSION_ACTIONS
    ]


class FileInline(admin.TabularInline):
    model = SubmissionFile
    fields = ("position", "kind", "label", "original_name", "content_type", "size", "url")
    readonly_fields = ("original_name", "content_type", "size")
    extra = 0


@admin.register(SubmissionVersion)
class SubmissionVersionAdmin(ModelAdmin):
    list_display = ("submission", "number", "created_at", "frozen_at")
    search_fields = ("submission__title", "submission__uuid")
    readonly_fields = ("submission", "number", "created_at", "frozen_at", "metadata")
    inlines = [FileInline]


@admin.register(SubmissionFile)
class SubmissionFileAdmin(ModelAdmin):
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
class ReviewRoundAdmin(ModelAdmin):
    list_display = ("submission", "number", "opened_at", "closed_at")
    search_fields = ("submission__title", "submission__uuid")
    readonly_fields = ("submission", "number", "version", "opened_at", "closed_at")
    inlines = [AssignmentInline]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(ModelAdmin):
    list_display = ("__str__", "reviewer", "state", "response_due", "review_due", "invited_at")
    list_filter = ("state", "decline_reason")
    search_fields = ("reviewer__username", "reviewer__display_name", "round__submission__title")
    raw_id_fields = ("round", "reviewer", "invited_by")
    # The number is given when the reviewer accepts (services.accept_invitation), never typed.
    readonly_fields = ("uuid", "state", "reviewer_number", "responded_at", "completed_at")
    actions = [
        transition_action(services.ASSIGNMENT_ACTIONS, n) for n in services.ASSIGNMENT_ACTIONS
    ]


@admin.register(ExtensionRequest)
class ExtensionRequestAdmin(ModelAdmin):
    """Read-only: asked on the review page, answered on the editor's submission page."""

    list_display = ("assignment", "state", "due_before", "requested_due", "requested_at")
    list_filter = ("state",)
    search_fields = ("assignment__reviewer__username", "assignment__round__submission__title")
    raw_id_fields = ("assignment", "answered_by")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Review)
class ReviewAdmin(ModelAdmin):
    """Read-only: a review is the reviewer's own words, written through the rubric pages."""

    list_display = ("assignment", "recommendation", "submitted_at", "updated_at")
    list_filter = ("recommendation",)
    search_fields = ("assignment__reviewer__username", "assignment__round__submission__title")
    raw_id_fields = ("assignment",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Decision)
class DecisionAdmin(ModelAdmin):
    list_display = ("submission", "kind", "editor", "created_at")
    list_filter = ("kind",)
    search_fields = ("submission__title", "letter")
    raw_id_fields = ("submission", "round", "editor")


@admin.register(Appeal)
class AppealAdmin(ModelAdmin):
    """Appeals are filed and answered through the workflow (reviews.services.appeals)."""

    list_display = ("submission", "outcome", "filed_at", "handled_by", "decided_at")
    list_filter = ("outcome",)
    search_fields = ("submission__title", "reasons", "letter")
    raw_id_fields = ("submission", "decision", "filed_by", "handled_by")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(CurrencyReview)
class CurrencyReviewAdmin(ModelAdmin):
    """Currency reviews run through the workflow (reviews.services.currency)."""

    list_display = ("resource", "state", "reviewer", "opened_at", "decided_at")
    list_filter = ("state",)
    search_fields = ("resource__title", "comments", "decision_note")
    raw_id_fields = (
        "resource",
        "submission",
        "opened_by",
        "reviewer",
        "decided_by",
        "update_submission",
    )


@admin.register(HelpfulnessRating)
class HelpfulnessRatingAdmin(ModelAdmin):
    """Editors rate reviews on the submission page (reviews.services.recognition)."""

    list_display = ("review", "score", "rated_by", "rated_at")
    list_filter = ("score",)
    search_fields = ("review__assignment__round__submission__title", "rated_by__username")
    raw_id_fields = ("review", "rated_by")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(TransitionLog)
class TransitionLogAdmin(ModelAdmin):
    list_display = ("created_at", "submission", "transition", "from_state", "to_state", "actor")
    list_filter = ("transition", "to_state")
    search_fields = ("submission__title", "reason", "actor__username")
    date_hierarchy = "created_at"

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(SentReminder)
class SentReminderAdmin(ModelAdmin):
    list_display = ("assignment", "kind", "sent_at")
    list_filter = ("kind",)
    search_fields = ("assignment__reviewer__username",)


@admin.register(SubmissionAuthor)
class SubmissionAuthorAdmin(ModelAdmin):
    list_display = ("name", "affiliation", "email", "submission", "position")
    search_fields = ("name", "email", "affiliation", "orcid", "submission__title")
    raw_id_fields = ("submission",)
    readonly_fields = ("user",)  # the account with the author's e-mail (reviews.authorship)
