"""Transitions by name, with the text each takes: what the API and the editor's forms run."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import Http404

from ..rubric import NUL_MESSAGE
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

# --- transitions by name (API, admin) --------------------------------------------


@dataclass(frozen=True)
class Action:
    func: object
    fields: tuple = ()


SUBMISSION_ACTIONS = {
    "submit": Action(submit),
    "withdraw": Action(withdraw, ("reason",)),
    "desk_reject": Action(desk_reject, ("reason", "letter")),
    "send_to_review": Action(send_to_review),
    "request_revisions": Action(request_revisions, ("letter",)),
    "resubmit": Action(resubmit, ("response_letter",)),
    "accept": Action(accept, ("letter",)),
    "reject": Action(reject, ("letter",)),
    "publish": Action(publish, ("change_note",)),
    "retire": Action(retire, ("reason",)),
}

ASSIGNMENT_ACTIONS = {
    "accept": Action(accept_invitation, ("coi_declaration",)),
    "decline": Action(decline_invitation, ("reason", "note", "suggestion")),
    "cancel": Action(cancel_assignment, ("reason",)),
    "complete": Action(complete_review),
}


def run_action(actions: dict, name: str, obj, actor, data) -> object:
    """Run a named transition with the fields it takes from `data` (404 for an unknown name)."""
    action = actions.get(name)
    if action is None:
        raise Http404
    kwargs = {}
    for field in action.fields:
        value = data.get(field, "") if hasattr(data, "get") else ""
        if not isinstance(value, str):
            raise ValidationError({field: ["Give this as text."]})
        if "\x00" in value:  # as a form's CharField: PostgreSQL cannot store one
            raise ValidationError({field: [NUL_MESSAGE]})
        kwargs[field] = value
    return action.func(obj, actor, **kwargs)
