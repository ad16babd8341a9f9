"""The plumbing every workflow action shares (DESIGN §11).

Each action runs: visibility (404) → role predicate (403) → row lock and FSM transition
in one transaction (409 on a wrong state or a lost race) → one log row → e-mails queued in
the same transaction (delivered after the commit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import django_fsm as fsm
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from toolkit.errors import Conflict

from .. import permissions
from ..choices import OPEN_ASSIGNMENT_STATES
from ..models import ReviewAssignment, ReviewRound, Submission, TransitionLog

if TYPE_CHECKING:
    from collections.abc import Callable

    from toolkit.accounts.models import User
    from toolkit.accounts.permissions import Person

# Why a transition's condition fails, in words, for the 409 message.
CONDITION_MESSAGES = {
    "has_completed_review_in_open_round": "At least one review in this round must be completed.",
    "has_required_reviews": (
        "Acceptance needs {required} completed reviews across rounds; there are {count}."
    ),
    "is_ready_to_publish": "Publishing needs a licence and sanitized copies of every file.",
    "is_within_appeal_window": "The time to appeal this decision has passed.",
    "was_never_appealed": "This submission has already been appealed; a decision is appealed once.",
}


def require(**fields: str | None) -> None:
    """Raise a 400 listing every required text field left empty."""
    missing = {
        name: ["This field is required."]
        for name, value in fields.items()
        if not (value or "").strip()
    }
    if missing:
        raise ValidationError(missing)


def transition_meta(obj: Submission | ReviewAssignment, name: str) -> fsm.FSMMeta:
    """django-fsm's record of the transition `name` on obj's model: by source state, each
    transition with its permission predicate and its conditions.

    django-fsm keeps it in the private attribute `_django_fsm` of the decorated method and has
    no public accessor for one transition by name: this is the one place that reads it
    (tests/reviews/test_fsm_contract.py pins what we rely on, for any django-fsm-2 version).
    """
    meta = getattr(getattr(type(obj), name, None), "_django_fsm", None)
    if meta is None:
        raise TypeError(f"{type(obj).__name__}.{name} is not a transition")
    return meta


def check_may_run(obj: Submission | ReviewAssignment, name: str, actor: Person) -> None:
    """403 unless the actor holds the transition's role; 409 unless the state allows it now.

    The transition's conditions are left to the transition itself (see run_transition), so
    that an action evaluates them once.
    """
    meta = transition_meta(obj, name)
    any_transition = next(iter(meta.transitions.values()))
    if not any_transition.has_perm(obj, actor):
        raise PermissionDenied(f"You may not {name.replace('_', ' ')} this.")
    if not meta.has_transition(obj.state):
        raise Conflict(
            f"Cannot {name.replace('_', ' ')} when the state is “{obj.get_state_display()}”.",
            state=obj.state,
        )


def unmet_condition(obj: Submission | ReviewAssignment, name: str) -> Conflict | None:
    """The 409 that says which of the transition's conditions fails now, or None."""
    transition = transition_meta(obj, name).get_transition(obj.state)
    for condition in transition.conditions if transition else ():
        if not condition(obj):
            message = CONDITION_MESSAGES.get(condition.__name__, "A condition is not met.")
            if condition.__name__ == "has_required_reviews" and isinstance(obj, Submission):
                message = message.format(
                    required=settings.TOOLKIT_REVIEWS_REQUIRED, count=obj.completed_review_count()
                )
            return Conflict(message, state=obj.state, code="condition_not_met")
    return None


def authorize(obj: Submission | ReviewAssignment, name: str, actor: Person) -> None:
    """403 unless the actor holds the transition's role; 409 unless the state and the
    transition's conditions allow it now (the reason a page shows beside a held-back action)."""
    check_may_run(obj, name, actor)
    conflict = unmet_condition(obj, name)
    if conflict:
        raise conflict


def run_transition(obj: Submission | ReviewAssignment, name: str) -> None:
    """Run the transition, which checks its own conditions: one not met is a 409 naming it."""
    try:
        getattr(obj, name)()
    except fsm.TransitionNotAllowed:
        raise unmet_condition(obj, name) or Conflict(
            f"Cannot {name.replace('_', ' ')} now.", state=obj.state
        ) from None


def available_transitions(obj: Submission | ReviewAssignment, actor: Person) -> list[str]:
    """Names of the transitions this actor may run on this object now."""
    # django-fsm adds get_available_user_<field>_transitions to the model class: not in the stubs
    transitions = obj.get_available_user_state_transitions(actor)  # type: ignore[union-attr]
    return [t.name for t in transitions]


def lock_submission(submission: Submission, actor: User) -> Submission:
    """The submission's row, locked, if the actor may see it (404 otherwise, and if it was
    deleted by a request that held the lock before this one)."""
    locked = Submission.objects.select_for_update().filter(pk=submission.pk).first()
    if locked is None or not permissions.can_view_submission(actor, locked):
        raise Http404
    return locked


def locked_assignment(pk: int, **filters: object) -> ReviewAssignment | None:
    """The assignment's row, locked after its submission's row (None if gone or filtered out).

    Always in that order, as the submission's own transitions lock them (a decision closes
    the round's assignments under the submission's lock): locking the assignment first, or
    both at once through a join, deadlocked an assignment action against a decision.
    """
    submission_id = (
        ReviewAssignment.objects.filter(pk=pk)
        .values_list("round__submission_id", flat=True)
        .first()
    )
    if submission_id is None:
        return None
    Submission.objects.select_for_update().filter(pk=submission_id).first()
    return (
        ReviewAssignment.objects.select_for_update(of=("self",))
        .select_related("round__submission")
        .filter(pk=pk, **filters)
        .first()
    )


def lock_assignment(assignment: ReviewAssignment, actor: User) -> ReviewAssignment:
    if not ReviewAssignment.objects.visible_to(actor).filter(pk=assignment.pk).exists():
        raise Http404
    locked = locked_assignment(assignment.pk)
    if locked is None:  # its draft submission was deleted meanwhile
        raise Http404
    return locked


def log(
    submission: Submission,
    actor: User | None,
    transition: str,
    from_state: str,
    to_state: str,
    reason: str = "",
    assignment: ReviewAssignment | None = None,
) -> TransitionLog:
    return TransitionLog.objects.create(
        submission=submission,
        assignment=assignment,
        actor=actor if getattr(actor, "pk", None) else None,
        transition=transition,
        from_state=from_state,
        to_state=to_state,
        reason=reason or "",
    )


def after_commit(func: Callable[..., object], *args: object) -> None:
    """Queue the action's e-mails now, in its transaction (the outbox, toolkit.mail):
    they are delivered after the commit, and a rolled-back action sends nothing."""
    func(*args)


def run_submission(
    submission: Submission,
    actor: User,
    name: str,
    *,
    reason: str = "",
    validate: Callable[[], None] | None = None,
    effects: Callable[[Submission], Submission | None] | None = None,
    notify: Callable[[TransitionLog], object] | None = None,
) -> Submission:
    """Lock, authorize, validate the input, transition, apply effects, log, e-mail after commit.

    `validate` checks what the user gave (400) only once they may act now: a wrong role is
    a 403 and a wrong state a 409 whatever the body holds, as DESIGN §10 orders them. The
    transition's conditions (409) come after the input, as they do behind the pages' forms.
    """
    with transaction.atomic():
        locked = lock_submission(submission, actor)
        check_may_run(locked, name, actor)
        if validate:
            validate()
        from_state = locked.state
        run_transition(locked, name)
        locked.state_changed_at = timezone.now()
        locked.save()
        result = effects(locked) if effects else None
        entry = log(locked, actor, name, from_state, locked.state, reason)
        if notify:
            after_commit(notify, entry)
    return result if result is not None else locked


def run_assignment(
    assignment: ReviewAssignment,
    actor: User,
    name: str,
    *,
    reason: str = "",
    validate: Callable[[], None] | None = None,
    update: Callable[[ReviewAssignment], None] | None = None,
    effects: Callable[[ReviewAssignment], None] | None = None,
    notify: Callable[[TransitionLog], object] | None = None,
) -> ReviewAssignment:
    """As run_submission, for a review assignment."""
    with transaction.atomic():
        locked = lock_assignment(assignment, actor)
        check_may_run(locked, name, actor)
        if validate:
            validate()
        if update:
            update(locked)
        from_state = locked.state
        run_transition(locked, name)
        locked.save()
        if effects:
            effects(locked)
        entry = log(locked.round.submission, actor, name, from_state, locked.state, reason, locked)
        if notify:
            after_commit(notify, entry)
    return locked


def close_round(submission: Submission) -> ReviewRound | None:
    """End the open round: open assignments become closed."""
    review_round = submission.rounds.select_for_update().filter(closed_at__isnull=True).first()
    if review_round is None:
        return None
    for assignment in review_round.assignments.select_for_update().filter(
        state__in=OPEN_ASSIGNMENT_STATES
    ):
        assignment.close()
        assignment.save()
    review_round.closed_at = timezone.now()
    review_round.save(update_fields=["closed_at"])
    return review_round


def last_round(submission: Submission) -> ReviewRound | None:
    return submission.rounds.order_by("-number").first()
