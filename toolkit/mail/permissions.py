"""Who may see and resend undelivered e-mail."""

from toolkit.accounts.permissions import is_admin, is_editor


def can_manage_outbox(user) -> bool:
    """Editors and admins see undelivered e-mail (recipient, subject, state) and resend it."""
    return is_editor(user) or is_admin(user)
