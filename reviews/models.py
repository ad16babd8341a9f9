"""Peer-review workflow: submissions, versions, files, rounds, assignments, reviews, decisions.

Transitions here mutate fields only. Permission checks, locking, logging and
e-mail live in `reviews.services`; what a viewer may see lives in `reviews.anonymity`.
"""

import uuid
from pathlib import PurePosixPath

import django_fsm as fsm
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from . import permissions
from .choices import (
    ACTIVE_ASSIGNMENT_STATES,
    OPEN_ASSIGNMENT_STATES,
    WITHDRAWABLE_STATES,
    AssignmentState,
    DecisionKind,
    DeclineReason,
    FileKind,
    Recommendation,
    SubmissionState,
)

S = SubmissionState
A = AssignmentState


class SubmissionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Submissions this user may know exist: own, assigned, and every non-draft for editors."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        mine = Q(owner=user)
        assigned = Q(
            rounds__assignments__reviewer=user,
            rounds__assignments__state__in=[
                *ACTIVE_ASSIGNMENT_STATES,
                A.CLOSED,
            ],
        )
        if permissions.is_editor(user):
            return self.filter(mine | ~Q(state=S.DRAFT)).distinct()
        return self.filter(mine | assigned).distinct()

    def on_desk_of(self, user):
        """What an editor handles: every non-draft submission but those they are an author of
        (owner, or co-author linked by e-mail). Not an editor: none."""
        if not permissions.is_editor(user):
            return self.none()
        return self.exclude(state=S.DRAFT).exclude(owner=user).exclude(authors__user=user)


class Submission(fsm.ConcurrentTransitionMixin, models.Model):
    """A teaching resource on its way through peer review."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="submissions"
    )
    state = fsm.FSMField(
        default=S.DRAFT, choices=S.choices, protected=True, db_index=True, max_length=32
    )
    state_changed_at = models.DateTimeField(default=timezone.now)
    resource = models.ForeignKey(
        "catalog.Resource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
        help_text="The catalog entry this submission published, or is a new version of.",
    )

    # --- About
    title = models.CharField(max_length=300, blank=True)
    summary = models.TextField(
        blank=True, help_text="Two to four sentences: what it is, for whom, and why."
    )
    learning_objectives = models.TextField(
        blank=True, help_text="One objective per line, starting with a verb."
    )
    description = models.TextField(
        "background and content",
        blank=True,
        help_text="Markdown. The need it answers, the evidence, and what the sessions cover.",
    )
    keywords = models.CharField(max_length=300, blank=True, help_text="Comma-separated.")
    references = models.TextField(blank=True, help_text="One reference per line.")
    # --- Learners and use
    resource_type = models.ForeignKey(
        "catalog.ResourceType", on_delete=models.PROTECT, null=True, blank=True
    )
    learner_levels = models.ManyToManyField("catalog.LearnerLevel", blank=True)
    interprofessional = models.BooleanField(
        default=False, help_text="Designed for mixed teams (nursing, pharmacy, PA, social work…)."
    )
    topics = models.ManyToManyField("catalog.Topic", blank=True)
    methods = models.ManyToManyField(
        "catalog.InstructionalMethod", blank=True, verbose_name="instructional methods"
    )
    language = models.ForeignKey(
        "catalog.Language", on_delete=models.PROTECT, null=True, blank=True
    )
    time_required_minutes = models.PositiveIntegerField(
        "time required (minutes)", null=True, blank=True
    )
    group_size = models.CharField(
        max_length=100, blank=True, help_text="For example: 6–12 learners per facilitator."
    )
    materials = models.TextField(
        "materials needed", blank=True, help_text="Markdown. Rooms, equipment, handouts, people."
    )
    facilitator_notes = models.TextField(
        blank=True, help_text="Markdown. How to run it: timing, prompts, pitfalls, debrief."
    )
    evaluation = models.TextField(
        "implementation and evaluation",
        blank=True,
        help_text="Markdown. Where it was used, with how many learners, and what you found.",
    )
    # --- Declarations and licence
    license = models.ForeignKey(
        "catalog.License", on_delete=models.PROTECT, null=True, blank=True, verbose_name="licence"
    )
    rights_confirmed = models.BooleanField(
        "I hold the rights to every part of this resource, or have permission to share it.",
        default=False,
    )
    privacy_confirmed = models.BooleanField(
        "It contains no identifiable patient information, or I have documented consent.",
        default=False,
    )
    coi_statement = models.TextField(
        "conflicts of interest",
        blank=True,
        help_text="Declare any financial or other interests, or write “None”.",
    )
    acknowledgements = models.TextField(
        blank=True, help_text="Shown when published; hidden from reviewers."
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    # Plain metadata fields: copied into a new version, shown to reviewers (minus identities).
    TEXT_FIELDS = (
        "title",
        "summary",
        "learning_objectives",
        "description",
        "keywords",
        "references",
        "group_size",
        "materials",
        "facilitator_notes",
        "evaluation",
        "coi_statement",
        "acknowledgements",
    )
    COPIED_FIELDS = (
        *TEXT_FIELDS,
        "resource_type",
        "interprofessional",
        "language",
        "time_required_minutes",
        "license",
        "rights_confirmed",
        "privacy_confirmed",
    )
    TERM_FIELDS = ("learner_levels", "topics", "methods")

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title or f"Untitled submission {str(self.uuid)[:8]}"

    def get_absolute_url(self) -> str:
        """The authors' page of the submission."""
        return reverse("reviews:submission-detail", args=[self.uuid])

    def get_editor_url(self) -> str:
        """The editors' page of the submission."""
        return reverse("reviews:editor-submission", args=[self.uuid])

    def snapshot(self) -> dict:
        """The metadata as JSON, frozen into a version when it is submitted."""

        def term(obj):
            return {"slug": obj.slug, "name": obj.name} if obj else None

        data = {name: getattr(self, name) for name in self.TEXT_FIELDS}
        data.update(
            {
                "resource_type": term(self.resource_type),
                "language": term(self.language),
                "license": term(self.license),
                "interprofessional": self.interprofessional,
                "time_required_minutes": self.time_required_minutes,
                "rights_confirmed": self.rights_confirmed,
                "privacy_confirmed": self.privacy_confirmed,
                "authors": [
                    {
                        "name": a.name,
                        "email": a.email,
                        "affiliation": a.affiliation,
                        "orcid": a.orcid,
                    }
                    for a in self.authors.all()
                ],
            }
        )
        for name in self.TERM_FIELDS:
            data[name] = [term(t) for t in getattr(self, name).all()]
        return data

    def missing_for_submit(self) -> dict:
        """Field messages for everything a submission needs before it can be submitted."""
        errors = {}

        def need(condition, field, message):
            if not condition:
                errors[field] = [message]

        need(self.title.strip(), "title", "Give the resource a title.")
        need(self.summary.strip(), "summary", "Write a short summary.")
        need(self.learning_objectives.strip(), "learning_objectives", "List the objectives.")
        need(self.resource_type_id, "resource_type", "Choose the type of resource.")
        need(self.learner_levels.exists(), "learner_levels", "Choose at least one learner level.")
        need(self.topics.exists(), "topics", "Choose at least one topic.")
        need(self.language_id, "language", "Choose the language.")
        need(self.time_required_minutes, "time_required_minutes", "Say how long it takes.")
        need(self.license_id, "license", "Choose a licence.")
        need(self.rights_confirmed, "rights_confirmed", "Confirm that you may share it.")
        need(self.privacy_confirmed, "privacy_confirmed", "Confirm patient privacy.")
        need(self.coi_statement.strip(), "coi_statement", "Declare conflicts, or write “None”.")
        need(self.authors.exists(), "authors", "List at least one author.")
        version = self.current_version
        need(
            version is not None and version.files.exists(),
            "files",
            "Attach at least one file or link.",
        )
        return errors

    # --- Derived data
    @property
    def current_version(self):
        return self.versions.order_by("-number").first()

    @property
    def open_round(self):
        return self.rounds.filter(closed_at__isnull=True).first()

    def completed_review_count(self) -> int:
        return Review.objects.filter(
            assignment__round__submission=self, submitted_at__isnull=False
        ).count()

    def has_required_reviews(self) -> bool:
        return self.completed_review_count() >= settings.TOOLKIT_REVIEWS_REQUIRED

    def has_completed_review_in_open_round(self) -> bool:
        return Review.objects.filter(
            assignment__round__submission=self,
            assignment__round__closed_at__isnull=True,
            submitted_at__isnull=False,
        ).exists()

    def is_ready_to_publish(self) -> bool:
        version = self.current_version
        return bool(
            self.license_id and version and all(f.is_publishable for f in version.files.all())
        )

    # --- Transitions (fields only; see reviews.services)
    @fsm.transition(
        field=state,
        source=S.DRAFT,
        target=S.SUBMITTED,
        permission=permissions.can_edit_submission,
    )
    def submit(self):
        """Owner sends a complete draft to the editors."""
        self.submitted_at = self.submitted_at or timezone.now()

    @fsm.transition(
        field=state,
        source=WITHDRAWABLE_STATES,
        target=S.WITHDRAWN,
        permission=permissions.can_edit_submission,
    )
    def withdraw(self):
        """Owner withdraws before publication."""

    @fsm.transition(
        field=state,
        source=S.SUBMITTED,
        target=S.REJECTED,
        permission=permissions.can_decide,
    )
    def desk_reject(self):
        """Editor rejects without review."""

    @fsm.transition(
        field=state,
        source=S.SUBMITTED,
        target=S.IN_REVIEW,
        permission=permissions.can_decide,
    )
    def send_to_review(self):
        """Editor opens a review round on the current version."""

    @fsm.transition(
        field=state,
        source=S.IN_REVIEW,
        target=S.REVISIONS_REQUESTED,
        conditions=[has_completed_review_in_open_round],
        permission=permissions.can_decide,
    )
    def request_revisions(self):
        """Editor asks for a new version, with at least one completed review in the round."""

    @fsm.transition(
        field=state,
        source=S.REVISIONS_REQUESTED,
        target=S.SUBMITTED,
        permission=permissions.can_edit_submission,
    )
    def resubmit(self):
        """Owner answers a revision request with a new version."""

    @fsm.transition(
        field=state,
        source=[S.IN_REVIEW, S.SUBMITTED],
        target=S.ACCEPTED,
        conditions=[has_required_reviews],
        permission=permissions.can_decide,
    )
    def accept(self):
        """Editor accepts once the required reviews are completed (across rounds)."""

    @fsm.transition(
        field=state,
        source=S.IN_REVIEW,
        target=S.REJECTED,
        permission=permissions.can_decide,
    )
    def reject(self):
        """Editor rejects after review."""

    @fsm.transition(
        field=state,
        source=S.ACCEPTED,
        target=S.PUBLISHED,
        conditions=[is_ready_to_publish],
        permission=permissions.can_decide,
    )
    def publish(self):
        """Editor publishes an accepted submission into the catalog."""

    @fsm.transition(
        field=state,
        source=S.PUBLISHED,
        target=S.RETIRED,
        permission=permissions.can_decide,
    )
    def retire(self):
        """Editor retires a published resource; its page becomes a tombstone."""


class SubmissionAuthor(models.Model):
    """An author of a submission, in byline order. Hidden from reviewers."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="authors")
    position = models.PositiveSmallIntegerField(default=1)
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    affiliation = models.CharField(max_length=255, blank=True)
    orcid = models.CharField("ORCID iD", max_length=19, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="authorships",
    )

    class Meta:
        ordering = ["submission", "position", "pk"]

    def __str__(self):
        return self.name


class SubmissionVersion(models.Model):
    """One version of a submission: a working copy until frozen, immutable afterwards."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    frozen_at = models.DateTimeField(null=True, blank=True)
    metadata = models.JSONField(
        default=dict, blank=True, help_text="Snapshot of the metadata when frozen."
    )
    response_letter = models.TextField(
        blank=True, help_text="The authors' answer to the previous round's reviews."
    )

    class Meta:
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="reviews_version_unique_number"
            )
        ]

    def __str__(self):
        return f"{self.submission} v{self.number}"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


def original_upload_to(instance, filename):
    suffix = PurePosixPath(filename).suffix.lower()
    return f"submissions/{instance.version.submission.uuid}/{instance.uuid}{suffix}"


def sanitized_upload_to(instance, filename):
    suffix = PurePosixPath(filename).suffix.lower()
    return f"sanitized/{instance.version.submission.uuid}/{instance.uuid}{suffix}"


class SubmissionFile(models.Model):
    """A file or external link attached to one version. Stored under a server-made name."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    version = models.ForeignKey(SubmissionVersion, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(max_length=8, choices=FileKind.choices, default=FileKind.FILE)
    label = models.CharField(
        max_length=200, blank=True, help_text="What it is, e.g. “Facilitator guide”."
    )
    original_name = models.CharField(max_length=255, blank=True)
    file = models.FileField(upload_to=original_upload_to, max_length=300, blank=True)
    sanitized = models.FileField(upload_to=sanitized_upload_to, max_length=300, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    extension = models.CharField(max_length=10, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    url = models.URLField(max_length=500, blank=True)
    extracted_text = models.TextField(blank=True)
    identity_flags = models.JSONField(
        default=list, blank=True, help_text="Author identities found in the file, for editors."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["version", "position", "pk"]

    def __str__(self):
        return self.label or self.original_name or self.url

    @property
    def is_link(self) -> bool:
        return self.kind == FileKind.LINK

    @property
    def is_publishable(self) -> bool:
        return self.is_link or bool(self.sanitized)


class ReviewRound(models.Model):
    """One round of review of one version. At most one open round per submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    version = models.ForeignKey(SubmissionVersion, on_delete=models.PROTECT, related_name="rounds")
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="reviews_round_unique_number"
            ),
            models.UniqueConstraint(
                fields=["submission"],
                condition=Q(closed_at__isnull=True),
                name="reviews_one_open_round_per_submission",
            ),
        ]

    def __str__(self):
        return f"{self.submission} round {self.number}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class AssignmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Assignments this user may see: their own, or all of them for editors."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if permissions.is_editor(user):
            # An editor never sees who reviews their own work.
            return self.exclude(round__submission__owner=user).exclude(
                round__submission__authors__user=user
            )
        return self.filter(reviewer=user)

    def open(self):
        return self.filter(state__in=OPEN_ASSIGNMENT_STATES)


class ReviewAssignment(fsm.ConcurrentTransitionMixin, models.Model):
    """An invitation to review one round, and its answer."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round = models.ForeignKey(ReviewRound, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )
    reviewer_number = models.PositiveSmallIntegerField(
        help_text="Stable per submission: shown to authors as “Reviewer N”."
    )
    state = fsm.FSMField(
        default=A.INVITED, choices=A.choices, protected=True, db_index=True, max_length=16
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    invited_at = models.DateTimeField(default=timezone.now)
    message = models.TextField(blank=True, help_text="A personal note from the editor.")
    response_due = models.DateField()
    review_due = models.DateField()
    responded_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    coi_declaration = models.TextField(
        "conflict-of-interest declaration",
        blank=True,
        help_text="Declared on accepting; “None” if there is none.",
    )
    decline_reason = models.CharField(max_length=32, choices=DeclineReason.choices, blank=True)
    decline_note = models.TextField(blank=True)
    suggested_reviewer = models.CharField(max_length=300, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["round", "reviewer_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "reviewer"],
                condition=Q(state__in=ACTIVE_ASSIGNMENT_STATES),
                name="reviews_one_active_assignment_per_round_reviewer",
            ),
        ]

    def __str__(self):
        return f"Reviewer {self.reviewer_number} on {self.round}"

    def get_absolute_url(self) -> str:
        """The reviewer's page of the assignment."""
        return reverse("reviews:reviewer-assignment", args=[self.uuid])

    @property
    def submission(self):
        return self.round.submission

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        if self.state == A.INVITED:
            return today > self.response_due
        if self.state == A.ACCEPTED:
            return today > self.review_due
        return False

    @fsm.transition(
        field=state,
        source=A.INVITED,
        target=A.ACCEPTED,
        permission=permissions.is_assignee,
    )
    def accept(self):
        """The invited reviewer agrees to review."""
        self.responded_at = timezone.now()

    @fsm.transition(
        field=state,
        source=A.INVITED,
        target=A.DECLINED,
        permission=permissions.is_assignee,
    )
    def decline(self):
        """The invited reviewer declines, with a reason."""
        self.responded_at = timezone.now()

    @fsm.transition(
        field=state,
        source=OPEN_ASSIGNMENT_STATES,
        target=A.CANCELLED,
        permission=permissions.can_cancel_assignment,
    )
    def cancel(self):
        """An editor withdraws the invitation."""

    @fsm.transition(
        field=state,
        source=A.ACCEPTED,
        target=A.COMPLETED,
        permission=permissions.is_assignee,
    )
    def complete(self):
        """The reviewer submits the review."""
        self.completed_at = timezone.now()

    @fsm.transition(field=state, source=OPEN_ASSIGNMENT_STATES, target=A.CLOSED)
    def close(self):
        """The round ended (a decision or a withdrawal) before this assignment finished."""


class Review(models.Model):
    """The rubric answers of one assignment: a server-side draft until submitted."""

    assignment = models.OneToOneField(
        ReviewAssignment, on_delete=models.CASCADE, related_name="review"
    )
    answers = models.JSONField(default=dict, blank=True)
    recommendation = models.CharField(max_length=20, choices=Recommendation.choices, blank=True)
    comments_to_authors = models.TextField(blank=True)
    confidential_comments = models.TextField("confidential comments to the editor", blank=True)
    version = models.PositiveIntegerField(
        default=0,
        help_text="Counts the saves of the draft: a save names the version it was based on, "
        "and one based on an older version (a stale tab) is refused.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["assignment"]

    def __str__(self):
        return f"Review by {self.assignment}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Decision(models.Model):
    """An editorial decision with its letter."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="decisions")
    round = models.ForeignKey(
        ReviewRound, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=DecisionKind.choices)
    letter = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["submission", "created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.submission}"


class TransitionLog(models.Model):
    """One row per transition or workflow event, written in the same transaction."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="log_entries")
    assignment = models.ForeignKey(
        ReviewAssignment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="log_entries",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    transition = models.CharField(max_length=40)
    from_state = models.CharField(max_length=32)
    to_state = models.CharField(max_length=32)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "transition log entry"
        verbose_name_plural = "transition log"

    def __str__(self):
        return f"{self.transition}: {self.from_state} → {self.to_state}"


class SentReminder(models.Model):
    """A reminder already sent, so that `send_reminders` never sends it twice."""

    assignment = models.ForeignKey(
        ReviewAssignment, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=40)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "kind"], name="reviews_reminder_once")
        ]

    def __str__(self):
        return f"{self.kind} for {self.assignment}"
