"""Sign in with a user name or an e-mail address, through the sign-in throttle.

This backend is the only place a password is checked (the sign-in page, the admin's, the
password-change form and any API authentication that takes a password all call
`django.contrib.auth.authenticate`), so the lockout cannot be side-stepped by another path.
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from . import throttle
from .models import User, account_with_roles


def find_account(name: str | None) -> User | None:
    """The account a typed sign-in name means, or None: by e-mail (any case) when it has an @,
    else by user name (exactly, then in any case: sign-up refuses names differing by case)."""
    name = (name or "").strip()
    if not name:
        return None
    users = get_user_model()._default_manager
    if "@" in name and (account := users.filter(email__iexact=name).first()):
        return account
    return users.filter(username=name).first() or users.filter(username__iexact=name).first()


class UsernameOrEmailBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        account: User | None = None,
        **kwargs: Any,
    ) -> User | None:
        """The account if the password is right and neither it nor the client is locked out;
        raises PermissionDenied while locked, so that no other backend is asked either.
        `account` instead of a name checks a known account's password (password change)."""
        if account is not None:
            username = account.get_username()
        elif username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        account = account or find_account(username)
        if throttle.sign_in_locked(request, username, account):
            raise PermissionDenied("Too many failed sign-in attempts.")
        user = self._check_password(account, password)
        if user is None:
            throttle.record_sign_in_failure(request, username, account)
        else:
            throttle.clear_sign_in_failures(username, account)
        return user

    def get_user(self, user_id: Any) -> User | None:
        """The signed-in account of a session, as ModelBackend finds it (None if it is gone
        or inactive), with its role names, in one statement (models.account_with_roles)."""
        user = account_with_roles(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    # ModelBackend's async twin would skip the throttle: run the one above instead.
    async def aauthenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        return await sync_to_async(self.authenticate)(request, username, password, **kwargs)

    def _check_password(self, account: User | None, password: str) -> User | None:
        if account is None:
            # Hash once anyway, so that an unknown name takes as long as a wrong password.
            get_user_model()().set_password(password)
            return None
        if account.check_password(password) and self.user_can_authenticate(account):
            return account
        return None
