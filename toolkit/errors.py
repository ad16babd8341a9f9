"""Domain errors shared by services, pages and the API.

- `Conflict` (409): the object is in the wrong state, or another request won a race.
- django.core.exceptions.PermissionDenied (403), django.http.Http404 (404) and
  django.core.exceptions.ValidationError (400) are used as they are.
"""


class Conflict(Exception):
    """The action is not possible in the object's current state (HTTP 409)."""

    code = "transition_not_allowed"

    def __init__(self, detail: str, *, state: str | None = None, code: str | None = None, **extra):
        super().__init__(detail)
        self.detail = detail
        self.state = state
        self.extra = extra  # more facts for the client, e.g. the current version of a draft
        if code:
            self.code = code

    def as_dict(self) -> dict:
        return {"detail": self.detail, "code": self.code, "state": self.state, **self.extra}
