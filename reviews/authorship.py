"""Which accounts are authors: co-authors are linked to accounts by e-mail address.

A SubmissionAuthor's `user` is the account whose e-mail address matches the author's,
compared after normalising both: spaces trimmed, Unicode NFKC, case folded, and a
"+tag" after the local part ignored (alice+toolkit@uni.edu is alice@uni.edu, the
same mailbox wherever sub-addressing exists). Ignoring the tag can only link more
people, and a link only ever takes something away: a linked author may not review the
submission or handle it as an editor (permissions.is_author), and sees no more than
before (anonymity.Viewer.role), since e-mail addresses on accounts are not verified.

The link is kept current whenever an author row is saved (the byline, an admin edit),
when a submission is submitted, and whenever an account is saved with a new e-mail
address or created (post_save). Deactivating an account keeps its links: they give
nothing to an inactive account, and stand again if it is reactivated. Bulk updates
(`QuerySet.update`) bypass the signals; `relink_submission` or the data migration
put such rows right.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.signals import post_save, pre_save

from toolkit.accounts.models import User
from toolkit.accounts.validators import email_key, normalize_email

from .models import Submission, SubmissionAuthor


def _same_address(address: str) -> Q:
    """Stored addresses (NFKC, lower case) that may have the same key; email_key decides."""
    key = email_key(address)
    local, _, domain = key.rpartition("@")
    return Q(email__in={key, normalize_email(address)}) | Q(
        email__startswith=f"{local}+", email__endswith=f"@{domain}"
    )


def account_for(address: str) -> User | None:
    """The account with this e-mail address (see email_key), or None."""
    key = email_key(address)
    if "@" not in key:
        return None
    candidates = get_user_model().objects.filter(_same_address(address)).order_by("pk")
    matches = [user for user in candidates if email_key(user.email) == key]
    exact = [user for user in matches if user.email == normalize_email(address)]
    found = exact or matches
    return found[0] if found else None


def relink_submission(submission: Submission) -> None:
    """Link every author row of the submission to the account its e-mail names (or none)."""
    for author in submission.authors.all():
        account = account_for(author.email)
        if author.user_id != getattr(account, "pk", None):
            SubmissionAuthor.objects.filter(pk=author.pk).update(user=account)


def relink_account(user: User) -> None:
    """After an account is saved: link the author rows with its address, and give the rows
    it no longer matches to whichever account does (usually none)."""
    key = email_key(user.email)
    candidates: Iterable[SubmissionAuthor] = (
        SubmissionAuthor.objects.filter(_same_address(user.email)) if "@" in key else []
    )
    mine = [author.pk for author in candidates if email_key(author.email) == key]
    SubmissionAuthor.objects.filter(pk__in=mine).exclude(user=user).update(user=user)
    for author in SubmissionAuthor.objects.filter(user=user).exclude(pk__in=mine):
        author.user = account_for(author.email)
        author.save(update_fields=["user"])


def _author_saved(
    sender: type[SubmissionAuthor],
    instance: SubmissionAuthor,
    raw: bool = False,
    update_fields: Iterable[str] | None = None,
    **kwargs: Any,
) -> None:
    """Before an author row is saved whole: store its address normalised, link its account."""
    if raw or update_fields is not None:
        return
    instance.email = normalize_email(instance.email)
    instance.user = account_for(instance.email)


def _account_saved(
    sender: type[User],
    instance: User,
    raw: bool = False,
    update_fields: Iterable[str] | None = None,
    **kwargs: Any,
) -> None:
    """After an account is created, or saved with its e-mail address: relink author rows."""
    if raw or (update_fields is not None and "email" not in update_fields):
        return
    relink_account(instance)


def connect() -> None:
    """Called once from ReviewsConfig.ready."""
    pre_save.connect(_author_saved, sender=SubmissionAuthor, dispatch_uid="reviews-author-link")
    post_save.connect(
        _account_saved, sender=get_user_model(), dispatch_uid="reviews-account-relink"
    )
