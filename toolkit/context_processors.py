"""Template context shared by every page: site name and the signed-in roles."""

from django.conf import settings

from toolkit.accounts import permissions


def site(request):
    user = getattr(request, "user", None)
    return {
        "site_name": settings.TOOLKIT_SITE_NAME,
        "roles": {
            "reviewer": permissions.is_reviewer(user),
            "editor": permissions.is_editor(user),
            "admin": permissions.is_admin(user) or getattr(user, "is_staff", False),
        },
    }
