"""Who may see and resend undelivered e-mail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from toolkit.accounts.permissions import is_admin, is_editor

if TYPE_CHECKING:
    from toolkit.accounts.permissions import Person


def can_manage_outbox(user: Person | None) -> bool:
    """Editors and admins see undelivered e-mail (recipient, subject, state) and resend it."""
    return is_editor(user) or is_admin(user)
