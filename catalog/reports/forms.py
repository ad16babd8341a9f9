"""Forms of the report pages. They parse and label input; the rules (who, when, limits) live
in catalog.reports.services, whose ValidationErrors land on these forms."""

from __future__ import annotations

from typing import Any

from django import forms

from catalog.models import LearnerLevel

from .models import GROUP_SIZE_MAX, REASON_MAX, TEXT_MAX

MARKDOWN_HELP = "Plain text, or Markdown (links, lists, emphasis)."
RATINGS = [
    ("", "No rating"),
    ("1", "1 – not useful"),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", "5 – very useful"),
]


class ReportForm(forms.Form):
    """Post or edit an implementation report."""

    learner_level = forms.ModelChoiceField(
        label="Learners",
        queryset=LearnerLevel.objects.none(),
        to_field_name="slug",
        empty_label="Choose their level",
    )
    group_size = forms.IntegerField(
        label="Group size",
        min_value=1,
        max_value=GROUP_SIZE_MAX,
        help_text="How many learners took part.",
    )
    changes = forms.CharField(
        label="What you changed",
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=f"Optional: timing, cases, who facilitated. {MARKDOWN_HELP}",
    )
    outcome = forms.CharField(
        label="How it went",
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=MARKDOWN_HELP,
    )
    rating = forms.ChoiceField(
        label="How useful was it?",
        choices=RATINGS,
        required=False,
        widget=forms.RadioSelect,
        help_text="Optional, from 1 (not useful) to 5 (very useful).",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        levels = LearnerLevel.objects.active().order_by("position", "name")
        self.fields["learner_level"].queryset = levels  # type: ignore[attr-defined]

    def service_data(self) -> dict[str, Any]:
        """What the services take: the level's slug, the numbers and texts as given."""
        data = dict(self.cleaned_data)
        level = data.get("learner_level")
        data["learner_level"] = level.slug if level else ""
        return data

    @classmethod
    def for_report(cls, report: Any) -> ReportForm:
        return cls(
            initial={
                "learner_level": report.learner_level.slug,
                "group_size": report.group_size,
                "changes": report.changes,
                "outcome": report.outcome,
                "rating": str(report.rating or ""),
            }
        )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason (sent to the reporter)",
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="Your answer",
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"Shown at once under the report, under your name; once only. {MARKDOWN_HELP}",
    )
