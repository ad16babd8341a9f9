"""Domain errors shared by services, pages and the API.

- `Conflict` (409): the object is in the wrong state, or another request won a race.
- django.core.exceptions.PermissionDenied (403), django.http.Http404 (404) and
  django.core.exceptions.ValidationError (400) are used as they are;
  `validation_payload` gives a ValidationError's messages in DRF's shape (API and JSON pages).
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class Conflict(Exception):
    """The action is not possible in the object's current state (HTTP 409)."""

    code = "transition_not_allowed"

    def __init__(
        self, detail: str, *, state: str | None = None, code: str | None = None, **extra: object
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.state = state
        self.extra = extra  # more facts for the client, e.g. the current version of a draft
        if code:
            self.code = code

    def as_dict(self) -> dict:
        return {"detail": self.detail, "code": self.code, "state": self.state, **self.extra}


def validation_payload(error: ValidationError) -> dict:
    """Field messages of a Django ValidationError, in DRF's shape."""
    if hasattr(error, "error_dict"):
        return {
            ("non_field_errors" if field == NON_FIELD_ERRORS else field): messages
            for field, messages in error.message_dict.items()
        }
    return {"non_field_errors": error.messages}
