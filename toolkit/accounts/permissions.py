"""Role predicates. Every role question in the product is answered here."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias, TypeGuard

from django.contrib.auth.models import AnonymousUser

if TYPE_CHECKING:
    from .models import User

    # Whoever made a request: an account or the anonymous visitor.
    Person: TypeAlias = User | AnonymousUser

CONTRIBUTOR = "contributor"
REVIEWER = "reviewer"
EDITOR = "editor"
ADMIN = "admin"
ROLES = (CONTRIBUTOR, REVIEWER, EDITOR, ADMIN)


def has_role(user: Person | None, role: str) -> bool:
    """True when the signed-in user belongs to the role's group (superusers hold every role)."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_active:
        return False
    return user.is_superuser or role in user.role_names


def is_contributor(user: Person | None) -> TypeGuard[User]:
    """Anyone with an account may contribute."""
    return user is not None and not isinstance(user, AnonymousUser) and user.is_active


def is_reviewer(user: Person | None) -> bool:
    return has_role(user, REVIEWER)


def is_editor(user: Person | None) -> bool:
    return has_role(user, EDITOR)


def is_admin(user: Person | None) -> bool:
    return has_role(user, ADMIN)


def can_edit_profile(user: Person | None, profile: User) -> bool:
    """A person edits only their own profile."""
    return is_contributor(user) and user.pk == profile.pk


def can_manage_token(user: Person | None) -> bool:
    """Any active, signed-in person may hold one personal API token."""
    return is_contributor(user)
