"""Editor desk forms: queue filters, invitations, decisions, cancelling an assignment.

Forms only parse and label input; the rules (who may, which state, what is required
beyond presence) live in reviews.services, whose ValidationErrors land on these forms.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.utils import timezone

from catalog.models import LearnerLevel, Stage

from .. import letters
from ..desk import SECTIONS
from ..services.actions import ASSIGNMENT_ACTIONS, SUBMISSION_ACTIONS, text_limit
from ..suggestions import Suggestion, not_offered, reviewer_pool

if TYPE_CHECKING:
    from toolkit.accounts.models import User

    from ..models import ReviewAssignment, Submission

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class QueueFilterForm(forms.Form):
    """GET filters of /editor/: one state section, learner levels (any of), a stage."""

    state = forms.ChoiceField(
        label="State",
        choices=[("", "All sections"), *[(s.key, s.title) for s in SECTIONS]],
        required=False,
    )
    stage = forms.ChoiceField(
        label="Stage", choices=[("", "Any stage"), *Stage.choices], required=False
    )
    level = forms.ModelMultipleChoiceField(
        label="Learner level",
        queryset=LearnerLevel.objects.active(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Shows submissions for any of the levels ticked.",
    )

    def filters(self) -> dict:
        """Keyword arguments for reviews.desk.queue (empty when the form is invalid)."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"state": data["state"], "stage": data["stage"], "levels": list(data["level"])}


class ReviewerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        affiliation = f" ({obj.affiliation})" if obj.affiliation else ""
        return f"{obj.display_name or obj.username}{affiliation}"


class InviteForm(forms.Form):
    """Invite a reviewer to the open round; empty due dates take the settings' defaults."""

    name = "invite"
    label = "Inviting a reviewer"

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
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Optional. Added to the invitation e-mail.",
    )

    def __init__(
        self,
        *args: Any,
        submission: Submission | None = None,
        suggestions: list[Suggestion] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("auto_id", "id_invite_%s")
        super().__init__(*args, **kwargs)
        if submission is not None and not self.is_bound:
            # Only for the choices shown: a posted choice goes to the service, which says why not.
            left_out = not_offered(submission, suggestions)
            field = self.fields["reviewer"]
            if isinstance(field, ReviewerChoiceField) and field.queryset is not None:
                left = [person.pk for person, _ in left_out]
                field.queryset = field.queryset.exclude(pk__in=left)
            if left_out:
                field.help_text = "Not offered: " + "; ".join(
                    f"{person.display_name or person.username} ({why})" for person, why in left_out
                )
        response_due = timezone.localdate() + timedelta(days=settings.TOOLKIT_RESPONSE_DUE_DAYS)
        self.fields["response_due"].initial = response_due
        self.fields["review_due"].initial = response_due + timedelta(
            days=settings.TOOLKIT_REVIEW_DUE_DAYS
        )


class CancelAssignmentForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=text_limit(ASSIGNMENT_ACTIONS, "cancel", "reason"),
        required=False,
        help_text="Optional. Kept in the timeline for the editors.",
    )

    label = "Cancelling the assignment"

    def __init__(self, *args: Any, assignment: ReviewAssignment, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_cancel_{assignment.uuid}_%s")
        super().__init__(*args, **kwargs)
        self.name = f"cancel-{assignment.uuid}"


# --- decisions ------------------------------------------------------------------


class DecisionForm(forms.Form):
    """One submission transition. Subclasses name it, label it and list its fields."""

    name = ""
    label = ""
    hint = ""
    confirm = ""  # a confirmation step for destructive decisions
    success = ""
    letter_kind = ""  # prefill `letter` with letters.draft_letter(submission, kind)

    def __init__(self, *args: Any, submission: Submission, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_{self.name}_%s")
        super().__init__(*args, **kwargs)
        if self.letter_kind and not self.is_bound and "letter" not in self.initial:
            self.fields["letter"].initial = self.draft(submission)

    @classmethod
    def draft(cls, submission: Submission) -> str:
        """The letter this decision starts from ("" for one without a letter)."""
        return letters.draft_letter(submission, cls.letter_kind) if cls.letter_kind else ""

    @classmethod
    def has_letter(cls) -> bool:
        """Decisions with a letter share one form on the page: pick one, edit its letter."""
        return "letter" in cls.base_fields


def letter_field(
    required: bool = True,
    quotes_reviews: bool = True,
    *,
    label: str = "Decision letter to the authors",
    rows: int = 16,
    help_text: str = "",
) -> forms.CharField:
    """The letter to the authors of a decision, or of an answer to an appeal (`help_text`)."""
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        required=required,
        help_text=help_text
        or (
            "A draft quoting the completed anonymous reviews; edit it before sending. Lines"
            " starting with “>” are shown to the authors as quotes."
            if quotes_reviews
            else "A draft to start from; edit it before sending."
        ),
    )


class SendToReviewForm(DecisionForm):
    name = "send_to_review"
    label = "Send to review"
    hint = "Opens a review round on the current version; then invite reviewers."
    success = "Sent to review. Invite reviewers below."


class DeskRejectForm(DecisionForm):
    name = "desk_reject"
    label = "Desk reject"
    hint = "Reject without peer review."
    confirm = "The authors receive the letter and the submission is closed."
    success = "Desk rejected. The authors have been sent the letter."
    letter_kind = "desk_reject"

    reason = forms.CharField(
        label="Reason for the editors' records",
        max_length=text_limit(SUBMISSION_ACTIONS, "desk_reject", "reason"),
        help_text="For example: out of scope. Shown in the timeline to editors only.",
    )
    letter = letter_field(quotes_reviews=False)


class RequestRevisionsForm(DecisionForm):
    name = "request_revisions"
    label = "Request revisions"
    hint = "The authors revise and resubmit a new version."
    success = "Revisions requested. The authors have been sent the letter."
    letter_kind = "request_revisions"
    letter = letter_field()


class AcceptForm(DecisionForm):
    name = "accept"
    label = "Accept"
    hint = "Accepted submissions wait here until you publish them."
    success = "Accepted. The authors have been sent the letter."
    letter_kind = "accept"
    letter = letter_field(required=False)


class RejectForm(DecisionForm):
    name = "reject"
    label = "Reject"
    hint = "Reject after review."
    confirm = "The authors receive the letter and the submission is closed."
    success = "Rejected. The authors have been sent the letter."
    letter_kind = "reject"
    letter = letter_field()


class PublishForm(DecisionForm):
    name = "publish"
    label = "Publish"
    hint = "Creates or updates the public catalog page."
    success = "Published in the catalog."

    change_note = forms.CharField(
        label="Change note",
        max_length=text_limit(SUBMISSION_ACTIONS, "publish", "change_note"),
        required=False,
        help_text="Optional. For a new version: what changed, shown on the catalog page.",
    )


class RetireForm(DecisionForm):
    name = "retire"
    label = "Retire"
    hint = "The catalog page becomes a notice with the reason."
    confirm = "The resource leaves the catalog; its page shows the reason instead."
    success = "Retired. The catalog page now shows the reason."

    reason = forms.CharField(
        label="Reason shown on the catalog page",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=text_limit(SUBMISSION_ACTIONS, "retire", "reason"),
    )


class UpholdAppealForm(DecisionForm):
    name = "uphold_appeal"
    label = "Uphold the decision"
    hint = "The rejection stands; the letter tells the authors why."
    confirm = "The authors receive the letter; the submission stays closed."
    success = "The decision is upheld. The authors have been sent the letter."

    letter = letter_field(
        label="Letter to the authors", rows=10, help_text="Answer the reasons given in the appeal."
    )


class OverturnAppealForm(DecisionForm):
    name = "overturn_appeal"
    label = "Overturn the decision"
    hint = "The submission returns to peer review in a new round; then invite reviewers."
    success = "The decision is overturned. A new review round is open: invite reviewers."

    letter = letter_field(
        required=False,
        label="Letter to the authors",
        rows=6,
        help_text="Optional: what happens next.",
    )


DECISION_FORMS = {
    form.name: form
    for form in (
        SendToReviewForm,
        DeskRejectForm,
        RequestRevisionsForm,
        AcceptForm,
        RejectForm,
        PublishForm,
        RetireForm,
        UpholdAppealForm,
        OverturnAppealForm,
    )
}
