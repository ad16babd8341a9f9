"""A submission file served to one viewer: the answer of the pages and the API to a download."""

from __future__ import annotations

from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404

from . import anonymity
from .models import SubmissionFile


def file_response(viewer: anonymity.Viewer, item: SubmissionFile) -> FileResponse:
    """The stored file as this viewer may have it, as a safe attachment (404 otherwise)."""
    stored, name = anonymity.download(viewer, item)
    try:
        handle = stored.open("rb")
    except (OSError, ValueError, SuspiciousFileOperation) as exc:  # gone from the media root
        raise Http404("The file is missing.") from exc
    response = FileResponse(
        handle, as_attachment=True, filename=name, content_type=item.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
