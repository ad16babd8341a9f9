"""Who may do what with a saved list. Lists are private: the owner manages them, and anyone
holding a list's share link may read it (the link is the permission); nobody else, editors
included, can tell that a list exists."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeGuard

from toolkit.accounts.permissions import is_contributor

if TYPE_CHECKING:
    from toolkit.accounts.models import User
    from toolkit.accounts.permissions import Person

    from .models import SavedList


def can_keep_lists(user: Person | None) -> TypeGuard[User]:
    """Every active, signed-in account may keep lists (not only contributors)."""
    return is_contributor(user)


def can_manage_list(user: Person | None, saved_list: SavedList) -> bool:
    """Only the owner reads, changes, shares, exports or deletes a list."""
    return is_contributor(user) and saved_list.owner_id == user.pk
