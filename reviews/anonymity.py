"""Double-anonymous review (DESIGN §7): the one place that decides what a viewer may see.

Pages, API serializers, e-mails and downloads all ask here. Reviewers never see
author names, e-mails, affiliations, co-authors, acknowledgements or file
metadata; they download sanitized copies under server-made names. Authors see
reviewers only as "Reviewer N". Free text shown across that line is redacted of
the other side's identities, and identities found in files are flagged to editors.
"""

import re
from dataclasses import dataclass
from functools import cached_property

from django.http import Http404

from . import files, permissions
from .choices import ACTIVE_ASSIGNMENT_STATES, AssignmentState
from .models import Review, ReviewAssignment, Submission

AUTHOR = "author"
EDITOR = "editor"
REVIEWER = "reviewer"
NOBODY = "none"

REDACTED = "[redacted]"
# Shown to reviewers only after these are removed or redacted.
HIDDEN_FROM_REVIEWERS = ("authors", "acknowledgements")
REDACTED_FOR_REVIEWERS = tuple(f for f in Submission.TEXT_FIELDS if f not in HIDDEN_FROM_REVIEWERS)
REVIEWER_VISIBLE_STATES = [*ACTIVE_ASSIGNMENT_STATES, AssignmentState.CLOSED]


def viewer_role(user, submission) -> str:
    """author, editor, reviewer or none. An author is always an author, even if an editor."""
    if permissions.is_author(user, submission):
        return AUTHOR
    if permissions.is_editor(user):
        return EDITOR
    if reviewer_assignments(user, submission).exists():
        return REVIEWER
    return NOBODY


def reviewer_assignments(user, submission):
    if not getattr(user, "is_authenticated", False):
        return ReviewAssignment.objects.none()
    return ReviewAssignment.objects.filter(
        round__submission=submission, reviewer=user, state__in=REVIEWER_VISIBLE_STATES
    )


# Words the product itself uses for people: never redacted, even if someone is so named.
ROLE_WORDS = frozenset({"reviewer", "reviewers", "editor", "editors", "author", "authors"})


def redact(text: str, terms) -> str:
    """Replace every occurrence of the terms that stands between non-alphanumerics.

    Names of several words and e-mail addresses match in any case; a single word
    (a surname) only as written, so "Green" is redacted but the colour "green" is
    not. An underscore counts as a separator, so "Smith_guide" is redacted too.
    """
    if not text:
        return text or ""
    terms = {t.strip() for t in terms if t and t.strip().lower() not in ROLE_WORDS}
    for term in sorted(terms, key=len, reverse=True):
        words = r"[\s_]+".join(map(re.escape, term.split()))
        pattern = r"(?<![^\W_])" + words + r"(?![^\W_])"
        whole_name = " " in term or "@" in term
        text = re.sub(pattern, REDACTED, text, flags=re.IGNORECASE if whole_name else 0)
    return text


@dataclass
class Identities:
    """The identity strings of one submission's two sides."""

    submission: object

    @cached_property
    def authors(self) -> list[str]:
        terms = files.identity_terms(self.submission.authors.all())
        owner = self.submission.owner
        return [*terms, owner.email, owner.display_name]

    @cached_property
    def reviewers(self) -> list[str]:
        terms = []
        for assignment in ReviewAssignment.objects.filter(
            round__submission=self.submission
        ).select_related("reviewer"):
            person = assignment.reviewer
            terms += files.identity_terms(
                [
                    {
                        "name": person.display_name,
                        "email": person.email,
                        "affiliation": person.affiliation,
                    }
                ]
            )
        return terms


# --- submissions and versions -------------------------------------------------


def metadata_for(user, submission, version=None) -> dict:
    """The submission's metadata as this viewer may see it.

    Authors and editors see the live metadata (the working copy); reviewers see
    the frozen version under review, without identities.
    """
    role = viewer_role(user, submission)
    if role in (AUTHOR, EDITOR):
        return submission.snapshot() if version is None else dict(version.metadata)
    if role != REVIEWER:
        raise Http404
    version = version or reviewer_version(user, submission)
    return reviewer_metadata(submission, version)


def reviewer_version(user, submission):
    assignment = (
        reviewer_assignments(user, submission)
        .select_related("round__version")
        .order_by("-round__number")
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment.round.version


def visible_version(user, submission):
    """The version this viewer works on: the one under review for reviewers, else the latest."""
    if viewer_role(user, submission) == REVIEWER:
        return reviewer_version(user, submission)
    return submission.current_version


def reviewer_metadata(submission, version) -> dict:
    terms = Identities(submission).authors
    data = {k: v for k, v in version.metadata.items() if k not in HIDDEN_FROM_REVIEWERS}
    for name in REDACTED_FOR_REVIEWERS:
        if isinstance(data.get(name), str):
            data[name] = redact(data[name], terms)
    return data


def reviewer_may_see_version(user, version) -> bool:
    return reviewer_assignments(user, version.submission).filter(round__version=version).exists()


def file_download_name(item, role: str) -> str:
    if role == REVIEWER:
        short = str(item.version.submission.uuid)[:8]
        return f"submission-{short}-v{item.version.number}-file-{item.position}.{item.extension}"
    return item.original_name


def files_for(user, version) -> list[dict]:
    """The files and links of a version, described for this viewer."""
    submission = version.submission
    role = viewer_role(user, submission)
    if role == NOBODY or (role == REVIEWER and not reviewer_may_see_version(user, version)):
        raise Http404
    terms = Identities(submission).authors if role == REVIEWER else ()
    rows = []
    for item in version.files.all():
        row = {
            "uuid": str(item.uuid),
            "kind": item.kind,
            "label": redact(item.label, terms),
            "url": item.url,
            "content_type": item.content_type,
            "size": item.size
            if role != REVIEWER
            else (item.sanitized.size if item.sanitized else 0),
            "name": "" if item.is_link else file_download_name(item, role),
        }
        if role == EDITOR:
            row["identity_flags"] = item.identity_flags
        rows.append(row)
    return rows


def download(user, item):
    """(stored file, download name) for this viewer: sanitized copy for reviewers, else 404."""
    submission = item.version.submission
    role = viewer_role(user, submission)
    if item.is_link or role == NOBODY:
        raise Http404
    if role == REVIEWER:
        if not reviewer_may_see_version(user, item.version) or not item.sanitized:
            raise Http404
        return item.sanitized, file_download_name(item, role)
    return item.file, item.original_name


def identity_flags(submission) -> list[dict]:
    """For editors: author identities found in the text or files of the current version."""
    version = submission.current_version
    if version is None:
        return []
    terms = Identities(submission).authors
    flags = []
    data = version.metadata or submission.snapshot()
    for name in REDACTED_FOR_REVIEWERS:
        for term in files.find_identities(data.get(name) or "", terms):
            flags.append({"where": name.replace("_", " "), "term": term})
    for item in version.files.all():
        for flag in item.identity_flags:
            flags.append(
                {
                    "where": f"{item.label or item.original_name} ({flag['where']})",
                    "term": flag["term"],
                }
            )
    return flags


# --- reviewers, reviews, decisions and the log ----------------------------------


def reviewer_label(assignment) -> str:
    return f"Reviewer {assignment.reviewer_number}"


def reviewer_name_for(user, assignment) -> str:
    """Editors see who reviews; everyone else sees "Reviewer N"."""
    if assignment.reviewer_id == getattr(user, "pk", None):
        return f"You ({reviewer_label(assignment)})"
    if viewer_role(user, assignment.round.submission) == EDITOR:
        return f"{assignment.reviewer.display_name} ({reviewer_label(assignment)})"
    return reviewer_label(assignment)


def reviews_for(user, submission) -> list[dict]:
    """Completed reviews this viewer may read, described for them.

    Editors: all, with names and confidential comments. Authors: those of decided
    rounds, as "Reviewer N", redacted, without recommendation or confidential
    comments. Reviewers: their own, and the others of a round once it is decided.
    """
    role = viewer_role(user, submission)
    if role == NOBODY:
        raise Http404
    reviews = (
        Review.objects.filter(assignment__round__submission=submission, submitted_at__isnull=False)
        .select_related("assignment__round", "assignment__reviewer")
        .order_by("assignment__round__number", "assignment__reviewer_number")
    )
    identities = Identities(submission)
    rows = []
    for review in reviews:
        assignment = review.assignment
        own = assignment.reviewer_id == user.pk
        decided = assignment.round.closed_at is not None
        if role == AUTHOR and not decided:
            continue
        if role == REVIEWER and not (
            own
            or (
                decided
                and reviewer_assignments(user, submission).filter(round=assignment.round).exists()
            )
        ):
            continue
        terms = (
            identities.reviewers
            if role == AUTHOR
            else identities.authors
            if (role == REVIEWER)
            else ()
        )
        row = {
            "reviewer": reviewer_name_for(user, assignment),
            "round": assignment.round.number,
            "answers": _redact_answers(review.answers, terms),
            "comments_to_authors": redact(review.comments_to_authors, terms),
            "submitted_at": review.submitted_at,
        }
        if role == EDITOR or own:
            row["recommendation"] = review.recommendation
        if role == EDITOR:
            row["confidential_comments"] = review.confidential_comments
        rows.append(row)
    return rows


def _redact_answers(answers: dict, terms) -> dict:
    if not terms:
        return answers
    return {
        key: {k: redact(v, terms) if isinstance(v, str) else v for k, v in entry.items()}
        for key, entry in answers.items()
    }


def decisions_for(user, submission) -> list[dict]:
    """Authors and editors read decision letters; reviewers see only the kind and the date."""
    role = viewer_role(user, submission)
    if role == NOBODY:
        raise Http404
    rows = []
    for decision in submission.decisions.select_related("round").order_by("created_at"):
        row = {
            "kind": decision.kind,
            "label": decision.get_kind_display(),
            "created_at": decision.created_at,
            "round": decision.round.number if decision.round else None,
        }
        if role in (AUTHOR, EDITOR):
            row["letter"] = decision.letter
        if role == AUTHOR:
            row["letter"] = redact(decision.letter, Identities(submission).reviewers)
        rows.append(row)
    return rows


def log_for(user, submission) -> list[dict]:
    """The status timeline, with actors named as this viewer may know them."""
    role = viewer_role(user, submission)
    if role == NOBODY:
        raise Http404
    entries = submission.log_entries.select_related("actor", "assignment").order_by(
        "created_at", "pk"
    )
    if role == REVIEWER:
        mine = reviewer_assignments(user, submission)
        entries = entries.filter(assignment__in=mine)
    rows = []
    for entry in entries:
        rows.append(
            {
                "transition": entry.transition,
                "from_state": entry.from_state,
                "to_state": entry.to_state,
                "created_at": entry.created_at,
                "actor": _actor_for(user, role, entry, submission),
                "reason": entry.reason if _reason_visible(role, entry) else "",
            }
        )
    return rows


AUTHOR_VISIBLE_REASONS = {"withdraw", "retire"}


def _reason_visible(role, entry) -> bool:
    if role == EDITOR:
        return True
    return role == AUTHOR and entry.transition in AUTHOR_VISIBLE_REASONS


def _actor_for(user, role, entry, submission) -> str:
    actor = entry.actor
    if actor is None:
        return "System"
    if actor.pk == user.pk:
        return "You"
    if role == EDITOR:
        return actor.display_name
    if entry.assignment_id and entry.assignment.reviewer_id == actor.pk:
        return reviewer_label(entry.assignment)
    if permissions.is_author(actor, submission):
        return "Author" if role == REVIEWER else actor.display_name
    return "Editor"
