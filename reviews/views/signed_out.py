"""A rubric posted after the session ended is kept, not lost (DESIGN §5).

Nobody is signed in, so the POST cannot be saved: its rubric fields are kept in the
(anonymous) session, keyed by the assignment, and the reviewer is sent to sign in and
back to the review page. Signing in keeps the session's data (Django cycles the key),
and the page puts the text back into the form as an unsaved draft for the reviewer to
save. Only the assignee ever sees it: the page is theirs alone, and when anyone signs in,
the kept rubrics of assignments that are not theirs are dropped. The session is stored on
the server, so confidential comments never go to the browser. Bounded: only for an
assignment open for writing (its unguessable address is the reviewer's), at most
MAX_CHARS per rubric and MAX_RUBRICS per session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ..choices import AssignmentState
from ..forms.reviewer import ReviewForm
from ..models import ReviewAssignment

if TYPE_CHECKING:
    from typing import Any
    from uuid import UUID

    from django.http import HttpRequest
    from django.http.response import HttpResponseBase

    from toolkit.accounts.permissions import Person

SESSION_KEY = "reviews.kept_rubrics"
MAX_CHARS = 500_000  # per rubric: twice what the 24 criterion texts hold, and the comments
MAX_RUBRICS = 3  # per session; the oldest goes first


def _field_names() -> frozenset:
    return frozenset(ReviewForm().fields)


def keep(request: HttpRequest, uuid: UUID) -> bool:
    """Keep the posted rubric fields for this assignment; False if they are too large."""
    names = _field_names()
    data = {name: request.POST.get(name, "") for name in request.POST if name in names}
    if sum(len(value) for value in data.values()) > MAX_CHARS:
        return False
    kept = {k: v for k, v in request.session.get(SESSION_KEY, {}).items() if k != str(uuid)}
    kept[str(uuid)] = {"data": data, "at": timezone.now().isoformat()}
    request.session[SESSION_KEY] = dict(list(kept.items())[-MAX_RUBRICS:])
    return True


def kept_for(request: HttpRequest, assignment: ReviewAssignment) -> dict | None:
    """{"data": the posted fields, "at": when} kept for this assignment, or None."""
    entry = request.session.get(SESSION_KEY, {}).get(str(assignment.uuid))
    if not entry:
        return None
    return {"data": entry["data"], "at": parse_datetime(entry["at"])}


def forget(request: HttpRequest, uuid: UUID) -> None:
    kept = request.session.get(SESSION_KEY)
    if kept and str(uuid) in kept:
        request.session[SESSION_KEY] = {k: v for k, v in kept.items() if k != str(uuid)}


def sign_in_to_keep(request: HttpRequest, uuid: UUID) -> HttpResponseBase:
    """The answer to a rubric posted while signed out: keep it, say so, and go to sign in.
    Nothing is kept for an assignment that is not open for writing (nor said to be)."""
    if ReviewAssignment.objects.filter(uuid=uuid, state=AssignmentState.ACCEPTED).exists():
        if keep(request, uuid):
            messages.info(
                request,
                "You were signed out, so your review was not saved yet. It is kept for you: "
                "sign in and it will be back in the form, ready to save.",
            )
        else:
            messages.error(
                request,
                "You were signed out, and your review was too long to keep until you sign "
                "in. Go back in your browser and copy your text before signing in.",
            )
    return redirect_to_login(reverse("reviews:reviewer-assignment", args=[uuid]))


@receiver(user_logged_in, dispatch_uid="reviews.drop_rubrics_of_others")
def drop_rubrics_of_others(
    sender: Any, request: HttpRequest, user: Person | None, **kwargs: Any
) -> None:
    """Whoever signs in keeps only the rubrics kept for their own assignments."""
    kept = request.session.get(SESSION_KEY) if request is not None else None
    if not kept:
        return
    own = {
        str(uuid)
        for uuid in ReviewAssignment.objects.filter(uuid__in=list(kept), reviewer=user).values_list(
            "uuid", flat=True
        )
    }
    request.session[SESSION_KEY] = {k: v for k, v in kept.items() if k in own}
