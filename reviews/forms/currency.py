"""Forms of the currency re-review pages (reviews.views.currency)."""

from __future__ import annotations

from typing import Any

from django import forms

from ..choices import DeclineReason
from ..rubric import CURRENCY_ANSWERS, CURRENCY_CRITERIA
from ..suggestions import reviewer_pool
from .editor import DATE_WIDGET, ReviewerChoiceField

TEXT = 5000


class CurrencyInviteForm(forms.Form):
    reviewer = ReviewerChoiceField(
        queryset=reviewer_pool(),
        to_field_name="username",
        empty_label="Choose a reviewer",
        error_messages={"invalid_choice": "Choose a person who holds the reviewer role."},
    )
    response_due = forms.DateField(
        label="Answer the invitation by", widget=DATE_WIDGET, required=False
    )
    review_due = forms.DateField(label="Submit the review by", widget=DATE_WIDGET, required=False)
    message = forms.CharField(
        label="Personal message",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=TEXT,
        help_text="Optional. Added to the invitation e-mail.",
    )


class CurrencyAcceptForm(forms.Form):
    coi_declaration = forms.CharField(
        label="Conflicts of interest",
        help_text="Declare anything that could bias your review, or write “None”.",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=TEXT,
    )


class CurrencyDeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why are you declining?",
        choices=DeclineReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a reason."},
    )
    note = forms.CharField(
        label="Note to the editor",
        help_text="Required when you choose “Other reason”.",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=TEXT,
    )


class CurrencyRubricForm(forms.Form):
    """The four questions, each yes, no or concerns with a comment; the service checks them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, title, question in CURRENCY_CRITERIA:
            self.fields[f"{key}_answer"] = forms.ChoiceField(
                label=title,
                help_text=question,
                choices=CURRENCY_ANSWERS,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"{key}_comment"] = forms.CharField(
                label=f"{title}: comment",
                help_text="Required unless you answer yes.",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=TEXT,
            )
        self.fields["comments"] = forms.CharField(
            label="Other comments to the editor",
            widget=forms.Textarea(attrs={"rows": 3}),
            required=False,
            max_length=TEXT,
        )

    def answers(self) -> dict[str, dict[str, str]]:
        data = self.cleaned_data
        return {
            key: {
                "answer": data.get(f"{key}_answer") or "",
                "comment": data.get(f"{key}_comment") or "",
            }
            for key, _title, _question in CURRENCY_CRITERIA
        }


class RecertifyForm(forms.Form):
    note = forms.CharField(
        label="Note to the authors (optional)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=TEXT,
    )


class RequestUpdateForm(forms.Form):
    letter = forms.CharField(
        label="Letter to the authors: what to update",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=TEXT,
    )


class RetireForm(forms.Form):
    reason = forms.CharField(
        label="Reason (shown on the resource's page)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT,
    )


DECISION_FORMS: dict[str, type[forms.Form]] = {
    "recertify": RecertifyForm,
    "request_update": RequestUpdateForm,
    "retire": RetireForm,
}


class ReviewByForm(forms.Form):
    review_by = forms.DateField(
        label="Next currency review due", widget=DATE_WIDGET, help_text="From today on."
    )
