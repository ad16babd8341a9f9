"""/editor/mail/: undelivered e-mail for editors and admins (everyone else: 404)."""

from __future__ import annotations

import uuid as uuids
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from reviews.views.common import perform

from . import services
from .models import MessageState, OutboundMessage
from .permissions import can_manage_outbox

PAGE_SIZE = 50


View = Callable[..., HttpResponse]


def outbox_manager_required(view: View) -> View:
    """Signed in (else the login page) and an editor or admin (else 404: nothing to see)."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_manage_outbox(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _render_list(request: HttpRequest, status: int = 200) -> HttpResponse:
    page = Paginator(
        services.undelivered().only(
            "uuid", "recipient", "subject", "state", "attempts", "created_at"
        ),
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    context = {"page_obj": page, "messages_page": page.object_list, "dead": MessageState.DEAD}
    return render(request, "mail/undelivered_list.html", context, status=status)


@outbox_manager_required
@require_safe
def undelivered(request: HttpRequest) -> HttpResponse:
    """Messages the mail server refused or never took: recipient, subject and state only."""
    return _render_list(request)


@outbox_manager_required
@require_POST
def resend(request: HttpRequest, uuid: uuids.UUID) -> HttpResponse:
    """Queue one undelivered message again (409 unless it is dead)."""
    message = get_object_or_404(OutboundMessage, uuid=uuid)
    return perform(
        request,
        lambda: services.resend(message, request.user),
        success=f"The e-mail to {message.recipient} is queued again.",
        redirect_to=reverse("mail:undelivered"),
        render=lambda status: _render_list(request, status=status),
    )
