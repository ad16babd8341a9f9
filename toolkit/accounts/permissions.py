"""Role predicates. Every role question in the product is answered here."""

CONTRIBUTOR = "contributor"
REVIEWER = "reviewer"
EDITOR = "editor"
ADMIN = "admin"
ROLES = (CONTRIBUTOR, REVIEWER, EDITOR, ADMIN)


def has_role(user, role: str) -> bool:
    """True when the signed-in user belongs to the role's group (superusers hold every role)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or role in user.role_names


def is_contributor(user) -> bool:
    """Anyone with an account may contribute."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_reviewer(user) -> bool:
    return has_role(user, REVIEWER)


def is_editor(user) -> bool:
    return has_role(user, EDITOR)


def is_admin(user) -> bool:
    return has_role(user, ADMIN)


def can_edit_profile(user, profile) -> bool:
    """A person edits only their own profile."""
    return is_contributor(user) and user.pk == profile.pk


def can_manage_token(user) -> bool:
    """Any active, signed-in person may hold one personal API token."""
    return is_contributor(user)
