"""View mixins shared by every app."""


class BadRequestOnInvalidFormMixin:
    """Re-render an invalid form with status 400: bad input is a client error."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response
