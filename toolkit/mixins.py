"""View mixins shared by every app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.views.generic.base import ContextMixin

if TYPE_CHECKING:  # the mixins' places among a view's bases, for the type checker only
    from django.views.generic.edit import FormMixin, ModelFormMixin, ProcessFormView

    class _FormView(FormMixin[Any], ProcessFormView): ...

    class _ModelFormView(ModelFormMixin[Any, Any], ProcessFormView):
        object: Any
else:
    _FormView = _ModelFormView = object


class BadRequestOnInvalidFormMixin(_FormView):
    """Re-render an invalid form with status 400: bad input is a client error."""

    def form_invalid(self, form: BaseForm) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class UniqueRaceMixin(_ModelFormView):
    """A unique value (a user name, an e-mail address) that the form found free but that a
    simultaneous request took before this one saved: the form again with the field's own
    message (400), as if it had been taken before, instead of an IntegrityError (500)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            with transaction.atomic():
                return super().post(request, *args, **kwargs)
        except IntegrityError:
            instance = getattr(self, "object", None)
            if instance is not None and instance.pk:
                instance.refresh_from_db()  # the failed save changed it in memory
            again = self.get_form()  # validated afresh: now it sees the value taken
            if again.is_valid():
                raise
            return self.form_invalid(again)


class SiteNameMixin(ContextMixin):
    """The site's configured name as `site_name`, for Django's sign-in and sign-out views.

    Without the sites framework they put `site_name` = the request's host (a RequestSite)
    into their context, which would shadow the context processor's name on the page.
    """

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["site_name"] = settings.TOOLKIT_SITE_NAME
        return context
