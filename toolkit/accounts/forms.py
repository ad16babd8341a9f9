"""Account forms: sign-in with throttling, sign-up, profile."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, UserCreationForm
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from catalog.models import LearnerLevel, Topic
from toolkit.emails import send_email
from toolkit.forms import ModelMultipleChoiceField

from . import throttle
from .permissions import CONTRIBUTOR

User = get_user_model()


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": (
            "Too many failed sign-in attempts. Please wait a few minutes, or reset your password."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "User name or e-mail"
        self.fields["username"].widget.attrs["autocomplete"] = "username"

    def clean(self):
        username = self.data.get("username", "")
        if throttle.is_locked(self.request, username):
            raise ValidationError(self.error_messages["locked"], code="locked")
        try:
            cleaned = super().clean()
        except ValidationError:
            throttle.record_failure(self.request, username)
            raise
        throttle.reset(self.request, username)
        return cleaned


class ThrottledPasswordResetForm(PasswordResetForm):
    """Django's, sending so many links an hour to one address (and from one client),
    through the outbox like every other e-mail (toolkit.emails, toolkit.mail)."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_email(self):
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
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """Queue the `password_reset` message; its link is built on TOOLKIT_SITE_URL."""
        send_email(
            "password_reset",
            to_email,
            {"user": context["user"], "uid": context["uid"], "token": context["token"]},
        )


class UniqueEmailMixin:
    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
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

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.fields["email"].required = True
        self.fields["display_name"].required = True

    def clean(self):
        if not throttle.signup_allowed(self.request):
            raise ValidationError(
                "Too many accounts have been created from your network in the last hour. "
                "Please try again later.",
                code="throttled",
            )
        return super().clean()

    def save(self, commit=True):
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
        )
        widgets = {
            "conflict_institutions": forms.Textarea(attrs={"rows": 3}),
            "conflict_people": forms.Textarea(attrs={"rows": 3}),
        }
