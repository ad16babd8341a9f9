"""Check the demo's data files as the site checks a contributor's or a reviewer's input.

Metadata goes through `SubmissionWriteSerializer` (the API's draft serializer: every
vocabulary slug must name an active term, lengths and types must fit the model), reviews
through `ReviewDraftSerializer` and the rubric, letters through the decision kinds. The
first problem raises `DemoContentError` naming the file and the field.
"""

from __future__ import annotations

from pathlib import Path

from catalog.models import InstructionalMethod
from reviews.choices import DecisionKind, SubmissionState
from reviews.models import Submission
from reviews.rubric import clean_answers, missing_answers
from reviews.serializers import ReviewDraftSerializer, SubmissionWriteSerializer

from .content import COMMON_KEYS, DemoContent, DemoContentError, Entry

# The data files' names for the serializer's fields.
FILE_NAMES = {"resource_type": "type", "learner_levels": "levels"}
REVIEW_KEYS = {"recommendation", "answers", "comments_to_authors", "confidential_comments"}


def _first_error(errors: dict | list, prefix: str = "") -> tuple[str, str]:
    """(field, message) of the first error in a DRF error structure (authors[1].email)."""
    if isinstance(errors, list) and all(isinstance(error, str) for error in errors):
        return prefix, " ".join(errors)
    items = errors.items() if isinstance(errors, dict) else enumerate(errors)
    for key, value in items:
        if value:
            name = f"{prefix}[{key}]" if isinstance(key, int) else f"{prefix}.{key}".lstrip(".")
            return _first_error(value, name)
    return prefix, "invalid"


def _file_name(field: str) -> str:
    """The data files' name for a serializer field (learner_levels -> levels)."""
    top = field.split("[")[0].split(".")[0]
    return FILE_NAMES.get(top, top) + field[len(top) :]


def _payload(path: Path, fields: dict, methods: dict[str, str]) -> dict:
    """The entry as the API's draft body: slugs for every term, codes turned into slugs."""
    for code in fields["methods"]:
        if code not in methods:
            raise DemoContentError(path, "methods", f"{code!r} is not an instructional method code")
    payload = {name: fields[name] for name in Submission.TEXT_FIELDS}
    payload.update(
        resource_type=fields["type"],
        learner_levels=fields["levels"],
        topics=fields["topics"],
        methods=[methods[code] for code in fields["methods"]],
        competencies=list(fields.get("competencies") or ()),
        language=fields["language"],
        license=fields["license"],
        interprofessional=fields["interprofessional"],
        time_required_minutes=fields["time_required_minutes"],
        group_size_min=fields["group_size_min"],
        group_size_max=fields["group_size_max"],
        authors=fields["authors"],
    )
    return payload


def check_metadata(path: Path, fields: dict, methods: dict[str, str], where: str = "") -> None:
    """Raise unless the contributors' serializer accepts the entry's metadata."""
    serializer = SubmissionWriteSerializer(data=_payload(path, fields, methods))
    if not serializer.is_valid():
        name, message = _first_error(serializer.errors)
        raise DemoContentError(path, f"{where}{_file_name(name)}", message)


def _check_versions(entry: Entry, methods: dict[str, str]) -> None:
    for index, version in enumerate(entry.fields.get("versions", [])):
        where = f"versions[{index}]."
        changes = version.get("changes") or {}
        if not str(version.get("change_note", "")).strip():
            raise DemoContentError(entry.path, f"{where}change_note", "this field is missing")
        if not changes or not set(changes) <= COMMON_KEYS:
            unknown = sorted(set(changes) - COMMON_KEYS) or ["(nothing)"]
            raise DemoContentError(entry.path, f"{where}changes", f"cannot change {unknown}")
        check_metadata(entry.path, {**entry.fields, **changes}, methods, where=f"{where}changes.")


def _check_entry(entry: Entry, methods: dict[str, str]) -> None:
    fields = entry.fields
    check_metadata(entry.path, fields, methods)
    _check_versions(entry, methods)
    if "state" in fields and fields["state"] not in SubmissionState.values:
        raise DemoContentError(entry.path, "state", f"{fields['state']!r} is not a workflow state")
    days = fields.get("published_days_ago", 0)
    if not isinstance(days, int) or days < 0:
        raise DemoContentError(entry.path, "published_days_ago", "must be a whole number ≥ 0")


def check_review(path: Path, index: int, review: dict) -> None:
    """Raise unless a reviewer could save this review as a draft and complete it."""
    where = f"[{index}]."
    for name in sorted(set(review) - REVIEW_KEYS):
        raise DemoContentError(path, f"{where}{name}", "unknown field")
    serializer = ReviewDraftSerializer(data={**review, "version": 0})
    if not serializer.is_valid():
        name, message = _first_error(serializer.errors)
        raise DemoContentError(path, f"{where}{name}", message)
    if not review["recommendation"]:
        raise DemoContentError(path, f"{where}recommendation", "a completed review needs one")
    _cleaned, errors = clean_answers(review["answers"])
    for name, messages in (errors or missing_answers(review["answers"])).items():
        raise DemoContentError(path, f"{where}answers.{name}", " ".join(map(str, messages)))


def _check_letters(folder: Path, letters: dict[str, str]) -> None:
    for kind in sorted(set(DecisionKind.values) ^ set(letters)):
        problem = "unknown decision kind" if kind in letters else "this letter is missing"
        raise DemoContentError(folder / f"{kind}.md", "letter", problem)
    for kind, text in letters.items():
        try:
            filled = text.format(title="<<title>>", reviews="<<reviews>>")
        except (KeyError, IndexError, ValueError) as exc:
            problem = f"bad placeholder {exc}"
            raise DemoContentError(folder / f"{kind}.md", "letter", problem) from exc
        if "<<title>>" not in filled or "<<reviews>>" not in filled:
            raise DemoContentError(folder / f"{kind}.md", "letter", "needs {title} and {reviews}")


def _check_review_plan(content: DemoContent) -> None:
    path = content.directory / "workflow.yaml"
    for state, indices in content.review_plan.items():
        if state not in SubmissionState.values:
            raise DemoContentError(path, "review_plan", f"{state!r} is not a workflow state")
        if not all(isinstance(i, int) and 0 <= i < len(content.reviews) for i in indices):
            raise DemoContentError(path, f"review_plan.{state}", "no such review in reviews.yaml")


def validate(content: DemoContent) -> None:
    """Raise `DemoContentError` for the first entry, review or letter the site would refuse."""
    methods = dict(InstructionalMethod.objects.active().values_list("code", "slug"))
    for entry in content.resource_entries + content.submission_entries:
        _check_entry(entry, methods)
    for index, review in enumerate(content.reviews):
        check_review(content.directory / "reviews.yaml", index, review)
    _check_letters(content.directory / "letters", content.letters)
    _check_review_plan(content)
