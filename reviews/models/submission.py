"""The submission: its metadata, what a version freezes, and its state machine.

Transitions here mutate fields only. Permission checks, locking, logging and
e-mail live in `reviews.services`; what a viewer may see lives in `reviews.anonymity`.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Self

import django_fsm as fsm
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from catalog.models import Facilitator, group_size_in_order

from .. import permissions
from ..choices import (
    ACTIVE_ASSIGNMENT_STATES,
    WITHDRAWABLE_STATES,
    AssignmentState,
    DecisionKind,
    SubmissionState,
)

if TYPE_CHECKING:
    from catalog.models import Language, License, ResourceType
    from reviews.models import Decision, ReviewRound, SubmissionVersion
    from toolkit.accounts.permissions import Person

S = SubmissionState
A = AssignmentState


class SubmissionQuerySet(models.QuerySet):
    def visible_to(self, user: Person | None) -> Self:
        """Submissions this user may know exist: own, assigned, and every non-draft for editors."""
        if user is None or not user.is_authenticated or not user.is_active:
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

    def on_desk_of(self, user: Person | None) -> Self:
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
    competencies = models.ManyToManyField("catalog.Competency", blank=True)
    language = models.ForeignKey(
        "catalog.Language", on_delete=models.PROTECT, null=True, blank=True
    )
    time_required_minutes = models.PositiveIntegerField(
        "time required (minutes)", null=True, blank=True
    )
    group_size = models.CharField(
        max_length=100, blank=True, help_text="For example: 6–12 learners per facilitator."
    )
    # --- Preparation (issue 15 item 6)
    preparation_time = models.CharField(
        max_length=100,
        blank=True,
        help_text="How long before the session to start preparing, e.g. “2–3 weeks”.",
    )
    facilitator = models.CharField(
        "who can facilitate", max_length=8, choices=Facilitator.choices, blank=True
    )
    facilitator_requirements = models.TextField(
        blank=True,
        help_text="Who must run or co-run it, e.g. “a social worker co-facilitates”.",
    )
    group_size_min = models.PositiveSmallIntegerField(
        "smallest group", null=True, blank=True, help_text="Learners, at least."
    )
    group_size_max = models.PositiveSmallIntegerField(
        "largest group", null=True, blank=True, help_text="Learners, at most."
    )
    equipment = models.TextField(
        "equipment or space required",
        blank=True,
        help_text="E.g. a room with movable tables, a projector, a simulation suite.",
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
        "preparation_time",
        "facilitator",
        "facilitator_requirements",
        "equipment",
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
        "group_size_min",
        "group_size_max",
        "license",
        "rights_confirmed",
        "privacy_confirmed",
    )
    TERM_FIELDS = ("learner_levels", "topics", "methods", "competencies")

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=group_size_in_order(), name="reviews_submission_group_size_in_order"
            )
        ]

    def __str__(self) -> str:
        return self.title or f"Untitled submission {str(self.uuid)[:8]}"

    def get_absolute_url(self) -> str:
        """The authors' page of the submission."""
        return reverse("reviews:submission-detail", args=[self.uuid])

    def get_editor_url(self) -> str:
        """The editors' page of the submission."""
        return reverse("reviews:editor-submission", args=[self.uuid])

    def snapshot(self) -> dict:
        """The metadata as JSON, frozen into a version when it is submitted."""

        def term(obj: ResourceType | Language | License | None) -> dict[str, str] | None:
            return {"slug": obj.slug, "name": obj.name} if obj else None

        data = {name: getattr(self, name) for name in self.TEXT_FIELDS}
        data.update(
            {
                "resource_type": term(self.resource_type),
                "language": term(self.language),
                "license": term(self.license),
                "interprofessional": self.interprofessional,
                "time_required_minutes": self.time_required_minutes,
                "group_size_min": self.group_size_min,
                "group_size_max": self.group_size_max,
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
        for name in self.TERM_FIELDS[:-1]:
            data[name] = [term(t) for t in getattr(self, name).all()]
        data["competencies"] = [  # named with their framework and level: "AAMC DEI: … — …"
            {"slug": c.slug, "code": c.code, "name": str(c)}
            for c in self.competencies.select_related("framework")
        ]
        return data

    def missing_for_submit(self) -> dict:
        """Field messages for everything a submission needs before it can be submitted."""
        errors = {}

        def need(condition: object, field: str, message: str) -> None:
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
    def current_version(self) -> SubmissionVersion:
        """The newest version: a submission has one from its creation on."""
        return self.versions.latest("number")

    @property
    def open_round(self) -> ReviewRound | None:
        return self.rounds.filter(closed_at__isnull=True).first()

    def completed_review_count(self) -> int:
        from .review import Review

        return Review.objects.filter(
            assignment__round__submission=self, submitted_at__isnull=False
        ).count()

    def has_required_reviews(self) -> bool:
        return self.completed_review_count() >= settings.TOOLKIT_REVIEWS_REQUIRED

    def has_completed_review_in_open_round(self) -> bool:
        from .review import Review

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

    def appealed_decision(self) -> Decision | None:
        """The latest rejection (desk or after review): what an appeal is about."""
        from .review import Decision

        return (
            Decision.objects.filter(
                submission=self, kind__in=[DecisionKind.DESK_REJECT, DecisionKind.REJECT]
            )
            .order_by("-created_at", "-pk")
            .first()
        )

    def appeal_deadline(self) -> datetime | None:
        """When the authors' right to appeal the latest rejection ends."""
        decision = self.appealed_decision()
        days = timedelta(days=settings.TOOLKIT_APPEAL_WINDOW_DAYS)
        return decision.created_at + days if decision else None

    def is_within_appeal_window(self) -> bool:
        deadline = self.appeal_deadline()
        return deadline is not None and timezone.now() <= deadline

    def was_never_appealed(self) -> bool:
        from .appeal import Appeal

        return not Appeal.objects.filter(submission=self).exists()

    # --- Transitions (fields only; see reviews.services)
    @fsm.transition(
        field=state,
        source=S.DRAFT,
        target=S.SUBMITTED,
        permission=permissions.can_edit_submission,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def submit(self) -> None:
        """Owner sends a complete draft to the editors."""
        self.submitted_at = self.submitted_at or timezone.now()

    @fsm.transition(
        field=state,
        source=WITHDRAWABLE_STATES,
        target=S.WITHDRAWN,
        permission=permissions.can_edit_submission,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def withdraw(self) -> None:
        """Owner withdraws before publication."""

    @fsm.transition(
        field=state,
        source=S.SUBMITTED,
        target=S.REJECTED,
        permission=permissions.can_decide,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def desk_reject(self) -> None:
        """Editor rejects without review."""

    @fsm.transition(
        field=state,
        source=S.SUBMITTED,
        target=S.IN_REVIEW,
        permission=permissions.can_decide,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def send_to_review(self) -> None:
        """Editor opens a review round on the current version."""

    @fsm.transition(
        field=state,
        source=S.IN_REVIEW,
        target=S.REVISIONS_REQUESTED,
        conditions=[has_completed_review_in_open_round],  # type: ignore[list-item]  # fsm stubs: Model, not ours
        permission=permissions.can_decide,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def request_revisions(self) -> None:
        """Editor asks for a new version, with at least one completed review in the round."""

    @fsm.transition(
        field=state,
        source=S.REVISIONS_REQUESTED,
        target=S.SUBMITTED,
        permission=permissions.can_edit_submission,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def resubmit(self) -> None:
        """Owner answers a revision request with a new version."""

    @fsm.transition(
        field=state,
        source=[S.IN_REVIEW, S.SUBMITTED],
        target=S.ACCEPTED,
        conditions=[has_required_reviews],  # type: ignore[list-item]  # fsm stubs: Model, not ours
        permission=permissions.can_decide,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def accept(self) -> None:
        """Editor accepts once the required reviews are completed (across rounds)."""

    @fsm.transition(
        field=state,
        source=S.IN_REVIEW,
        target=S.REJECTED,
        permission=permissions.can_decide,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def reject(self) -> None:
        """Editor rejects after review."""

    @fsm.transition(
        field=state,
        source=S.ACCEPTED,
        target=S.PUBLISHED,
        conditions=[is_ready_to_publish],  # type: ignore[list-item]  # fsm stubs: Model, not ours
        permission=permissions.can_decide,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def publish(self) -> None:
        """Editor publishes an accepted submission into the catalog."""

    @fsm.transition(
        field=state,
        source=S.PUBLISHED,
        target=S.RETIRED,
        permission=permissions.can_decide,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def retire(self) -> None:
        """Editor retires a published resource; its page becomes a tombstone."""

    @fsm.transition(
        field=state,
        source=S.REJECTED,
        target=S.APPEALED,
        conditions=[is_within_appeal_window, was_never_appealed],  # type: ignore[list-item]  # fsm stubs: Model, not ours
        permission=permissions.can_appeal,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def appeal(self) -> None:
        """The authors appeal a rejection, once, within the window."""

    @fsm.transition(
        field=state,
        source=S.APPEALED,
        target=S.REJECTED,
        permission=permissions.can_handle_appeal,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def uphold_appeal(self) -> None:
        """Another editor upholds the rejection, with a letter."""

    @fsm.transition(
        field=state,
        source=S.APPEALED,
        target=S.IN_REVIEW,
        permission=permissions.can_handle_appeal,  # type: ignore[arg-type]  # fsm stubs: Model, not ours
    )
    def overturn_appeal(self) -> None:
        """Another editor overturns the rejection: the submission returns to review."""
