"""Contributor page forms: the submission wizard, files and links, and the owner's transitions.

The forms only shape and check what was typed (nothing is required in a draft);
the services decide, and `Submission.missing_for_submit` says what a submission
still needs. Field names are the model's, so a service's ValidationError lands
next to the right field.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import Case, IntegerField, Model, Q, Value, When
from django.urls import reverse

from catalog.models import (
    Competency,
    Facilitator,
    InstructionalMethod,
    Language,
    LearnerLevel,
    License,
    ResourceType,
    Stage,
    Topic,
)
from toolkit import forms as toolkit_forms
from toolkit.accounts.models import User
from toolkit.accounts.validators import normalize_orcid, validate_orcid

from .. import files as file_kinds
from ..models import Submission
from ..services.actions import SUBMISSION_ACTIONS, text_limit
from ..services.submissions import GROUP_SIZE_ORDER

# --- the wizard's steps -------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    slug: str
    number: int
    title: str
    fields: tuple = ()


STEPS = (
    Step(
        "about",
        1,
        "About",
        (
            "title",
            "summary",
            "learning_objectives",
            "description",
            "keywords",
            "references",
            "authors",
        ),
    ),
    Step(
        "learners",
        2,
        "Learners and use",
        (
            "resource_type",
            "learner_levels",
            "interprofessional",
            "topics",
            "methods",
            "competencies",
            "language",
            "time_required_minutes",
            "group_size",
            "group_size_min",
            "group_size_max",
            "preparation_time",
            "facilitator",
            "facilitator_requirements",
            "equipment",
            "materials",
            "facilitator_notes",
            "evaluation",
        ),
    ),
    Step("materials", 3, "Materials", ("files",)),
    Step(
        "declarations",
        4,
        "Declarations and licence",
        ("license", "rights_confirmed", "privacy_confirmed", "coi_statement", "acknowledgements"),
    ),
    Step("review", 5, "Review and submit"),
)
STEPS_BY_SLUG = {step.slug: step for step in STEPS}
STEP_OF_FIELD = {name: step for step in STEPS for name in step.fields}


def next_step(step: Step) -> Step:
    return STEPS[min(step.number, len(STEPS) - 1)]


# --- vocabulary fields ----------------------------------------------------------------------


def _limit_to_active(field: forms.ModelChoiceField, selected: Iterable[Model | None]) -> None:
    """Offer active terms, and keep the inactive ones this submission already has."""
    if field.queryset is None:  # no choices to limit
        return
    pks = [obj.pk for obj in selected if obj is not None]
    field.queryset = field.queryset.filter(Q(is_active=True) | Q(pk__in=pks))


class LevelChoiceField(toolkit_forms.ModelMultipleChoiceField):
    """Learner levels in stage order (UME, GME, CPD), shown grouped by stage."""

    def label_from_instance(self, obj: LearnerLevel) -> str:
        return obj.name


class CompetencyChoiceField(toolkit_forms.ModelMultipleChoiceField):
    """Competencies shown grouped by framework and level; each labelled with its domain."""

    def label_from_instance(self, obj: Competency) -> str:
        return f"{obj.domain}: {obj.name}" if obj.domain else obj.name


class LicenceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: License) -> str:
        return obj.name


class LanguageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Language) -> str:
        if obj.english_name and obj.english_name != obj.name:
            return f"{obj.name} ({obj.english_name})"
        return obj.name


STAGE_ORDER = Case(
    *(When(stage=stage, then=Value(i)) for i, stage in enumerate(Stage.values)),
    default=Value(len(Stage.values)),
    output_field=IntegerField(),
)


# --- step forms -----------------------------------------------------------------------------


class StepForm(forms.ModelForm):
    """A step of the wizard: a slice of the submission's metadata, all optional in a draft.

    Bound to the submission only for its initial values; the view saves through
    `services.update_draft`, never `form.save()`.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = self.instance
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelMultipleChoiceField):
                selected = list(getattr(instance, name).all()) if instance.pk else []
                _limit_to_active(field, selected)
            elif isinstance(field, forms.ModelChoiceField):
                _limit_to_active(field, [getattr(instance, name)])

    def metadata(self) -> dict[str, Any]:
        """The cleaned values, as `services.create_draft` and `update_draft` take them."""
        return {name: self.cleaned_data[name] for name in self._meta.fields or ()}


class AboutForm(StepForm):
    class Meta:
        model = Submission
        fields = STEPS_BY_SLUG["about"].fields[:-1]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "learning_objectives": forms.Textarea(attrs={"rows": 5}),
            "description": forms.Textarea(attrs={"rows": 10}),
            "references": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {"title": "A short, specific title that says what it teaches and to whom."}


class LearnersForm(StepForm):
    learner_levels = LevelChoiceField(
        queryset=LearnerLevel.objects.order_by(STAGE_ORDER, "position", "name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Learner levels",
        help_text="Everyone it was designed for, from medical school to practice.",
        template_name="includes/reviews_contributor_levels.html",
    )
    topics = toolkit_forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Topics",
    )
    methods = toolkit_forms.ModelMultipleChoiceField(
        queryset=InstructionalMethod.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Instructional methods",
        help_text="AAMC Curriculum Inventory methods, with their codes.",
    )
    competencies = CompetencyChoiceField(
        queryset=Competency.objects.select_related("framework").filter(framework__is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Competencies",
        help_text="Optional: the competencies it helps learners reach. Reviewers check "
        "that the content supports them; the catalog can be filtered by them.",
        template_name="includes/reviews_contributor_competencies.html",
    )
    resource_type = forms.ModelChoiceField(
        queryset=ResourceType.objects.all(),
        required=False,
        label="Resource type",
        empty_label="Choose a type",
    )
    language = LanguageChoiceField(
        queryset=Language.objects.all(),
        required=False,
        label="Language",
        empty_label="Choose a language",
    )
    time_required_minutes = forms.IntegerField(
        label="Time required (minutes)",
        required=False,
        min_value=1,
        max_value=100_000,
        help_text="Teaching time with learners, in minutes; for several sessions, the total.",
    )

    group_size_min = forms.IntegerField(
        label="Smallest group",
        required=False,
        min_value=1,
        max_value=10_000,
        help_text="Learners, at least (leave empty if any number works).",
    )
    group_size_max = forms.IntegerField(
        label="Largest group",
        required=False,
        min_value=1,
        max_value=10_000,
        help_text="Learners, at most.",
    )
    facilitator = forms.ChoiceField(
        label="Who can facilitate",
        choices=Facilitator.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text="“Any instructor” puts it under “no special facilitator needed” in the catalog.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("group_size_min"), data.get("group_size_max")
        if low is not None and high is not None and low > high:
            self.add_error("group_size_max", GROUP_SIZE_ORDER)
        if (
            data.get("facilitator") == Facilitator.SPECIAL
            and not (data.get("facilitator_requirements") or "").strip()
        ):
            self.add_error("facilitator_requirements", "Say who is needed to run it.")
        return data

    class Meta:
        model = Submission
        fields = STEPS_BY_SLUG["learners"].fields
        widgets = {
            "facilitator_requirements": forms.Textarea(attrs={"rows": 2}),
            "equipment": forms.Textarea(attrs={"rows": 2}),
            "materials": forms.Textarea(attrs={"rows": 5}),
            "facilitator_notes": forms.Textarea(attrs={"rows": 8}),
            "evaluation": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"interprofessional": "Interprofessional"}


class DeclarationsForm(StepForm):
    license = LicenceChoiceField(
        queryset=License.objects.all(),
        widget=forms.RadioSelect,
        required=False,
        empty_label=None,
        label="Licence",
        help_text="How others may use your resource once it is published.",
        template_name="includes/reviews_contributor_licence.html",
    )

    class Meta:
        model = Submission
        fields = STEPS_BY_SLUG["declarations"].fields
        widgets = {
            "coi_statement": forms.Textarea(attrs={"rows": 3}),
            "acknowledgements": forms.Textarea(attrs={"rows": 3}),
        }


STEP_FORMS = {"about": AboutForm, "learners": LearnersForm, "declarations": DeclarationsForm}


# --- authors ----------------------------------------------------------------------------


class AuthorForm(forms.Form):
    name = forms.CharField(max_length=200, required=False, label="Name")
    email = forms.EmailField(max_length=254, required=False, label="E-mail address")
    affiliation = forms.CharField(max_length=255, required=False, label="Affiliation")
    orcid = forms.CharField(
        max_length=40,
        required=False,
        label="ORCID iD",
        help_text="Optional, for example 0000-0002-1825-0097.",
    )

    def clean_orcid(self) -> str:
        value = self.cleaned_data["orcid"].strip()
        if value:
            validate_orcid(value)
            value = normalize_orcid(value)
        return value

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        filled = any((data.get(name) or "").strip() for name in ("email", "affiliation", "orcid"))
        if filled and not (data.get("name") or "").strip() and "name" not in self.errors:
            self.add_error("name", "Each author needs a name.")
        return data

    def author(self) -> dict[str, str] | None:
        """{name, email, affiliation, orcid}, or None for an empty or removed row."""
        data = getattr(self, "cleaned_data", None) or {}
        if data.get("DELETE") or not (data.get("name") or "").strip():
            return None
        return {name: data.get(name) or "" for name in ("name", "email", "affiliation", "orcid")}


class BaseAuthorFormSet(forms.BaseFormSet):
    """The byline, in order. One empty row to add an author; a tick box removes one."""

    def _construct_form(self, i: int, **kwargs: Any) -> AuthorForm:
        form: AuthorForm = super()._construct_form(i, **kwargs)  # type: ignore[misc]
        for field in form.fields.values():
            field.label = f"{field.label} (author {i + 1})"
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = f"Remove author {i + 1}"
        return form

    def clean(self) -> None:
        if any(self.errors):
            return
        if not self.authors():
            raise forms.ValidationError("List at least one author.", code="no_authors")

    forms: list[AuthorForm]

    def authors(self) -> list[dict[str, str]]:
        return [author for form in self.forms if (author := form.author())]


AuthorFormSet = forms.formset_factory(
    AuthorForm,
    formset=BaseAuthorFormSet,
    extra=1,
    can_delete=True,
    can_delete_extra=False,
    max_num=30,
    validate_max=True,
)


def author_formset(
    submission: Submission | None = None,
    owner: User | None = None,
    data: dict[str, Any] | None = None,
) -> BaseAuthorFormSet:
    """The byline form: the submission's authors, or the owner for a new submission."""
    initial: list[Mapping[str, object]]
    if submission is not None:
        initial = list(submission.authors.values("name", "email", "affiliation", "orcid"))
    else:
        if owner is None:
            raise TypeError("author_formset needs the submission or its owner")
        initial = [
            {
                "name": owner.display_name or owner.get_username(),
                "email": owner.email,
                "affiliation": owner.affiliation,
                "orcid": owner.orcid,
            }
        ]
    formset: BaseAuthorFormSet = AuthorFormSet(data=data, initial=initial, prefix="authors")  # type: ignore[assignment]
    return formset


class ErrorSummary:
    """Several forms seen as one by includes/error_summary.html: one summary per page."""

    def __init__(self, *forms_and_formsets: forms.BaseForm | forms.BaseFormSet) -> None:
        self.forms: list[forms.BaseForm] = []
        self.formset_errors: list[Any] = []
        for item in forms_and_formsets:
            if isinstance(item, forms.BaseFormSet):
                self.forms += item.forms
                self.formset_errors += item.non_form_errors()
            else:
                self.forms.append(item)

    @property
    def errors(self) -> bool:
        return bool(self.formset_errors) or any(form.errors for form in self.forms)

    def non_field_errors(self) -> list[Any]:
        return [e for form in self.forms for e in form.non_field_errors()] + self.formset_errors

    def __iter__(self) -> Iterator[forms.BoundField]:
        for form in self.forms:
            yield from form.visible_fields()

    def hidden_fields(self) -> list[forms.BoundField]:
        return [field for form in self.forms for field in form.hidden_fields()]


# --- files and links ------------------------------------------------------------------------


class UploadForm(forms.Form):
    """One file. A refusal by the engine (type, size, content) is shown next to the file field."""

    file = forms.FileField(
        label="File",
        error_messages={"required": "Choose a file to upload."},
    )
    label = forms.CharField(
        max_length=200,
        required=False,
        label="What it is",
        help_text="For example “Facilitator guide” or “Case for learners”.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "upload")
        super().__init__(*args, **kwargs)
        # The file picker offers the types the engine accepts (it still checks the content).
        self.fields["file"].widget.attrs["accept"] = ",".join(
            f".{extension}" for extension in file_kinds.EXTENSIONS
        )
        self.fields["file"].help_text = (
            "PDF, Word (DOCX), PowerPoint (PPTX), Excel (XLSX), PNG, JPEG or MP4, up to "
            f"{settings.TOOLKIT_MAX_UPLOAD_MB} MB. The type is checked from the content, and "
            "document properties are removed from the copy reviewers get."
        )

    def add_error(self, field: str | None, error: Any) -> None:
        # The engine refuses a file with a message that is not tied to a field: it is the file's.
        super().add_error(field or "file", error)


class LinkForm(forms.Form):
    url = forms.URLField(
        label="Web address",
        max_length=500,
        assume_scheme="https",
        help_text="A video host or a web module, starting with https://",
        error_messages={"required": "Enter the web address of the link."},
    )
    label = forms.CharField(
        max_length=200,
        required=False,
        label="What it is",
        help_text="For example “Video of the session”.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "link")
        super().__init__(*args, **kwargs)

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field or "url", error)


# --- transitions ----------------------------------------------------------------------------


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why are you withdrawing it?",
        help_text="The editors and any reviewers are told. This cannot be undone.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=text_limit(SUBMISSION_ACTIONS, "withdraw", "reason"),
        error_messages={"required": "Give a reason for withdrawing."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "withdraw")
        super().__init__(*args, **kwargs)


class AppealForm(forms.Form):
    reasons = forms.CharField(
        label="Why should the decision be reconsidered?",
        help_text=(
            "An editor who did not take the decision reads your reasons and either upholds it "
            "or sends the submission back to review. You can appeal once."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=text_limit(SUBMISSION_ACTIONS, "appeal", "reasons"),
        error_messages={"required": "Give your reasons for appealing."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "appeal")
        super().__init__(*args, **kwargs)


class SubmitForm(forms.Form):
    """Submit has no fields; the engine's reasons (what is missing) land on it as errors."""


class ResubmitForm(forms.Form):
    response_letter = forms.CharField(
        label="Response to the reviewers",
        help_text=(
            "Markdown. Answer each point of the decision letter and the reviews: what you "
            "changed, and where you disagree, why. Do not name yourself; reviewers read it."
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=text_limit(SUBMISSION_ACTIONS, "resubmit", "response_letter"),
        error_messages={"required": "Write a response to the reviewers."},
    )


# --- what is missing, and where to fix it -----------------------------------------------------

ANCHORS = {
    "authors": "id_authors-0-name",
    "files": "id_upload-file",
}


def anchor_for(name: str) -> str:
    """The id of the control a missing field's link points at, on its step's page."""
    if name in ANCHORS:
        return ANCHORS[name]
    step = STEP_OF_FIELD[name]
    form = STEP_FORMS[step.slug](instance=Submission())
    return toolkit_forms.field_anchor(form[name])


def missing_items(submission: Submission) -> list[dict[str, Any]]:
    """What `submission.missing_for_submit()` reports, in step order, with a link to each field."""
    missing = submission.missing_for_submit()
    order = {name: i for i, name in enumerate(STEP_OF_FIELD)}
    items = []
    for name in sorted(missing, key=lambda n: order.get(n, len(order))):
        step = STEP_OF_FIELD.get(name)
        if step is None:  # a requirement the wizard does not know yet: link to the first step
            step, anchor = STEPS[0], "main"
        else:
            anchor = anchor_for(name)
        url = reverse("reviews:submission-edit", args=[submission.uuid, step.slug])
        items.append(
            {"field": name, "messages": missing[name], "step": step, "url": f"{url}#{anchor}"}
        )
    return items
