"""View mixins shared by every app."""

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
