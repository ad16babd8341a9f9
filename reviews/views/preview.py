"""/editor/submissions/<uuid>/preview/: the public page an accepted submission would get.

For editors who may see the submission on their desk only; everyone else gets a 404, as
for any page that must not reveal what exists (not even the login page: the address is
never shown to anyone else). Marked as a preview, and never indexed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .. import permissions
from .. import preview as previews
from ..choices import SubmissionState
from ..models import Submission
from .common import signed_in

if TYPE_CHECKING:
    from uuid import UUID

    from django.http import HttpRequest, HttpResponse


@never_cache
@require_safe
def preview(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The catalog page of the accepted version, as Publish would make it (404 otherwise)."""
    if not signed_in(request) or not permissions.is_editor(request.user):
        raise Http404
    submission = get_object_or_404(
        Submission.objects.on_desk_of(request.user), uuid=uuid, state=SubmissionState.ACCEPTED
    )
    context = {**previews.public_page(submission), "submission": submission}
    response = render(request, "reviews/editor_preview.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
