"""Factory functions for test data. Plain functions: explicit and easy to read."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "correct-horse-battery-staple"
_seq = itertools.count(1)


def user(username=None, *, roles=("contributor",), password=PASSWORD, **fields):
    """A user with the given role groups; the password is PASSWORD unless given."""
    username = username or f"user{next(_seq)}"
    fields.setdefault("email", f"{username}@example.org")
    fields.setdefault("display_name", username.title())
    account = get_user_model().objects.create_user(username=username, password=password, **fields)
    account.groups.set(Group.objects.filter(name__in=roles))
    return account
