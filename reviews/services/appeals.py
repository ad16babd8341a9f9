"""Appeals: the authors appeal a rejection once; another editor upholds or overturns it.

The submission's own transitions carry it (rejected → appealed → rejected, or → in review
with a new round), through run_submission: the row lock, the 404/403/409/400 order, the
log and the e-mails after commit are the same as for every other action.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Max
from django.utils import timezone

from toolkit.errors import Conflict

from .. import emails
from ..choices import AppealOutcome
from ..models import Appeal, ReviewRound, Submission
from .core import require, run_submission

if TYPE_CHECKING:
    from collections.abc import Callable

    from toolkit.accounts.models import User


def appeal(submission: Submission, actor: User, *, reasons: str = "") -> Submission:
    """The authors appeal the latest rejection, with their reasons (once, within the window)."""

    def effects(locked: Submission) -> None:
        decision = locked.appealed_decision()
        if decision is None:  # the window condition needs one; a rejection always has one
            raise Conflict("There is no decision to appeal.", state=locked.state)
        Appeal.objects.create(
            submission=locked, decision=decision, filed_by=actor, reasons=reasons.strip()
        )

    return run_submission(
        submission,
        actor,
        "appeal",
        validate=lambda: require(reasons=reasons),
        effects=effects,
        notify=emails.appealed,
    )


def _answer(outcome: str, letter: str, actor: User) -> Callable[[Submission], None]:
    """The effect that writes the editor's answer on the appeal."""

    def record(locked: Submission) -> None:
        Appeal.objects.filter(submission=locked).update(
            outcome=outcome, handled_by=actor, letter=letter.strip(), decided_at=timezone.now()
        )

    return record


def uphold_appeal(submission: Submission, actor: User, *, letter: str = "") -> Submission:
    """Another editor upholds the rejection, with a letter to the authors."""
    return run_submission(
        submission,
        actor,
        "uphold_appeal",
        validate=lambda: require(letter=letter),
        effects=_answer(AppealOutcome.UPHELD, letter, actor),
        notify=emails.appeal_answered,
    )


def overturn_appeal(submission: Submission, actor: User, *, letter: str = "") -> Submission:
    """Another editor overturns the rejection: a new review round opens on the current
    version (the letter tells the authors why; optional)."""
    record = _answer(AppealOutcome.OVERTURNED, letter, actor)

    def effects(locked: Submission) -> None:
        record(locked)
        number = (locked.rounds.aggregate(m=Max("number"))["m"] or 0) + 1
        ReviewRound.objects.create(submission=locked, number=number, version=locked.current_version)

    return run_submission(
        submission, actor, "overturn_appeal", effects=effects, notify=emails.appeal_answered
    )
