"""View mixins shared by every app."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction


class BadRequestOnInvalidFormMixin:
    """Re-render an invalid form with status 400: bad input is a client error."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class UniqueRaceMixin:
    """A unique value (a user name, an e-mail address) that the form found free but that a
    simultaneous request took before this one saved: the form again with the field's own
    message (400), as if it had been taken before, instead of an IntegrityError (500)."""

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():
                return super().post(request, *args, **kwargs)
        except IntegrityError:
            if getattr(self, "object", None) is not None and self.object.pk:
                self.object.refresh_from_db()  # the failed save changed it in memory
            again = self.get_form()  # validated afresh: now it sees the value taken
            if again.is_valid():
                raise
            return self.form_invalid(again)


class SiteNameMixin:
    """The site's configured name as `site_name`, for Django's sign-in and sign-out views.

    Without the sites framework they put `site_name` = the request's host (a RequestSite)
    into their context, which would shadow the context processor's name on the page.
    """

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["site_name"] = settings.TOOLKIT_SITE_NAME
        return context
