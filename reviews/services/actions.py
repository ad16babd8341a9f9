"""Transitions by name, with the text each takes: what the API and the editor's forms run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.http import Http404

from ..rubric import NUL_MESSAGE
from .appeals import appeal, overturn_appeal, uphold_appeal
from .assignments import accept_invitation, cancel_assignment, complete_review, decline_invitation
from .decisions import (
    accept,
    desk_reject,
    publish,
    reject,
    request_revisions,
    retire,
    send_to_review,
)
from .submissions import resubmit, submit, withdraw

if TYPE_CHECKING:
    from reviews.models import ReviewAssignment, Submission
    from toolkit.accounts.permissions import Person


@dataclass(frozen=True)
class Action:
    """A transition by name and the text fields it takes, each with its longest length
    (None: no limit). The pages' forms take their limits from here (text_limit), so a page
    and the API refuse the same text with the same message."""

    func: Callable[..., object]
    limits: dict[str, int | None] = field(default_factory=dict)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.limits)


SUBMISSION_ACTIONS = {
    "submit": Action(submit),
    "withdraw": Action(withdraw, {"reason": 5000}),
    "desk_reject": Action(desk_reject, {"reason": 1000, "letter": None}),
    "send_to_review": Action(send_to_review),
    "request_revisions": Action(request_revisions, {"letter": None}),
    "resubmit": Action(resubmit, {"response_letter": 50_000}),
    "accept": Action(accept, {"letter": None}),
    "reject": Action(reject, {"letter": None}),
    "publish": Action(publish, {"change_note": 1000}),
    "retire": Action(retire, {"reason": 2000}),
    "appeal": Action(appeal, {"reasons": 20_000}),
    "uphold_appeal": Action(uphold_appeal, {"letter": None}),
    "overturn_appeal": Action(overturn_appeal, {"letter": None}),
}

ASSIGNMENT_ACTIONS = {
    "accept": Action(accept_invitation, {"coi_declaration": 5000}),
    "decline": Action(decline_invitation, {"reason": None, "note": 5000, "suggestion": 300}),
    "cancel": Action(cancel_assignment, {"reason": 1000}),
    "complete": Action(complete_review),
}


def text_limit(actions: dict[str, Action], name: str, field_name: str) -> int | None:
    """The longest text a transition's field takes: the forms' max_length."""
    return actions[name].limits[field_name]


def _text(data: object, name: str, limit: int | None) -> str:
    """One text field of a request body, checked as a form's CharField checks it (400)."""
    value = data.get(name, "") if hasattr(data, "get") else ""
    if not isinstance(value, str):
        raise ValidationError({name: ["Give this as text."]})
    if "\x00" in value:  # as a form's CharField: PostgreSQL cannot store one
        raise ValidationError({name: [NUL_MESSAGE]})
    if limit is not None:
        try:
            MaxLengthValidator(limit)(value)
        except ValidationError as error:
            raise ValidationError({name: error.messages}) from None
    return value


def run_action(
    actions: dict[str, Action],
    name: str,
    obj: Submission | ReviewAssignment,
    actor: Person,
    data: object,
) -> object:
    """Run a named transition with the fields it takes from `data` (404 for an unknown name)."""
    action = actions.get(name)
    if action is None:
        raise Http404
    kwargs = {key: _text(data, key, limit) for key, limit in action.limits.items()}
    return action.func(obj, actor, **kwargs)
