"""Template context shared by every page: site name, the signed-in roles, waiting work."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from toolkit.accounts import permissions


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    signed_in = bool(getattr(user, "is_authenticated", False))

    def waiting() -> dict[str, int]:
        from reviews.navigation import counts

        return counts(user) if signed_in and user is not None else {}

    return {
        "site_name": settings.TOOLKIT_SITE_NAME,
        "roles": {
            "reviewer": permissions.is_reviewer(user),
            "editor": permissions.is_editor(user),
            "admin": permissions.is_admin(user) or getattr(user, "is_staff", False),
        },
        "waiting": SimpleLazyObject(waiting),
    }
