"""The editor's decision with one letter: pick a decision, then edit the letter it drafts.

The decisions that send a letter (desk reject, request revisions, accept, reject) share one
form. With JavaScript (toolkit/static/toolkit/decision.js) the letter shows and switches as
the decision is picked, asking before it replaces a letter the editor edited. Without it,
the page has two steps: "Continue" shows the letter drafted for the decision picked
(`?decision=<name>`), then "Send decision". `letter_for` names the decision the letter in
the form was drafted for, so that a decision changed without JavaScript after editing the
letter keeps the letter and asks the editor to check it rather than sending it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..forms.editor import DECISION_FORMS, DecisionForm

if TYPE_CHECKING:
    from django.forms import BoundField

    from ..models import Submission


def letter_decision(name: str) -> type[DecisionForm] | None:
    """The form class of a decision that sends a letter, else None."""
    form_class = DECISION_FORMS.get(name)
    return form_class if form_class is not None and form_class.has_letter() else None


def same_text(one: str, other: str) -> bool:
    """Equal but for line endings and surrounding space (browsers post CRLF)."""

    def norm(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()

    return norm(one) == norm(other)


@dataclass
class LetterStep:
    """What the shared form shows: the options, the one chosen (if any) and every draft."""

    options: list[DecisionForm]
    chosen: DecisionForm | None
    drafts: dict[str, str] = field(default_factory=dict)

    @property
    def letter(self) -> BoundField | None:
        """The one letter box: the chosen decision's, else (for JavaScript, which fills it)
        the first whose letter is required: the script hides "(required)" for the others."""
        required = [form for form in self.options if form.fields["letter"].required]
        form = self.chosen or next(iter(required or self.options), None)
        return form["letter"] if form is not None else None

    @property
    def letter_for(self) -> str:
        return self.chosen.name if self.chosen else ""


def letter_step(
    submission: Submission,
    options: list[DecisionForm],
    chosen: str = "",
    kept_letter: str | None = None,
) -> LetterStep:
    """The shared form's state. A bound option (a failed POST) is the chosen one; else
    `chosen` if it is offered; else none, even when there is only one: a decision is
    always picked on purpose (desk reject, alone in its state, is final). `kept_letter`
    replaces the chosen decision's draft (a letter the editor wrote for another decision)."""
    drafts = {
        form.name: type(form).draft(submission) if form.is_bound else form["letter"].initial
        for form in options
    }
    picked = next((form for form in options if form.is_bound), None)
    if picked is None:
        name = chosen if chosen in {form.name for form in options} else ""
        if name and kept_letter is not None:
            options = [
                type(form)(submission=submission, initial={"letter": kept_letter})
                if form.name == name
                else form
                for form in options
            ]
        picked = next((form for form in options if form.name == name), None)
    return LetterStep(options, picked, drafts)
