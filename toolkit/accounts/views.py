"""Account pages: sign-up, profile, personal API token."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.messages.views import SuccessMessageMixin
from django.core.exceptions import PermissionDenied
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import CreateView, TemplateView, UpdateView

from toolkit.mixins import BadRequestOnInvalidFormMixin, SiteNameMixin, UniqueRaceMixin

from . import throttle, tokens
from .forms import (
    AdminPasswordChangeForm,
    LoginForm,
    PasswordChangeForm,
    ProfileForm,
    SignupForm,
    ThrottledPasswordResetForm,
)
from .models import ApiToken, User

if TYPE_CHECKING:  # the mixin's place among a view's bases, for the type checker only
    from django.views.generic.edit import FormMixin

    _FormView = FormMixin[Any]
else:
    _FormView = object


def _account(request: HttpRequest) -> User:
    """The signed-in account of a view behind LoginRequiredMixin."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


class LoginView(SiteNameMixin, BadRequestOnInvalidFormMixin, auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(SiteNameMixin, auth_views.LogoutView):
    pass


class RequestFormKwargsMixin(_FormView):
    """Give the form the request (the throttles count per client address)."""

    request: HttpRequest

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "request": self.request}


class PasswordChangeView(
    BadRequestOnInvalidFormMixin,
    RequestFormKwargsMixin,
    SuccessMessageMixin,
    auth_views.PasswordChangeView,
):
    form_class = PasswordChangeForm
    template_name = "accounts/form_page.html"
    success_url = reverse_lazy("accounts:profile")
    success_message = "Your password was changed."
    extra_context = {"title": "Change your password", "submit_label": "Change password"}


class AdminPasswordChangeView(RequestFormKwargsMixin, auth_views.PasswordChangeView):
    """/admin/password_change/ (toolkit.accounts.admin_site), with the throttled form."""

    form_class = AdminPasswordChangeForm


class PasswordResetView(
    BadRequestOnInvalidFormMixin, RequestFormKwargsMixin, auth_views.PasswordResetView
):
    form_class = ThrottledPasswordResetForm
    template_name = "accounts/form_page.html"
    success_url = reverse_lazy("accounts:password_reset_done")
    extra_context = {
        "title": "Reset your password",
        "intro": "Enter the e-mail address of your account and we will send you a link.",
        "submit_label": "Send the link",
    }

    def form_valid(self, form: ThrottledPasswordResetForm) -> HttpResponse:
        throttle.record_password_reset(self.request, form.cleaned_data["email"])
        return super().form_valid(form)


class PasswordResetConfirmView(BadRequestOnInvalidFormMixin, auth_views.PasswordResetConfirmView):
    template_name = "accounts/form_page.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    extra_context = {"title": "Choose a new password", "submit_label": "Save password"}


class SignupView(UniqueRaceMixin, BadRequestOnInvalidFormMixin, RequestFormKwargsMixin, CreateView):
    form_class = SignupForm
    template_name = "accounts/signup.html"
    success_url = reverse_lazy("home")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            return redirect("accounts:profile")
        return super().dispatch(request, *args, **kwargs)

    def form_invalid(self, form: BaseForm) -> HttpResponse:
        throttle.record_failed_signup(self.request)
        return super().form_invalid(form)

    def form_valid(self, form: SignupForm) -> HttpResponse:
        response = super().form_valid(form)
        throttle.record_signup(self.request)
        login(self.request, self.object, backend="toolkit.accounts.backends.UsernameOrEmailBackend")
        messages.success(
            self.request,
            "Welcome! Your account is ready. You can now submit a teaching resource.",
        )
        return response


class ProfileView(
    LoginRequiredMixin,
    UniqueRaceMixin,
    BadRequestOnInvalidFormMixin,
    SuccessMessageMixin,
    UpdateView,
):
    form_class = ProfileForm
    template_name = "accounts/profile.html"
    success_url = reverse_lazy("accounts:profile")
    success_message = "Your profile was saved."

    def get_object(self, queryset: object = None) -> User:
        return _account(self.request)


class TokenView(LoginRequiredMixin, TemplateView):
    """The personal token: whether there is one and when it was made (never its key)."""

    template_name = "accounts/token.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["token"] = ApiToken.objects.filter(user=_account(self.request)).first()
        return context


@method_decorator(never_cache, name="dispatch")
class TokenCreateView(TokenView):
    """POST only: replace any token with a new one, and show its key this once (the answer
    is not cached; the key is stored only as a digest)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        key = tokens.issue_token(_account(request))
        messages.success(
            request, "A new API token was created. Any previous token no longer works."
        )
        return self.render_to_response(self.get_context_data(new_key=key))


class TokenRevokeView(LoginRequiredMixin, View):
    """POST only: revoke the personal token."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        revoked = tokens.revoke_token(_account(request))
        messages.success(
            request, "Your API token was revoked." if revoked else "You had no API token."
        )
        return redirect("accounts:token")
