"""API serializers of the workflow: reads through `reviews.anonymity`, writes through services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from rest_framework import serializers

from catalog.models import (
    Competency,
    InstructionalMethod,
    Language,
    LearnerLevel,
    License,
    ResourceType,
    Topic,
)
from toolkit.api import SlugRelatedField

from . import anonymity, flags, services
from .choices import Recommendation
from .models import Submission

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from django.db.models import QuerySet
    from rest_framework.fields import Field

    from reviews.models import ExtensionRequest, Review, ReviewAssignment


def _terms(model: Any, many: bool = False, **kwargs: Any) -> SlugRelatedField:
    # model: a catalog model whose manager has active() (Any: type[Model] has no `objects`)
    return SlugRelatedField(
        slug_field="slug", queryset=model.objects.active(), many=many, required=False, **kwargs
    )


class AuthorSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    email = serializers.EmailField(max_length=254, required=False, allow_blank=True)
    affiliation = serializers.CharField(max_length=255, required=False, allow_blank=True)
    orcid = serializers.CharField(max_length=19, required=False, allow_blank=True)


class SubmissionWriteSerializer(serializers.ModelSerializer):
    """Draft metadata: every field optional until `submit` checks completeness."""

    resource_type = _terms(ResourceType, allow_null=True)
    learner_levels = _terms(LearnerLevel, many=True)
    topics = _terms(Topic, many=True)
    methods = _terms(InstructionalMethod, many=True)
    competencies = _terms(Competency, many=True)
    language = _terms(Language, allow_null=True)
    license = _terms(License, allow_null=True)
    authors = AuthorSerializer(many=True, required=False)

    class Meta:
        model = Submission
        fields = (*Submission.COPIED_FIELDS, *Submission.TERM_FIELDS, "authors")
        extra_kwargs = {name: {"required": False} for name in Submission.COPIED_FIELDS}


def viewer_of(context: Mapping[str, Any], submission: Submission) -> anonymity.Viewer:
    """The requesting user as a viewer of this submission, worked out once per response
    (the serializers of one response share their context)."""
    viewers = context.setdefault("viewers", {})  # type: ignore[attr-defined]  # DRF's context is a dict
    if submission.pk not in viewers:
        viewers[submission.pk] = anonymity.Viewer(context["request"].user, submission)
    return viewers[submission.pk]


def _submission_summary(viewer: anonymity.Viewer) -> dict:
    submission = viewer.submission
    return {
        "uuid": str(submission.uuid),
        "title": anonymity.title_for(viewer),
        "state": submission.state,
        "state_display": submission.get_state_display(),
        "role": viewer.role,
        "transitions": services.available_transitions(submission, viewer.user),
        "updated_at": submission.updated_at,
    }


class SubmissionSummarySerializer(serializers.Serializer):
    """A line of a submission list, as the requesting user may see it."""

    uuid = serializers.UUIDField(read_only=True)
    title = serializers.CharField(read_only=True)
    state = serializers.CharField(read_only=True)
    state_display = serializers.CharField(read_only=True)
    role = serializers.ChoiceField(
        choices=["author", "editor", "reviewer"], read_only=True, help_text="Your role on it."
    )
    transitions = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Transitions you may run now."
    )
    updated_at = serializers.DateTimeField(read_only=True)

    def to_representation(self, submission: Submission) -> dict:
        return _submission_summary(viewer_of(self.context, submission))


class SubmissionSerializer(SubmissionSummarySerializer):
    """A submission as the requesting user may see it (DESIGN §7)."""

    metadata = serializers.DictField(read_only=True)
    versions = serializers.ListField(child=serializers.DictField(), read_only=True)
    decisions = serializers.ListField(child=serializers.DictField(), read_only=True)
    reviews = serializers.ListField(child=serializers.DictField(), read_only=True)
    log = serializers.ListField(child=serializers.DictField(), read_only=True)
    # Editors only, so not read_only: the schema would then say every answer has them.
    identity_flags = serializers.ListField(
        child=serializers.DictField(), required=False, help_text="Editors only."
    )
    assignments = serializers.ListField(
        child=serializers.DictField(), required=False, help_text="Editors only."
    )

    def to_representation(self, submission: Submission) -> dict:
        viewer = viewer_of(self.context, submission)
        data = _submission_summary(viewer)
        data["metadata"] = anonymity.metadata_for(viewer)
        data["versions"] = anonymity.versions_for(viewer)
        data["decisions"] = anonymity.decisions_for(viewer)
        data["reviews"] = anonymity.reviews_for(viewer)
        data["log"] = anonymity.log_for(viewer)
        data["appeal"] = anonymity.appeal_for(viewer)
        if viewer.role == anonymity.EDITOR:
            data["identity_flags"] = flags.identity_flags(submission, viewer)
            data["assignments"] = AssignmentSerializer(
                submission_assignments(submission), many=True, context=self.context
            ).data
        return data


def submission_assignments(submission: Submission) -> QuerySet[ReviewAssignment]:
    from .models import ReviewAssignment

    return ReviewAssignment.objects.filter(round__submission=submission).select_related(
        "round__submission", "reviewer"
    )


class SubmissionFileSerializer(serializers.Serializer):
    """A file or link of a version, as `anonymity.files_for` describes it to this user."""

    uuid = serializers.UUIDField(read_only=True)
    kind = serializers.CharField(read_only=True, help_text="file or link")
    label = serializers.CharField(read_only=True)  # type: ignore[assignment]  # a field named "label" shadows Field.label in the stubs
    url = serializers.CharField(
        read_only=True, help_text="The address of a link; blank for a file."
    )
    content_type = serializers.CharField(read_only=True)
    size = serializers.IntegerField(read_only=True, help_text="Bytes; 0 for a link.")
    name = serializers.CharField(read_only=True, help_text="The download name; blank for a link.")
    identity_flags = serializers.ListField(  # not read_only: that would make it required
        child=serializers.DictField(), required=False, help_text="Editors only."
    )


class FileUploadSerializer(serializers.Serializer):
    file = serializers.FileField(required=False, allow_empty_file=True)
    url = serializers.URLField(required=False, max_length=500)
    label = serializers.CharField(required=False, allow_blank=True, max_length=200)  # type: ignore[assignment]  # a field named "label" shadows Field.label in the stubs

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("file") and attrs.get("url"):
            raise serializers.ValidationError("Send either a file or a url, not both.")
        if not attrs.get("file") and not attrs.get("url"):
            raise serializers.ValidationError("Send a file (multipart) or a url.")
        return attrs


class AssignmentSerializer(serializers.Serializer):
    """An assignment as the requesting user may see it."""

    uuid = serializers.UUIDField(read_only=True)
    submission = serializers.UUIDField(read_only=True)
    title = serializers.CharField(read_only=True)
    round = serializers.IntegerField(read_only=True)
    reviewer = serializers.CharField(read_only=True, help_text="“Reviewer N” unless an editor.")
    state = serializers.CharField(read_only=True)
    state_display = serializers.CharField(read_only=True)
    transitions = serializers.ListField(child=serializers.CharField(), read_only=True)
    invited_at = serializers.DateTimeField(read_only=True)
    response_due = serializers.DateField(read_only=True)
    review_due = serializers.DateField(read_only=True)
    responded_at = serializers.DateTimeField(read_only=True, allow_null=True)
    completed_at = serializers.DateTimeField(read_only=True, allow_null=True)
    overdue = serializers.BooleanField(read_only=True)
    message = serializers.CharField(read_only=True)
    coi_declaration = serializers.CharField(read_only=True)
    decline_reason = serializers.CharField(read_only=True)
    decline_note = serializers.CharField(read_only=True)
    suggested_reviewer = serializers.CharField(read_only=True)

    def to_representation(self, assignment: ReviewAssignment) -> dict:
        viewer = viewer_of(self.context, assignment.round.submission)
        return {
            "uuid": str(assignment.uuid),
            "submission": str(assignment.round.submission.uuid),
            "round": assignment.round.number,
            "state": assignment.state,
            "state_display": assignment.get_state_display(),
            "transitions": services.available_transitions(assignment, viewer.user),
            "invited_at": assignment.invited_at,
            "response_due": assignment.response_due,
            "review_due": assignment.review_due,
            "responded_at": assignment.responded_at,
            "completed_at": assignment.completed_at,
            "overdue": assignment.is_overdue(),
            **anonymity.assignment_for(viewer, assignment),  # title, reviewer, message, answers
        }


class InviteSerializer(serializers.Serializer):
    reviewer = SlugRelatedField(
        slug_field="username", queryset=get_user_model().objects.filter(is_active=True)
    )
    response_due = serializers.DateField(required=False)
    review_due = serializers.DateField(required=False)
    message = serializers.CharField(required=False, allow_blank=True)


VERSION_HELP = (
    "The draft version this text is based on, as GET returned it. A save based on another "
    "version (the draft changed since, e.g. in another tab) is refused with 409 "
    "`stale_draft` and the current version; nothing is overwritten."
)
ANSWERS_HELP = (
    'Rubric answers by criterion key, e.g. {"objectives": {"score": 4, "strengths": "…"}, '
    '"compliance": {"rights": true, …}}.'
)


class ReviewSerializer(serializers.Serializer):
    """A review as its reviewer reads it (an editor, once it is submitted)."""

    version = serializers.IntegerField(read_only=True, help_text="Send it back with a save.")
    answers = serializers.JSONField(read_only=True, help_text=ANSWERS_HELP)
    recommendation = serializers.CharField(read_only=True)
    comments_to_authors = serializers.CharField(read_only=True)
    confidential_comments = serializers.CharField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)
    submitted_at = serializers.DateTimeField(read_only=True, allow_null=True)
    missing = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Answers a submission still needs, by field key.",
    )

    def to_representation(self, review: Review) -> dict:
        from .rubric import missing_answers

        missing = missing_answers(review.answers)
        return {
            "version": review.version,
            "answers": review.answers,
            "recommendation": review.recommendation,
            "comments_to_authors": review.comments_to_authors,
            "confidential_comments": review.confidential_comments,
            "updated_at": review.updated_at,
            "submitted_at": review.submitted_at,
            "missing": sorted(missing),
        }


PUT_REQUIRED = "PUT replaces the whole draft: send this field too, or PATCH only some fields."


def _put(field_class: type[Field], **kwargs: Any) -> Field:
    return field_class(error_messages={"required": PUT_REQUIRED}, **kwargs)


class ReviewDraftSerializer(serializers.Serializer):
    """PUT: the whole draft. Every field is required, so that a body that leaves one out is
    refused (400) instead of wiping it; PATCH changes only the fields it sends."""

    version = serializers.IntegerField(
        min_value=0,
        help_text=VERSION_HELP,
        error_messages={"required": "Send the draft's version, as GET returned it."},
    )
    answers = _put(serializers.JSONField, help_text=ANSWERS_HELP)
    recommendation = _put(serializers.ChoiceField, choices=Recommendation.choices, allow_blank=True)
    comments_to_authors = _put(serializers.CharField, allow_blank=True)
    confidential_comments = _put(serializers.CharField, allow_blank=True)


class ReviewDraftPatchSerializer(ReviewDraftSerializer):
    """PATCH: only the fields sent change (`version` is still required). `answers` changes
    only the criteria it names; a criterion sent as {} is cleared."""

    answers = serializers.JSONField(required=False, help_text=ANSWERS_HELP)
    recommendation = serializers.ChoiceField(
        choices=Recommendation.choices, allow_blank=True, required=False
    )
    comments_to_authors = serializers.CharField(allow_blank=True, required=False)
    confidential_comments = serializers.CharField(allow_blank=True, required=False)

    # DRF and drf-spectacular take a PATCH body as "partial" (nothing required). This one
    # says itself which fields are optional, and `version` is not: never partial.
    @property
    def partial(self) -> bool:
        return False

    @partial.setter
    def partial(self, value: bool) -> None:
        pass


class StaleDraftSerializer(serializers.Serializer):
    """409: the draft is not open for writing (its state), or changed since the version sent."""

    detail = serializers.CharField()
    code = serializers.CharField(help_text="stale_draft, or transition_not_allowed.")
    state = serializers.CharField()
    version = serializers.IntegerField(
        required=False, help_text="stale_draft: the current version (GET the draft to see it)."
    )
    updated_at = serializers.DateTimeField(required=False, help_text="stale_draft: saved at.")
    saved_at = serializers.CharField(
        required=False, help_text="stale_draft: the local time it was saved, e.g. 14:02."
    )


class TransitionSerializer(serializers.Serializer):
    """The text a transition may take; which ones it needs depends on the transition."""

    reason = serializers.CharField(required=False, allow_blank=True)
    reasons = serializers.CharField(required=False, allow_blank=True)
    letter = serializers.CharField(required=False, allow_blank=True)
    response_letter = serializers.CharField(required=False, allow_blank=True)
    change_note = serializers.CharField(required=False, allow_blank=True)
    coi_declaration = serializers.CharField(required=False, allow_blank=True)
    note = serializers.CharField(required=False, allow_blank=True)
    suggestion = serializers.CharField(required=False, allow_blank=True)


class ExtensionSerializer(serializers.Serializer):
    """A request for more time on a review, as its reviewer or an editor sees it."""

    uuid = serializers.UUIDField(read_only=True)
    assignment = serializers.UUIDField(read_only=True)
    reviewer = serializers.CharField(read_only=True, help_text="“Reviewer N” unless an editor.")
    state = serializers.CharField(read_only=True, help_text="pending, approved, refused, withdrawn")
    state_display = serializers.CharField(read_only=True)
    due_before = serializers.DateField(read_only=True, help_text="The due date when asked.")
    requested_due = serializers.DateField(read_only=True)
    reason = serializers.CharField(read_only=True)
    note = serializers.CharField(read_only=True, help_text="The editor's note on refusing.")
    requested_at = serializers.DateTimeField(read_only=True)
    answered_at = serializers.DateTimeField(read_only=True, allow_null=True)
    answered_by = serializers.CharField(required=False, help_text="Editors only.")

    def to_representation(self, extension: ExtensionRequest) -> dict:
        assignment = extension.assignment
        viewer = viewer_of(self.context, assignment.round.submission)
        data = {
            "uuid": str(extension.uuid),
            "assignment": str(assignment.uuid),
            "reviewer": anonymity.reviewer_name_for(viewer, assignment),
            "state": extension.state,
            "state_display": extension.get_state_display(),
            "due_before": extension.due_before,
            "requested_due": extension.requested_due,
            "reason": extension.reason,
            "note": anonymity.extension_note_for(viewer, extension),
            "requested_at": extension.requested_at,
            "answered_at": extension.answered_at,
        }
        if viewer.role == anonymity.EDITOR:
            answered_by = extension.answered_by
            data["answered_by"] = answered_by.display_name if answered_by else ""
        return data


class ExtensionAskSerializer(serializers.Serializer):
    """Ask for more time: a date after the review's due date, at most
    TOOLKIT_EXTENSION_MAX_DAYS (28 by default) later, and why."""

    requested_due = serializers.DateField()
    reason = serializers.CharField()


class ExtensionAnswerSerializer(serializers.Serializer):
    note = serializers.CharField(
        required=False, allow_blank=True, help_text="refuse: an optional note to the reviewer."
    )


class HelpfulnessSerializer(serializers.Serializer):
    """An editor's rating of a submitted review's helpfulness (never shown to the reviewer)."""

    helpfulness = serializers.IntegerField(min_value=1, max_value=3, help_text="1, 2 or 3.")
