"""Personal API tokens: `Authorization: Token <key>` (DESIGN §10), the key stored hashed.

A key is 32 random bytes (secrets.token_urlsafe), shown to its owner once. The database
keeps its SHA-256 digest only, so a leaked database or backup holds no usable token. A
request's key is hashed and looked up by that digest through a unique index: no key is ever
compared character by character, so response times say nothing about stored keys.
(A fast hash is enough: the key has 256 bits of entropy, not a password's few.)

Tokens are revoked when the password changes or the account is deactivated
(accounts.models.User.save), and refused for an inactive account in any case.
"""

import hashlib
import secrets

from django.utils import timezone
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from .models import ApiToken, User
from .permissions import can_manage_token


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_token(user: User) -> str:
    """Replace the user's token with a new one and return its key, which is stored nowhere.
    Any active account may (PermissionError otherwise)."""
    if not can_manage_token(user):
        raise PermissionError("Only an active account may hold an API token.")
    key = secrets.token_urlsafe(32)
    ApiToken.objects.update_or_create(
        user=user, defaults={"digest": digest(key), "created": timezone.now()}
    )
    return key


def revoke_token(user: User) -> bool:
    """Delete the user's token; True if there was one. Anyone may revoke their own."""
    deleted, _ = ApiToken.objects.filter(user=user).delete()
    return bool(deleted)


class HashedTokenAuthentication(TokenAuthentication):
    """DRF's token header (keyword `Token`), checked against the stored digests."""

    model = ApiToken

    def authenticate_credentials(self, key: str) -> tuple[User, ApiToken]:
        token = ApiToken.objects.select_related("user").filter(digest=digest(key)).first()
        if token is None:
            raise AuthenticationFailed("Invalid token.")
        if not token.user.is_active:
            raise AuthenticationFailed("User inactive or deleted.")
        return (token.user, token)
