"""Reviewer page forms: answer an invitation, and the rubric (DESIGN §5, §6).

The forms only shape and check what was typed; the services decide. Rubric field
names are the keys the engine reports errors under ("objectives.score",
"evaluation.implemented", "compliance.rights", "recommendation", …), so a
service's ValidationError lands next to the right field.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.http import QueryDict

from ..choices import DeclineReason, Recommendation
from ..rubric import ANCHORS, CRITERIA, MAX_TEXT, SCALE, TEXT_KEYS
from ..services.actions import ASSIGNMENT_ACTIONS, text_limit

if TYPE_CHECKING:
    from ..models import Review

YES_NO = [("yes", "Yes"), ("no", "No")]
# Each button says its score and the scale's word for it ("4 – Strong"); the full descriptors
# are shown once above the rubric ("The scale") and per criterion on demand.
SCORE_CHOICES = [(str(score), f"{score} – {ANCHORS[score].split(':')[0]}") for score in SCALE]
SCORE_MESSAGE = "Choose a score from 1 to 5."
YES_NO_MESSAGE = "Answer yes or no."
TEXT_LABELS = {"strengths": "Strengths", "concerns": "Concerns"}
OUT_OF_DATE = (
    "This page was out of date, so your text was not saved. It is kept below: save again to "
    "replace the saved draft with it, or reload the page to see the saved draft."
)
VERSION_MESSAGES = {"required": OUT_OF_DATE, "invalid": OUT_OF_DATE, "min_value": OUT_OF_DATE}


class AcceptForm(forms.Form):
    coi_declaration = forms.CharField(
        label="Conflicts of interest",
        help_text=(
            "Declare anything that could bias your review (financial, professional or "
            "personal), or write “None”."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=text_limit(ASSIGNMENT_ACTIONS, "accept", "coi_declaration"),
    )


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why are you declining?",
        choices=DeclineReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a reason.",
            "invalid_choice": "Choose one of the reasons listed.",
        },
    )
    note = forms.CharField(
        label="Note to the editor",
        help_text="Required when you choose “Other reason”.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=text_limit(ASSIGNMENT_ACTIONS, "decline", "note"),
    )
    suggestion = forms.CharField(
        label="Suggest another reviewer (optional)",
        help_text="A name and, if you know it, an e-mail address.",
        required=False,
        max_length=text_limit(ASSIGNMENT_ACTIONS, "decline", "suggestion"),
    )


def _yes_no(value: object) -> str | None:
    """A stored yes/no answer (True, False or missing) as the radio value."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return None


class ReviewForm(forms.Form):
    """The 12 rubric criteria, the recommendation and the comments. Nothing is required here:
    a draft may be partial; `services.complete_review` says what a submission still lacks."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plain_messages: dict[str, str] = {}
        for criterion in CRITERIA:
            n = criterion.number
            if criterion.gate:
                self._radio(f"{criterion.key}.implemented", criterion.gate, YES_NO, YES_NO_MESSAGE)
            if criterion.scored:
                self._radio(
                    f"{criterion.key}.score",
                    f"Score for criterion {n}",
                    SCORE_CHOICES,
                    SCORE_MESSAGE,
                    help_text=(
                        "Not needed if the resource has not been implemented with learners."
                        if criterion.gate
                        else ""
                    ),
                )
            for gate_key, label in criterion.gates:
                self._radio(
                    f"{criterion.key}.{gate_key}", label.rstrip("."), YES_NO, YES_NO_MESSAGE
                )
            for text_key in TEXT_KEYS:
                self.fields[f"{criterion.key}.{text_key}"] = forms.CharField(
                    label=f"{TEXT_LABELS[text_key]} (criterion {n})",
                    required=False,
                    max_length=MAX_TEXT,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
        self._radio(
            "recommendation",
            "Your recommendation",
            Recommendation.choices,
            "Choose one of the recommendations listed.",
        )
        self.fields["comments_to_authors"] = forms.CharField(
            label="Comments to the authors",
            help_text=(
                "The authors read these, without your name. Do not identify yourself; "
                "be specific and constructive."
            ),
            required=False,
            widget=forms.Textarea(attrs={"rows": 8}),
        )
        self.fields["confidential_comments"] = forms.CharField(
            label="Confidential comments to the editor (optional)",
            help_text="Only the editors read these.",
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
        self.fields["version"] = forms.IntegerField(
            min_value=0, widget=forms.HiddenInput, error_messages=VERSION_MESSAGES
        )

    def _radio(
        self,
        name: str,
        label: str,
        choices: Sequence[tuple[str, str]],
        message: str,
        help_text: str = "",
    ) -> None:
        self.plain_messages[name] = message
        self.fields[name] = forms.ChoiceField(
            label=label,
            choices=choices,
            required=False,
            widget=forms.RadioSelect,
            help_text=help_text,
            error_messages={"invalid_choice": message},
        )

    def add_error(self, field: str | None, error: Any) -> None:
        """One plain message per rubric control: its label already says which one it is.
        The hidden draft version has no label: its message is the form's."""
        if field in self.plain_messages:
            error = self.plain_messages[field]
        super().add_error(None if field == "version" else field, error)

    @classmethod
    def initial_for(cls, review: Review | None) -> dict[str, object]:
        """The form's initial values from a saved (draft) review."""
        if review is None:
            return {"version": 0}
        initial: dict[str, object] = {
            "version": review.version,
            "recommendation": review.recommendation,
            "comments_to_authors": review.comments_to_authors,
            "confidential_comments": review.confidential_comments,
        }
        for criterion in CRITERIA:
            entry = (review.answers or {}).get(criterion.key, {})
            if criterion.scored and entry.get("score") is not None:
                initial[f"{criterion.key}.score"] = str(entry["score"])
            if criterion.gate:
                initial[f"{criterion.key}.implemented"] = _yes_no(entry.get("implemented"))
            for gate_key, _label in criterion.gates:
                initial[f"{criterion.key}.{gate_key}"] = _yes_no(entry.get(gate_key))
            for text_key in TEXT_KEYS:
                initial[f"{criterion.key}.{text_key}"] = entry.get(text_key, "")
        return initial

    def version_is_clean(self) -> bool:
        """Whether the posted form said which draft version it was based on."""
        self.is_valid()
        return "version" in self.cleaned_data

    def rebase(self, version: int) -> None:
        """Show the posted text on top of saved draft `version`, so that saving it again
        replaces that version (after a save refused as stale or out of date)."""
        posted = cast(QueryDict, self.data).copy()  # a request's POST, or a test's dict
        posted["version"] = str(version)
        self.data = posted

    def draft(self) -> dict[str, Any]:
        """The keyword arguments of services.save_review_draft, from a valid form."""
        data = self.cleaned_data
        answers: dict[str, dict[str, object]] = {}
        for criterion in CRITERIA:
            names = [f"{criterion.key}.{t}" for t in TEXT_KEYS]
            if criterion.scored:
                names.append(f"{criterion.key}.score")
            if criterion.gate:
                names.append(f"{criterion.key}.implemented")
            names += [f"{criterion.key}.{gate_key}" for gate_key, _label in criterion.gates]
            answers[criterion.key] = {
                name.split(".", 1)[1]: data.get(name) or None for name in names
            }
        return {
            "version": data["version"],
            "answers": answers,
            "recommendation": data.get("recommendation") or "",
            "comments_to_authors": data.get("comments_to_authors") or "",
            "confidential_comments": data.get("confidential_comments") or "",
        }

    def criteria(self) -> list[dict[str, object]]:
        """Per criterion, in order: the criterion and its bound fields, for the template."""
        rows = []
        for criterion in CRITERIA:
            prefix = f"{criterion.key}."
            rows.append(
                {
                    "criterion": criterion,
                    "choices": [
                        self[name]
                        for name in self.fields
                        if name.startswith(prefix) and name.split(".", 1)[1] not in TEXT_KEYS
                    ],
                    "texts": [self[prefix + text_key] for text_key in TEXT_KEYS],
                }
            )
        return rows

    def closing_fields(self) -> list[forms.BoundField]:
        """The recommendation and the comments, after the criteria."""
        return [
            self[name]
            for name in ("recommendation", "comments_to_authors", "confidential_comments")
        ]
