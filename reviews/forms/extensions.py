"""More time for a review: the reviewer's request, and the note an editor may add to a refusal.
The bounds (after the due date, at most TOOLKIT_EXTENSION_MAX_DAYS later) are the service's;
the date picker only offers them."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django import forms

from ..services.extensions import NOTE_LIMIT, REASON_LIMIT, latest_date
from .editor import DATE_WIDGET

if TYPE_CHECKING:
    from ..models import ExtensionRequest, ReviewAssignment


class ExtensionForm(forms.Form):
    requested_due = forms.DateField(
        label="New due date",
        widget=DATE_WIDGET,
        error_messages={"required": "Give the new date you need.", "invalid": "Enter a date."},
    )
    reason = forms.CharField(
        label="Why you need more time",
        help_text="Only the editors read this.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_LIMIT,
        error_messages={"required": "Say why you need more time."},
    )

    def __init__(self, *args: Any, assignment: ReviewAssignment, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        earliest, latest = assignment.review_due + timedelta(days=1), latest_date(assignment)
        self.fields[
            "requested_due"
        ].help_text = (
            f"After {assignment.review_due:%-d %B %Y}, and no later than {latest:%-d %B %Y}."
        )
        self.fields["requested_due"].widget.attrs.update(
            {"min": earliest.isoformat(), "max": latest.isoformat()}
        )


class RefuseExtensionForm(forms.Form):
    note = forms.CharField(
        label="Note to the reviewer (optional)",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=NOTE_LIMIT,
        required=False,
    )

    def __init__(self, *args: Any, extension: ExtensionRequest, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_refuse_{extension.uuid}_%s")
        super().__init__(*args, **kwargs)
