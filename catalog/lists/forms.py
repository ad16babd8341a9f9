"""Forms of the list pages. They parse and label input; the rules (ownership, limits, taken
names) live in catalog.lists.services, whose ValidationErrors land on these forms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms

from .models import DESCRIPTION_MAX, NAME_MAX, NOTE_MAX

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .models import SavedList

NEW = ""  # the save form's choice "a new list"


class ListForm(forms.Form):
    """Create a list, or rename it and change its description."""

    name = forms.CharField(label="Name", max_length=NAME_MAX)
    description = forms.CharField(
        label="Description",
        required=False,
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional, plain text: shown at the top of the list and its hand-out.",
    )


class ListSettingsForm(ListForm):
    share_notes = forms.BooleanField(
        label="Include my notes on the shared page and its hand-out",
        required=False,
        help_text="Notes are private unless this is ticked.",
    )


def note_prefix(item_pk: int) -> str:
    """The prefix of an item's note form: one page holds a form per item."""
    return f"item-{item_pk}"


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Private note",
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SaveForm(forms.Form):
    """Save a resource to one of the user's lists or to a new one (the catalog's button)."""

    resource = forms.SlugField(widget=forms.HiddenInput, max_length=120)
    list = forms.ChoiceField(label="List", required=False)
    new_name = forms.CharField(
        label="Name of a new list",
        required=False,
        max_length=NAME_MAX,
        help_text="Used when “A new list” is chosen.",
    )

    def __init__(self, *args: Any, lists: Sequence[SavedList], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(saved.uuid), saved.name) for saved in lists]
        field = cast(forms.ChoiceField, self.fields["list"])
        field.choices = [*choices, (NEW, "A new list")]
