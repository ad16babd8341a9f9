"""Template context shared by every page: site name, the signed-in roles, waiting work."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from toolkit.accounts import permissions


def site(request):
    user = getattr(request, "user", None)
    signed_in = bool(getattr(user, "is_authenticated", False))

    def waiting():
        from reviews.navigation import counts

        return counts(user) if signed_in else {}

    return {
        "site_name": settings.TOOLKIT_SITE_NAME,
        "roles": {
            "reviewer": permissions.is_reviewer(user),
            "editor": permissions.is_editor(user),
            "admin": permissions.is_admin(user) or getattr(user, "is_staff", False),
        },
        "waiting": SimpleLazyObject(waiting),
    }
