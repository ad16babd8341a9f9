"""Drafts and submissions: the owner's actions, from a first draft to a new published version.

Drafts (metadata, authors, files and links) change only as a draft or under revision;
submit and resubmit freeze a version; withdraw ends the submission's life.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone

from catalog import services as catalog_services
from toolkit.accounts.validators import normalize_email
from toolkit.errors import Conflict

from .. import anonymity, authorship, emails, files, permissions
from ..choices import TERMINAL_SUBMISSION_STATES, FileKind, SubmissionState
from ..models import Submission, SubmissionAuthor, SubmissionFile, SubmissionVersion
from .core import close_round, lock_submission, log, require, run_submission

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from django.core.files.uploadedfile import UploadedFile

    from toolkit.accounts.models import User

S = SubmissionState
EDITABLE_STATES = (S.DRAFT, S.REVISIONS_REQUESTED)
EMAIL_LENGTH = SubmissionAuthor._meta.get_field("email").max_length

# --- drafts, authors and files ------------------------------------------------


def _ensure_editable(submission: Submission, actor: User) -> None:
    if not permissions.can_edit_submission(submission, actor):
        raise PermissionDenied("Only the submitting author can change this submission.")
    if submission.state not in EDITABLE_STATES:
        raise Conflict(
            "This submission can be changed only as a draft or when revisions are requested.",
            state=submission.state,
        )


EDITABLE_FIELDS = frozenset(Submission.COPIED_FIELDS) | frozenset(Submission.TERM_FIELDS)


GROUP_SIZE_ORDER = "The largest group cannot be smaller than the smallest."


def check_group_size(submission: Submission) -> None:
    """400 when the group size range is upside down (the database refuses it too)."""
    low, high = submission.group_size_min, submission.group_size_max
    if low is not None and high is not None and low > high:
        raise ValidationError({"group_size_max": [GROUP_SIZE_ORDER]})


def _apply_metadata(submission: Submission, data: dict) -> None:
    unknown = set(data) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        if name not in Submission.TERM_FIELDS:
            setattr(submission, name, value)
    check_group_size(submission)
    submission.save()
    for name in Submission.TERM_FIELDS:
        if name in data:
            getattr(submission, name).set(data[name])


def create_draft(actor: User, **data: Any) -> Submission:
    """Anyone signed in starts a draft; they become its owner and first author."""
    if not permissions.is_contributor(actor):
        raise PermissionDenied("Sign in to submit a resource.")
    with transaction.atomic():
        submission = Submission(owner=actor)
        _apply_metadata(submission, data)
        SubmissionVersion.objects.create(submission=submission, number=1)
        SubmissionAuthor.objects.create(
            submission=submission,
            position=1,
            name=actor.display_name or actor.get_username(),
            email=actor.email,
            affiliation=actor.affiliation,
            orcid=actor.orcid,
            user=actor,
        )
        log(submission, actor, "create", "", S.DRAFT)
    return submission


def update_draft(submission: Submission, actor: User, **data: Any) -> Submission:
    """The owner edits the metadata of a draft or of a submission under revision (409 otherwise)."""
    with transaction.atomic():
        locked = lock_submission(submission, actor)
        _ensure_editable(locked, actor)
        _apply_metadata(locked, data)
    return locked


def delete_draft(submission: Submission, actor: User) -> None:
    """The owner deletes a draft that was never submitted."""
    with transaction.atomic():
        locked = lock_submission(submission, actor)
        _ensure_editable(locked, actor)
        if locked.state != S.DRAFT:
            raise Conflict("Only a draft can be deleted; withdraw it instead.", state=locked.state)
        locked.delete()


def set_authors(submission: Submission, actor: User, authors: Sequence[Mapping[str, Any]]) -> None:
    """The owner sets the byline: a list of {name, email, affiliation, orcid} in order.

    Each author is linked to the account with the same e-mail address, if any
    (reviews.authorship): a linked co-author is an author everywhere.
    """
    if not authors:
        raise ValidationError({"authors": ["List at least one author."]})
    errors = {}
    for i, author in enumerate(authors):
        if not (author.get("name") or "").strip():
            errors[f"authors.{i}.name"] = ["Each author needs a name."]
        email = normalize_email(author.get("email") or "")
        if EMAIL_LENGTH is not None and len(email) > EMAIL_LENGTH:
            errors[f"authors.{i}.email"] = [f"Use at most {EMAIL_LENGTH} characters."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = lock_submission(submission, actor)
        _ensure_editable(locked, actor)
        locked.authors.all().delete()
        for position, author in enumerate(authors, start=1):
            SubmissionAuthor.objects.create(  # the e-mail is normalised and linked on save
                submission=locked,
                position=position,
                name=author["name"].strip(),
                email=author.get("email") or "",
                affiliation=(author.get("affiliation") or "").strip(),
                orcid=(author.get("orcid") or "").strip(),
            )


def _working_version(submission: Submission) -> SubmissionVersion:
    version = submission.current_version
    if version is None or version.is_frozen:
        raise Conflict("This version is frozen; files cannot change.", state=submission.state)
    return version


def _next_position(version: SubmissionVersion) -> int:
    return (version.files.aggregate(m=Max("position"))["m"] or 0) + 1


def add_file(
    submission: Submission, actor: User, uploaded: UploadedFile, label: str = ""
) -> SubmissionFile:
    """The owner attaches a file: checked by content, sanitized, flagged (400 if refused)."""
    facts = files.validate_upload(uploaded)
    uploaded.seek(0)
    data = uploaded.read()
    clean = files.sanitize(data, facts.extension)
    text = files.extract_text(clean, facts.extension)
    # Scanned before the row lock (it may take seconds); the editor's flags search the file's
    # text again for the authors of the day (anonymity.identity_flags).
    flags = files.identity_flags(clean, facts.extension, anonymity.Identities(submission).authors)
    with transaction.atomic():
        locked = lock_submission(submission, actor)
        _ensure_editable(locked, actor)
        version = _working_version(locked)
        item = SubmissionFile(
            version=version,
            position=_next_position(version),
            kind=FileKind.FILE,
            label=(label or "").strip()[:200],
            original_name=facts.original_name,
            content_type=facts.content_type,
            extension=facts.extension,
            size=facts.size,
            sha256=facts.sha256,
            extracted_text=text,
            identity_flags=flags,
        )
        item.file.save(f"upload.{facts.extension}", ContentFile(data), save=False)
        item.sanitized.save(f"clean.{facts.extension}", ContentFile(clean), save=False)
        item.save()
    return item


def add_link(submission: Submission, actor: User, url: str, label: str = "") -> SubmissionFile:
    """The owner attaches an external link (video host, web module): an https:// address,
    as the form's hint says (a plain http:// page is refused, not silently accepted)."""
    url = (url or "").strip()
    try:
        URLValidator(schemes=["https"])(url)
    except ValidationError:
        raise ValidationError(
            {"url": ["Enter a full web address starting with https://"]}
        ) from None
    with transaction.atomic():
        locked = lock_submission(submission, actor)
        _ensure_editable(locked, actor)
        version = _working_version(locked)
        return SubmissionFile.objects.create(
            version=version,
            position=_next_position(version),
            kind=FileKind.LINK,
            label=(label or "").strip()[:200] or url[:200],
            url=url,
        )


def remove_file(item: SubmissionFile, actor: User) -> None:
    """The owner removes a file or link from the working version (stored files stay for others)."""
    with transaction.atomic():
        locked = lock_submission(item.version.submission, actor)
        _ensure_editable(locked, actor)
        version = _working_version(locked)
        deleted, _ = SubmissionFile.objects.filter(pk=item.pk, version=version).delete()
        if not deleted:
            raise Http404


# --- submission transitions ------------------------------------------------------


COPIED_FILE_FIELDS = (
    "position",
    "kind",
    "label",
    "original_name",
    "file",
    "sanitized",
    "content_type",
    "extension",
    "size",
    "sha256",
    "url",
    "extracted_text",
    "identity_flags",
)


def copy_files(source: SubmissionVersion, target: SubmissionVersion) -> None:
    """Start a working version with another version's files (the stored files are shared)."""
    SubmissionFile.objects.bulk_create(
        SubmissionFile(version=target, **{name: getattr(f, name) for name in COPIED_FILE_FIELDS})
        for f in source.files.all()
    )


def _freeze(version: SubmissionVersion, submission: Submission, response_letter: str = "") -> None:
    version.frozen_at = timezone.now()
    version.metadata = submission.snapshot()
    version.response_letter = response_letter
    version.save()


def _validate_complete(submission: Submission) -> None:
    errors = submission.missing_for_submit()
    if errors:
        raise ValidationError(errors)


def submit(submission: Submission, actor: User) -> Submission:
    """The owner submits a complete draft; version 1 is frozen (400 if incomplete)."""

    def effects(locked: Submission) -> None:
        _validate_complete(locked)
        authorship.relink_submission(locked)
        _freeze(locked.current_version, locked)

    return run_submission(submission, actor, "submit", effects=effects, notify=emails.submitted)


def resubmit(submission: Submission, actor: User, *, response_letter: str = "") -> Submission:
    """The owner answers a revision request: the new version is frozen with the response letter."""

    def effects(locked: Submission) -> None:
        _validate_complete(locked)
        authorship.relink_submission(locked)
        _freeze(locked.current_version, locked, response_letter.strip())

    return run_submission(
        submission,
        actor,
        "resubmit",
        validate=lambda: require(response_letter=response_letter),
        effects=effects,
        notify=emails.resubmitted,
    )


def withdraw(submission: Submission, actor: User, *, reason: str = "") -> Submission:
    """The owner withdraws before publication, with a reason; open assignments close."""

    def effects(locked: Submission) -> None:
        close_round(locked)

    return run_submission(
        submission,
        actor,
        "withdraw",
        reason=reason.strip(),
        validate=lambda: require(reason=reason),
        effects=effects,
        notify=emails.withdrawn,
    )


def start_new_version(submission: Submission, actor: User) -> Submission:
    """The owner of a published resource starts a new draft that will replace it when published.

    One at a time (409 "version_in_progress"): the check runs under the lock of the catalog
    resource, which every published submission of it shares.
    """
    with transaction.atomic():
        locked = lock_submission(submission, actor)
        if not permissions.can_edit_submission(locked, actor):
            raise Http404
        draft = open_new_version(locked, actor)
    return draft


def open_new_version(locked: Submission, owner: User) -> Submission:
    """A new draft of the published `locked` (its row locked by the caller) owned by `owner`,
    with its metadata, authors and files: what start_new_version and an editor's request for
    an update after a currency review (reviews.services.currency) both open."""
    if locked.state != S.PUBLISHED or locked.resource_id is None:
        raise Conflict("Only a published resource can get a new version.", state=locked.state)
    catalog_services.lock_resource(locked.resource_id)
    in_progress = Submission.objects.filter(resource=locked.resource_id).exclude(
        state__in=[S.PUBLISHED, *TERMINAL_SUBMISSION_STATES]
    )
    if in_progress.exists():
        raise Conflict(
            "A new version of this resource is already in progress.",
            state=locked.state,
            code="version_in_progress",
        )
    data = {name: getattr(locked, name) for name in Submission.COPIED_FIELDS}
    data.update({name: list(getattr(locked, name).all()) for name in Submission.TERM_FIELDS})
    draft = create_draft(owner, **data)
    draft.resource = locked.resource
    draft.save(update_fields=["resource"])
    set_authors(draft, owner, list(locked.authors.values("name", "email", "affiliation", "orcid")))
    copy_files(locked.current_version, draft.current_version)
    return draft
