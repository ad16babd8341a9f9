"""The editor desk's queue: submissions by state, with age in state, overdue work and reviews."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from catalog.currency.services import DueResource, due_resources

from .choices import AssignmentState, SubmissionState
from .models import CurrencyReview, ExtensionRequest, Review, ReviewAssignment, Submission

if TYPE_CHECKING:
    from catalog.models import LearnerLevel
    from toolkit.accounts.models import User

S = SubmissionState
RECENT_DAYS = 30


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    description: str
    states: tuple
    recent_only: bool = False


SECTIONS = (
    Section(
        "submitted",
        "Needs triage",
        "Submitted or resubmitted: send to review, desk reject, or accept after a reviewed round.",
        (S.SUBMITTED,),
    ),
    Section(
        "in_review",
        "In review",
        "Invite reviewers, chase overdue work and decide when the reviews are in.",
        (S.IN_REVIEW,),
    ),
    Section(
        "revisions_requested",
        "Revisions requested",
        "Waiting for the authors to resubmit.",
        (S.REVISIONS_REQUESTED,),
    ),
    Section("accepted", "Ready to publish", "Accepted: publish into the catalog.", (S.ACCEPTED,)),
    Section(
        "appealed",
        "Appeals",
        "The authors appeal a rejection: an editor other than the one who decided answers.",
        (S.APPEALED,),
    ),
    Section(
        "recent",
        "Recent outcomes",
        f"Rejected, published, retired or withdrawn in the last {RECENT_DAYS} days.",
        (S.REJECTED, S.PUBLISHED, S.RETIRED, S.WITHDRAWN),
        recent_only=True,
    ),
)
SECTION_KEYS = tuple(s.key for s in SECTIONS)


@dataclass
class QueueSection:
    section: Section
    rows: list[Submission] = field(default_factory=list)


def _count(queryset: QuerySet[Any], path: str) -> Coalesce:
    """A correlated COUNT(*) of `queryset` rows belonging to the outer submission."""
    counted = queryset.order_by().values(path).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def annotated(queryset: QuerySet[Submission], today: date | None = None) -> QuerySet[Submission]:
    """Submissions with overdue assignment counts, requests for more time waiting for an
    answer, and completed reviews."""
    today = today or timezone.localdate()
    assignments = ReviewAssignment.objects.filter(round__submission=OuterRef("pk"))
    return queryset.annotate(
        overdue_responses=_count(
            assignments.filter(state=AssignmentState.INVITED, response_due__lt=today),
            "round__submission",
        ),
        overdue_reviews=_count(
            assignments.filter(state=AssignmentState.ACCEPTED, review_due__lt=today),
            "round__submission",
        ),
        extensions_waiting=_count(
            ExtensionRequest.objects.awaiting().filter(
                assignment__round__submission=OuterRef("pk")
            ),
            "assignment__round__submission",
        ),
        completed_reviews=_count(
            Review.objects.filter(
                assignment__round__submission=OuterRef("pk"), submitted_at__isnull=False
            ),
            "assignment__round__submission",
        ),
    )


def queue(
    user: User,
    *,
    state: str = "",
    levels: Iterable[LearnerLevel] = (),
    stage: str = "",
    now: datetime | None = None,
) -> list[QueueSection]:
    """The editor's queue as sections (one, with `state`), oldest in state first.

    Filters: `levels` (learner levels, any of them) and `stage` (UME, GME, CPD).
    Submissions the editor is an author of (owner or linked co-author) are not on
    their desk: they follow them as authors only (Submission.objects.on_desk_of).
    """
    now = now or timezone.now()
    base = Submission.objects.on_desk_of(user)
    if levels:
        base = base.filter(
            pk__in=Submission.objects.filter(learner_levels__in=list(levels)).values("pk")
        )
    if stage:
        base = base.filter(
            pk__in=Submission.objects.filter(learner_levels__stage=stage).values("pk")
        )
    base = annotated(base, timezone.localdate(now)).select_related("resource_type", "owner")
    base = base.prefetch_related("learner_levels")
    sections = []
    for section in SECTIONS:
        if state and section.key != state:
            continue
        rows = base.filter(state__in=section.states)
        if section.recent_only:
            rows = rows.filter(state_changed_at__gte=now - timedelta(days=RECENT_DAYS)).order_by(
                "-state_changed_at", "pk"
            )
        else:
            rows = rows.order_by("state_changed_at", "pk")
        listed = list(rows)
        for row in listed:  # shown by the queue's template
            row.age_days = (now - row.state_changed_at).days  # type: ignore[attr-defined]
            row.required_reviews = settings.TOOLKIT_REVIEWS_REQUIRED  # type: ignore[attr-defined]
        sections.append(QueueSection(section, listed))
    return sections


# --- currency re-review (issue 16 item 4) ---------------------------------------------


@dataclass
class CurrencyRow:
    due: DueResource
    review: CurrencyReview | None


def currency_queue(user: User, today: date | None = None) -> list[CurrencyRow]:
    """Published resources due for a currency review in the next days (the setting) or
    overdue, or with an outdated term, each with its open currency review if any. Resources
    the editor is an author of are left out (they follow them as authors)."""
    rows = due_resources(today)
    own = set(
        Submission.objects.filter(Q(owner=user) | Q(authors__user=user))
        .exclude(resource=None)
        .values_list("resource_id", flat=True)
    )
    reviews = {
        r.resource_id: r
        for r in CurrencyReview.objects.open().filter(resource__in=[r.resource for r in rows])
    }
    return [
        CurrencyRow(row, reviews.get(row.resource.pk)) for row in rows if row.resource.pk not in own
    ]
