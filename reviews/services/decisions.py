"""Decisions and publishing: the editor's transitions of a submission.

Every decision ends the open round (its open assignments close), writes a Decision row
with its letter and tells the authors; publish and retire keep the catalog in step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from catalog import services as catalog_services
from toolkit.errors import Conflict

from .. import emails
from ..choices import DecisionKind
from ..models import Decision, ReviewRound, Submission, SubmissionVersion
from .core import close_round, last_round, require, run_submission
from .submissions import copy_files

if TYPE_CHECKING:
    from collections.abc import Callable

    from toolkit.accounts.models import User


def _decide(
    submission: Submission,
    actor: User,
    name: str,
    kind: str,
    letter: str,
    reason: str = "",
    extra: Callable[[Submission], None] | None = None,
    validate: Callable[[], None] | None = None,
) -> Submission:
    def effects(locked: Submission) -> None:
        review_round = close_round(locked) or last_round(locked)
        Decision.objects.create(
            submission=locked, round=review_round, editor=actor, kind=kind, letter=letter.strip()
        )
        if extra:
            extra(locked)

    return run_submission(
        submission,
        actor,
        name,
        reason=reason,
        validate=validate,
        effects=effects,
        notify=emails.decided,
    )


def desk_reject(
    submission: Submission, actor: User, *, reason: str = "", letter: str = ""
) -> Submission:
    """An editor rejects a submitted resource without review (reason and letter required)."""
    return _decide(
        submission,
        actor,
        "desk_reject",
        DecisionKind.DESK_REJECT,
        letter,
        reason=reason.strip(),
        validate=lambda: require(reason=reason, letter=letter),
    )


def request_revisions(submission: Submission, actor: User, *, letter: str = "") -> Submission:
    """An editor asks for revisions; a new working version opens for the owner."""

    def new_version(locked: Submission) -> None:
        previous = locked.current_version
        version = SubmissionVersion.objects.create(submission=locked, number=previous.number + 1)
        copy_files(previous, version)

    return _decide(
        submission,
        actor,
        "request_revisions",
        DecisionKind.REQUEST_REVISIONS,
        letter,
        extra=new_version,
        validate=lambda: require(letter=letter),
    )


def accept(submission: Submission, actor: User, *, letter: str = "") -> Submission:
    """An editor accepts once enough reviews are completed (409 otherwise)."""
    letter = (letter or "").strip() or (
        "We are pleased to accept your submission for publication in the catalog."
    )
    return _decide(submission, actor, "accept", DecisionKind.ACCEPT, letter)


def reject(submission: Submission, actor: User, *, letter: str = "") -> Submission:
    """An editor rejects after review, with a letter."""
    return _decide(
        submission,
        actor,
        "reject",
        DecisionKind.REJECT,
        letter,
        validate=lambda: require(letter=letter),
    )


def send_to_review(submission: Submission, actor: User) -> Submission:
    """An editor opens round N+1 on the current version."""

    def effects(locked: Submission) -> None:
        number = (locked.rounds.aggregate(m=Max("number"))["m"] or 0) + 1
        ReviewRound.objects.create(submission=locked, number=number, version=locked.current_version)

    return run_submission(submission, actor, "send_to_review", effects=effects)


# The submission's texts that the catalog keeps (the title is passed on its own).
PUBLISHED_TEXT_FIELDS = tuple(
    f for f in catalog_services.TEXT_FIELDS if f in Submission.TEXT_FIELDS and f != "title"
)


def publication_of(submission: Submission) -> catalog_services.Publication:
    """What publishing `submission` now would put in the catalog (publish, and its preview)."""
    resource_type, language, license = (
        submission.resource_type,
        submission.language,
        submission.license,
    )
    if resource_type is None or language is None or license is None:
        # is_ready_to_publish lets no submission this far without them
        raise Conflict("Complete the metadata before publishing.", state=submission.state)
    version = submission.current_version
    accepted = submission.decisions.filter(kind=DecisionKind.ACCEPT).order_by("-created_at").first()
    slug = slugify(submission.title)[:60] or "resource"
    public_files = []
    for position, f in enumerate(version.files.all(), start=1):
        if f.is_link:
            public_files.append(catalog_services.PublicFile(label=f.label, url=f.url))
            continue
        name = slugify(f.label or f"file-{position}")[:40] or f"file-{position}"
        public_files.append(
            catalog_services.PublicFile(
                label=f.label or f"File {position}",
                file=f.sanitized.name or "",
                download_name=f"{slug}-{name}.{f.extension}",
                content_type=f.content_type,
                size=f.sanitized.size,
            )
        )
    return catalog_services.Publication(
        title=submission.title,
        resource_type=resource_type,
        language=language,
        license=license,
        levels=list(submission.learner_levels.all()),
        topics=list(submission.topics.all()),
        methods=list(submission.methods.all()),
        competencies=list(submission.competencies.all()),
        authors=[
            {"name": a.name, "affiliation": a.affiliation, "orcid": a.orcid}
            for a in submission.authors.all()
        ],
        files=public_files,
        reviewed_at=accepted.created_at if accepted else timezone.now(),
        interprofessional=submission.interprofessional,
        time_required_minutes=submission.time_required_minutes,
        group_size_min=submission.group_size_min,
        group_size_max=submission.group_size_max,
        attachment_text="\n".join(f.extracted_text for f in version.files.all())[:1_000_000],
        **{name: getattr(submission, name) for name in PUBLISHED_TEXT_FIELDS},
    )


def publish(submission: Submission, actor: User, *, change_note: str = "") -> Submission:
    """An editor publishes an accepted submission: the catalog resource is created or updated."""

    def effects(locked: Submission) -> None:
        publication = publication_of(locked)
        publication.change_note = (change_note or "").strip()
        locked.resource = catalog_services.publish_resource(publication, locked.resource)
        locked.save(update_fields=["resource"])

    return run_submission(submission, actor, "publish", effects=effects, notify=emails.published)


def retire(submission: Submission, actor: User, *, reason: str = "") -> Submission:
    """An editor retires a published resource; its page becomes a 410 tombstone with the reason."""

    def effects(locked: Submission) -> None:
        from .currency import close_for_retired  # it retires through this service too

        if locked.resource is not None:
            catalog_services.retire_resource(locked.resource, reason.strip())
        close_for_retired(locked)

    return run_submission(
        submission,
        actor,
        "retire",
        reason=reason.strip(),
        validate=lambda: require(reason=reason),
        effects=effects,
        notify=emails.retired,
    )
