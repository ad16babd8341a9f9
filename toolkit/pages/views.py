"""The site pages: the admins' text, plus what the code knows (board, rubric, licences)."""

from __future__ import annotations

from collections.abc import Callable
from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from catalog.models import License
from reviews import rubric
from reviews.files import ALLOWED_TYPES
from toolkit.accounts.permissions import EDITOR

from .models import PAGES, Page


def editorial_board() -> QuerySet:
    """Active members of the editor role who are listed on the board, by name."""
    return (
        get_user_model()
        .objects.filter(groups__name=EDITOR, is_active=True, on_board=True)
        .order_by("display_name", "username")
        .only("display_name", "username", "affiliation", "orcid", "board_title")
    )


def contact_email() -> str:
    """TOOLKIT_OAI_ADMIN_EMAIL if set, else the address of DEFAULT_FROM_EMAIL."""
    return settings.TOOLKIT_OAI_ADMIN_EMAIL or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def _peer_review() -> dict[str, Any]:
    return {
        "criteria": rubric.CRITERIA,
        "anchors": sorted(rubric.ANCHORS.items()),
        "reviews_required": settings.TOOLKIT_REVIEWS_REQUIRED,
        "response_days": settings.TOOLKIT_RESPONSE_DUE_DAYS,
        "review_days": settings.TOOLKIT_REVIEW_DUE_DAYS,
    }


def _authors() -> dict[str, Any]:
    return {
        "licences": License.objects.all(),
        "file_types": ALLOWED_TYPES,
        "max_upload_mb": settings.TOOLKIT_MAX_UPLOAD_MB,
    }


EXTRA: dict[str, Callable[[], dict[str, Any]]] = {
    "board": lambda: {"board": editorial_board()},
    "peer-review": _peer_review,
    "authors": _authors,
    "contact": lambda: {"contact_email": contact_email()},
}


@require_GET
def page(request: HttpRequest, slug: str) -> HttpResponse:
    """One site page for anyone, signed in or not."""
    shown = get_object_or_404(Page, slug=slug)
    context = {
        "page": shown,
        "pages": [(key, title) for key, title in PAGES.items()],
        **EXTRA.get(slug, dict)(),
    }
    return render(request, "pages/page.html", context)
