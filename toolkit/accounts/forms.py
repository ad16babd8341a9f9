"""Account forms: sign-in and password change with throttling, sign-up, profile."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, UserCreationForm
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.http import HttpRequest

from catalog.models import LearnerLevel, Topic
from toolkit.emails import send_email
from toolkit.forms import ModelMultipleChoiceField

from . import throttle
from .backends import find_account
from .permissions import CONTRIBUTOR
from .validators import normalize_email

if TYPE_CHECKING:  # the mixins' places among a form's bases, for the type checker only
    _AuthenticationForm = AuthenticationForm
    _ModelForm = forms.ModelForm[Any]
else:
    _AuthenticationForm = _ModelForm = object

User = get_user_model()


LOCKED_MESSAGE = (
    "Too many failed sign-in attempts. Please wait a few minutes, or reset your password."
)


def locked_error(
    request: HttpRequest | None, username: str, account: Any = None
) -> ValidationError | None:
    """The one answer of a locked account or client, whatever password was typed."""
    if throttle.sign_in_locked(request, username, account or find_account(username)):
        return ValidationError(LOCKED_MESSAGE, code="locked")
    return None


class LockedMessageMixin(_AuthenticationForm):
    """An authentication form that says so when the sign-in throttle refused (the backend
    refuses; this only replaces "wrong password" with the pause's message)."""

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except ValidationError:
            if error := locked_error(self.request, self.data.get("username", "")):
                raise error from None
            raise


class LoginForm(LockedMessageMixin, AuthenticationForm):
    def __init__(self, request: HttpRequest | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "User name or e-mail"
        self.fields["username"].widget.attrs["autocomplete"] = "username"


class AdminLoginForm(LockedMessageMixin, AdminAuthenticationForm):
    """The admin's sign-in, with the same throttle message."""


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's, checking the current password through the sign-in backend, so that a
    borrowed session cannot guess it without limit."""

    def __init__(self, *args: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_old_password(self) -> str:
        old_password = self.cleaned_data["old_password"]
        if authenticate(self.request, account=self.user, password=old_password) is None:
            name = self.user.get_username()
            raise locked_error(self.request, name, self.user) or ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password


class AdminPasswordChangeForm(PasswordChangeForm):
    """The admin's own password change (its template marks required fields)."""

    required_css_class = "required"


class ThrottledPasswordResetForm(PasswordResetForm):
    """Django's, sending so many links an hour to one address (and from one client),
    through the outbox like every other e-mail (toolkit.emails, toolkit.mail)."""

    def __init__(self, *args: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        # Counted whether or not an account has this address, so the answer reveals nothing.
        if not throttle.password_reset_allowed(self.request, email):
            raise ValidationError(
                "Too many reset links have been asked for in the last hour. "
                "Please check your inbox, or try again later.",
                code="throttled",
            )
        return email

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        """Queue the `password_reset` message; its link is built on TOOLKIT_SITE_URL."""
        send_email(
            "password_reset",
            to_email,
            {"user": context["user"], "uid": context["uid"], "token": context["token"]},
        )


class UniqueEmailMixin(_ModelForm):
    def clean_email(self) -> str:
        email = normalize_email(self.cleaned_data["email"])
        others = User.objects.filter(email__iexact=email)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError("An account with this e-mail address already exists.")
        return email


class SignupForm(UniqueEmailMixin, UserCreationForm):
    class Meta:
        model = User
        fields = ("username", "email", "display_name", "affiliation", "orcid")
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email"})}

    def __init__(self, *args: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request
        self.fields["email"].required = True
        self.fields["display_name"].required = True

    def full_clean(self) -> None:
        """Once the address is over its hour's sign-ups or refusals, answer only that: no
        field is checked, so the form cannot tell which names or addresses are taken."""
        if self.is_bound and not throttle.signup_allowed(self.request):
            self._errors = ErrorDict()
            self.cleaned_data = {}
            self.add_error(
                None,
                ValidationError(
                    "Too many sign-up attempts have come from your network in the last hour. "
                    "Please try again later.",
                    code="throttled",
                ),
            )
            return
        super().full_clean()

    def save(self, commit: bool = True) -> Any:
        user = super().save(commit=commit)
        if commit:
            user.groups.add(Group.objects.get(name=CONTRIBUTOR))
        return user


class ProfileForm(UniqueEmailMixin, forms.ModelForm):
    expertise_levels = ModelMultipleChoiceField(
        queryset=LearnerLevel.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Learner levels I can review for",
    )
    expertise_topics = ModelMultipleChoiceField(
        queryset=Topic.objects.active(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Topics I can review",
    )

    class Meta:
        model = User
        fields = (
            "display_name",
            "email",
            "affiliation",
            "orcid",
            "expertise_levels",
            "expertise_topics",
            "conflict_institutions",
            "conflict_people",
            "thanked_publicly",
        )
        widgets = {
            "conflict_institutions": forms.Textarea(attrs={"rows": 3}),
            "conflict_people": forms.Textarea(attrs={"rows": 3}),
        }
