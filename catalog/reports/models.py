"""An implementation report: where a colleague ran a published resource, what they changed,
how it went, and how useful it was (1–5). A django_fsm state machine:

    pending ──approve──▶ published ──hide──▶ hidden
       │  ╲                 │
    reject  withdraw     edit (back to pending) / withdraw
       ▼       ▼
    rejected  withdrawn

Transitions mutate the state only: permission, row lock, log and e-mail are the services'.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Self

import django_fsm as fsm
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from toolkit.accounts.permissions import is_contributor, is_editor
from toolkit.models import EventLog

from ..models import LearnerLevel, Resource
from . import permissions

if TYPE_CHECKING:
    from toolkit.accounts.permissions import Person

TEXT_MAX = 4000
REASON_MAX = 2000
GROUP_SIZE_MAX = 2000


class ReportState(models.TextChoices):
    PENDING = "pending", "Waiting for moderation"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Not published"
    HIDDEN = "hidden", "Hidden by the editors"
    WITHDRAWN = "withdrawn", "Withdrawn"


S = ReportState


class ReportQuerySet(models.QuerySet):
    def published(self) -> Self:
        return self.filter(state=S.PUBLISHED)

    def public(self) -> Self:
        """What the resource page and the public API show: published, on a live resource."""
        return self.published().filter(resource__retired_at__isnull=True)

    def visible_to(self, user: Person | None) -> Self:
        """Published reports; the reporter's own in every state; every report but withdrawn
        ones for editors."""
        if not is_contributor(user):
            return self.published()
        visible = Q(state=S.PUBLISHED) | Q(reporter=user)
        if is_editor(user):
            visible |= ~Q(state=S.WITHDRAWN)
        return self.filter(visible)

    def to_moderate(self, user: Person | None) -> Self:
        """The editor's moderation queue: reports about resources they are not an author of."""
        if not is_editor(user):
            return self.none()
        authored = Resource.objects.filter(permissions.authored_resources(user)).values("pk")
        return self.exclude(resource__in=authored)


class ImplementationReport(fsm.ConcurrentTransitionMixin, models.Model):
    """One colleague's report of running a published resource."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="implementation_reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="implementation_reports"
    )
    learner_level = models.ForeignKey(
        LearnerLevel, on_delete=models.PROTECT, related_name="+", verbose_name="learner level"
    )
    group_size = models.PositiveSmallIntegerField(
        "group size",
        validators=[MinValueValidator(1), MaxValueValidator(GROUP_SIZE_MAX)],
        help_text="How many learners took part.",
    )
    changes = models.TextField(
        "what you changed", blank=True, help_text="Plain text or Markdown. Optional."
    )
    outcome = models.TextField("how it went", help_text="Plain text or Markdown.")
    rating = models.PositiveSmallIntegerField(
        "usefulness",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="1 (not useful) to 5 (very useful). Optional.",
    )
    state = fsm.FSMField(
        default=S.PENDING, choices=S.choices, protected=True, db_index=True, max_length=16
    )
    reason = models.TextField(
        blank=True, help_text="The editor's reason for not publishing or for hiding it."
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(
        default=timezone.now, help_text="When it last went to moderation."
    )
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    answer = models.TextField(blank=True, help_text="The authors' answer (Markdown), once.")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-submitted_at", "-pk"]
        verbose_name = "implementation report"
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "resource"],
                condition=Q(state="pending"),
                name="reports_one_pending_per_resource",
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="reports_rating_1_to_5",
            ),
        ]
        indexes = [models.Index(fields=["resource", "state"], name="reports_resource_state")]

    def __str__(self) -> str:
        return f"Report on {self.resource} by {self.signature}"

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.uuid])

    def get_public_url(self) -> str:
        return f"{self.resource.get_absolute_url()}#report-{self.uuid}"

    @property
    def signature(self) -> str:
        """The reporter's display name, as the report is signed."""
        return self.reporter.display_name or self.reporter.get_username()

    @property
    def is_pending(self) -> bool:
        return self.state == S.PENDING

    @property
    def is_published(self) -> bool:
        return self.state == S.PUBLISHED

    # --- transitions (the services run them) -------------------------------------------

    @fsm.transition(
        field=state,
        source=S.PENDING,
        target=S.PUBLISHED,
        permission=permissions.can_moderate,  # type: ignore[arg-type]  # fsm stubs: Model
    )
    def approve(self) -> None:
        self.published_at = timezone.now()
        self.reason = ""

    @fsm.transition(
        field=state,
        source=S.PENDING,
        target=S.REJECTED,
        permission=permissions.can_moderate,  # type: ignore[arg-type]
    )
    def reject(self) -> None:
        """Not published; the reporter is told the reason."""

    @fsm.transition(
        field=state,
        source=S.PUBLISHED,
        target=S.HIDDEN,
        permission=permissions.can_moderate,  # type: ignore[arg-type]
    )
    def hide(self) -> None:
        """Taken off the resource page later; the reporter is told the reason."""

    @fsm.transition(
        field=state,
        source=[S.PENDING, S.PUBLISHED],
        target=S.PENDING,
        permission=permissions.is_reporter,  # type: ignore[arg-type]
    )
    def edit(self) -> None:
        """The reporter changes the report: it goes (back) to moderation."""
        self.submitted_at = timezone.now()
        self.published_at = None

    @fsm.transition(
        field=state,
        source=[S.PENDING, S.PUBLISHED],
        target=S.WITHDRAWN,
        permission=permissions.is_reporter,  # type: ignore[arg-type]
    )
    def withdraw(self) -> None:
        """The reporter takes the report back."""


class ReportLog(EventLog):
    """What happened to a report: each transition and the authors' answer."""

    report = models.ForeignKey(
        ImplementationReport, on_delete=models.CASCADE, related_name="log_entries"
    )

    class Meta(EventLog.Meta):
        verbose_name = "report log entry"
        verbose_name_plural = "report log"
