"""Double-anonymous review (DESIGN §7): the one place that decides what a viewer may see.

Pages, API serializers, e-mails and downloads all ask here, with a Viewer. Reviewers never
see author names, e-mails, affiliations, co-authors, acknowledgements or file metadata;
they download sanitized copies under server-made names. Authors see reviewers only as
"Reviewer N". Free text shown across that line is redacted of the other side's identities
(identities left in files are flagged to editors: reviews.flags).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.db.models.fields.files import FieldFile
from django.http import Http404

from . import identity, permissions
from .choices import ACTIVE_ASSIGNMENT_STATES, AssignmentState
from .models import Review, ReviewAssignment, Submission, SubmissionVersion

if TYPE_CHECKING:
    from collections.abc import Iterable

    from reviews.models import ExtensionRequest, ReviewRound, SubmissionFile, TransitionLog
    from toolkit.accounts.permissions import Person

AUTHOR = "author"
EDITOR = "editor"
REVIEWER = "reviewer"
NOBODY = "none"

REDACTED = "[redacted]"
# Shown to reviewers only after these are removed or redacted.
HIDDEN_FROM_REVIEWERS = ("authors", "acknowledgements")
REDACTED_FOR_REVIEWERS = tuple(f for f in Submission.TEXT_FIELDS if f not in HIDDEN_FROM_REVIEWERS)
REVIEWER_VISIBLE_STATES = [*ACTIVE_ASSIGNMENT_STATES, AssignmentState.CLOSED]


class Viewer:
    """One user looking at one submission: who they are to it, worked out once per response.

    Pages and serializers make one and pass it to every function below, so that a response
    asks the database who its viewer is once, not once per field or row.
    """

    def __init__(self, user: Person, submission: Submission) -> None:
        self.user = user
        self.submission = submission

    @cached_property
    def assignments(self) -> list[ReviewAssignment]:
        """This viewer's assignments that show them the submission (not declined or
        cancelled ones), latest round first."""
        if not getattr(self.user, "is_authenticated", False):
            return []
        visible = ReviewAssignment.objects.filter(
            round__submission=self.submission, reviewer=self.user, state__in=REVIEWER_VISIBLE_STATES
        )
        return list(visible.select_related("round__version").order_by("-round__number"))

    @cached_property
    def role(self) -> str:
        """author, editor, reviewer or none.

        The owner is an author. A co-author linked to the account by e-mail (reviews.authorship)
        is an author before being an editor: an editor never handles their own work nor sees
        who reviews it. But a co-author who is also a reviewer of the submission stays a
        reviewer: account e-mails are not verified, so claiming a co-author's address must
        never open the authors' view (their names) to a reviewer. A link only takes a view away.
        """
        user, submission = self.user, self.submission
        if permissions.can_edit_submission(submission, user):
            return AUTHOR
        if permissions.is_author(user, submission):
            return REVIEWER if self.assignments else AUTHOR
        if permissions.is_editor(user):
            return EDITOR
        return REVIEWER if self.assignments else NOBODY

    @cached_property
    def identities(self) -> Identities:
        return Identities(self.submission)

    def require(self) -> str:
        """The role, or 404 for someone who may not know the submission exists."""
        if self.role == NOBODY:
            raise Http404
        return self.role

    @property
    def reviewer_version(self) -> SubmissionVersion:
        """The version this reviewer was invited to review (the latest round's), else 404."""
        if not self.assignments:
            raise Http404
        return self.assignments[0].round.version

    def reviews_round(self, review_round: ReviewRound) -> bool:
        return any(a.round_id == review_round.pk for a in self.assignments)

    def may_see_version(self, version: SubmissionVersion) -> bool:
        return any(a.round.version_id == version.pk for a in self.assignments)

    def is_self(self, person: Person | None) -> bool:
        return person is not None and person.pk == getattr(self.user, "pk", None)


def redact(text: str, terms: Iterable[str]) -> str:
    """Replace every place that names one of the terms with "[redacted]".

    Both sides are normalised first (case, accents, hyphens and dashes, spacing, ORCID
    hyphens, affiliation abbreviations); a lone capitalised surname is not redacted where
    it is written all in lower case (the colour "green"). See reviews.identity.
    """
    return identity.replace_identities(text, terms, REDACTED)


@dataclass
class Identities:
    """The identity strings of one submission's two sides."""

    submission: Submission

    @cached_property
    def authors(self) -> list[str]:
        """Every author's name, surname, e-mail, affiliation and ORCID iD, and for the
        owner and each co-author with an account, that account's identity and user name."""
        authors = list(self.submission.authors.select_related("user"))
        accounts = dict.fromkeys([self.submission.owner, *(a.user for a in authors if a.user)])
        return identity.identity_terms([*authors, *map(identity.person, accounts)])

    @cached_property
    def reviewers(self) -> list[str]:
        assignments = ReviewAssignment.objects.filter(
            round__submission=self.submission
        ).select_related("reviewer")
        return identity.identity_terms(identity.person(a.reviewer) for a in assignments)


# --- submissions and versions -------------------------------------------------


def metadata_for(viewer: Viewer, version: SubmissionVersion | None = None) -> dict:
    """The submission's metadata as this viewer may see it.

    Authors and editors see the live metadata (the working copy); reviewers see
    the frozen version under review, without identities.
    """
    role = viewer.require()
    if role in (AUTHOR, EDITOR):
        return viewer.submission.snapshot() if version is None else dict(version.metadata)
    return reviewer_metadata(viewer.submission, version or viewer.reviewer_version, viewer)


def visible_version(viewer: Viewer) -> SubmissionVersion | None:
    """The version this viewer works on: the one under review for reviewers, else the latest."""
    if viewer.role == REVIEWER:
        return viewer.reviewer_version
    return viewer.submission.current_version


def title_for(viewer: Viewer) -> str:
    """The title this viewer may see: for a reviewer, that of the version under review, redacted."""
    if viewer.require() != REVIEWER:
        return viewer.submission.title
    title = (viewer.reviewer_version.metadata or {}).get("title") or ""
    return redact(title, viewer.identities.authors)


def versions_for(viewer: Viewer) -> list[dict]:
    """The versions with their files as this viewer may see them: a reviewer gets only the
    version under review, without the authors' response letter."""
    role = viewer.require()
    if role == REVIEWER:
        versions = [viewer.reviewer_version]
    else:
        versions = list(viewer.submission.versions.all())
    return [
        {
            "number": v.number,
            "frozen_at": v.frozen_at,
            "response_letter": v.response_letter if role != REVIEWER else "",
            "files": files_for(viewer, v),
        }
        for v in versions
    ]


def reviewer_metadata(
    submission: Submission, version: SubmissionVersion, viewer: Viewer | None = None
) -> dict:
    """A version's metadata as its reviewers see it: without authors, redacted of them."""
    terms = (viewer.identities if viewer else Identities(submission)).authors
    data = {k: v for k, v in version.metadata.items() if k not in HIDDEN_FROM_REVIEWERS}
    for name in REDACTED_FOR_REVIEWERS:
        if isinstance(data.get(name), str):
            data[name] = redact(data[name], terms)
    return data


def file_download_name(item: SubmissionFile, role: str) -> str:
    if role == REVIEWER:
        short = str(item.version.submission.uuid)[:8]
        return f"submission-{short}-v{item.version.number}-file-{item.position}.{item.extension}"
    return item.original_name


def files_for(viewer: Viewer, version: SubmissionVersion) -> list[dict]:
    """The files and links of a version, described for this viewer."""
    role = viewer.require()
    if role == REVIEWER and not viewer.may_see_version(version):
        raise Http404
    terms = viewer.identities.authors if role == REVIEWER else ()
    rows = []
    for item in version.files.all():
        item.version = version  # for the download name, without a query per file
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


def download(viewer: Viewer, item: SubmissionFile) -> tuple[FieldFile, str]:
    """(stored file, download name) for this viewer: sanitized copy for reviewers, else 404."""
    role = viewer.require()
    if item.is_link:
        raise Http404
    if role == REVIEWER:
        if not viewer.may_see_version(item.version) or not item.sanitized:
            raise Http404
        return item.sanitized, file_download_name(item, role)
    return item.file, item.original_name


# --- assignments ----------------------------------------------------------------


def invitation_for(assignment: ReviewAssignment) -> dict:
    """What its reviewer is told of an assignment, in every state, on the page, in the API
    and in e-mails: the title and summary of the version they were invited to review and
    the editor's note, each redacted of the authors' identities. Never the live metadata."""
    terms = Identities(assignment.round.submission).authors
    metadata = assignment.round.version.metadata or {}
    return {
        "title": redact(metadata.get("title") or "", terms),
        "summary": redact(metadata.get("summary") or "", terms),
        "note": redact(assignment.message, terms),
    }


ASSIGNEE_FIELDS = ("coi_declaration", "decline_reason", "decline_note", "suggested_reviewer")


def assignment_for(viewer: Viewer, assignment: ReviewAssignment) -> dict:
    """An assignment's title, reviewer, note and answers as this viewer may see them.

    Editors: everything, with the live title. Its reviewer, whatever its state (declined
    and cancelled too): invitation_for's title and note, and their own answers. Others: 404.
    """
    if viewer.role == EDITOR:
        title, note = viewer.submission.title, assignment.message
    elif permissions.is_assignee(assignment, viewer.user):
        told = invitation_for(assignment)
        title, note = told["title"], told["note"]
    else:
        raise Http404
    return {
        "title": title,
        "reviewer": reviewer_name_for(viewer, assignment),
        "message": note,
        **{name: getattr(assignment, name) for name in ASSIGNEE_FIELDS},
    }


def extension_note_for(viewer: Viewer | None, extension: ExtensionRequest) -> str:
    """An editor's note on refusing more time: as written for editors; for its reviewer (the
    only other person who reads it: page, API, e-mail with no viewer), redacted of the authors."""
    if viewer is not None and viewer.role == EDITOR:
        return extension.note
    return redact(extension.note, Identities(extension.assignment.round.submission).authors)


# --- reviewers, reviews, decisions and the log ----------------------------------


UNNUMBERED = "A reviewer"


def reviewer_label(assignment: ReviewAssignment) -> str:
    """ "Reviewer N", the number given when the reviewer accepted (kept across rounds);
    "A reviewer" for an invitation never accepted (pending, declined, cancelled)."""
    if assignment.reviewer_number is None:
        return UNNUMBERED
    return f"Reviewer {assignment.reviewer_number}"


def reviewer_name_for(viewer: Viewer, assignment: ReviewAssignment) -> str:
    """Editors see who reviews; everyone else sees "Reviewer N" (or "A reviewer")."""
    numbered = assignment.reviewer_number is not None
    if assignment.reviewer_id == getattr(viewer.user, "pk", None):
        return f"You ({reviewer_label(assignment)})" if numbered else "You"
    if viewer.role == EDITOR:
        name = assignment.reviewer.display_name
        return f"{name} ({reviewer_label(assignment)})" if numbered else name
    return reviewer_label(assignment)


def reviews_for(viewer: Viewer) -> list[dict]:
    """Completed reviews this viewer may read, described for them.

    Editors: all, with names, confidential comments and helpfulness ratings. Authors: those
    of decided rounds, as "Reviewer N", redacted, without recommendation or confidential
    comments. Reviewers: their own, and the others of a round once it is decided.
    """
    viewer.require()
    reviews = (
        Review.objects.filter(
            assignment__round__submission=viewer.submission, submitted_at__isnull=False
        )
        .select_related("assignment__round", "assignment__reviewer", "helpfulness")
        .order_by("assignment__round__number", "assignment__reviewer_number")
    )
    return [
        _review_row(viewer, review)
        for review in reviews
        if _may_read_review(viewer, review.assignment)
    ]


class _AsReviewer(Viewer):
    """A reviewer of the submission, seen as a reviewer whatever other role they hold."""

    role = REVIEWER


def other_reviews_for(
    assignment: ReviewAssignment, identities: Identities | None = None
) -> list[dict]:
    """The other completed reviews of a decided round, as its reviewer reads them (the
    decision e-mail): "Reviewer N", redacted of the authors and the reviewers, the comments
    to the authors and the rubric answers; never a recommendation, confidential comments to
    the editor or a name, even for a reviewer who is also an editor. (`identities`: the
    submission's, when the caller has them for several reviewers.)"""
    viewer = _AsReviewer(assignment.reviewer, assignment.round.submission)
    viewer.assignments = [assignment]  # the round being decided
    if identities is not None:
        viewer.identities = identities
    rows = []
    reviews = (
        Review.objects.filter(assignment__round=assignment.round, submitted_at__isnull=False)
        .exclude(assignment=assignment)
        .select_related("assignment__round", "assignment__reviewer")
        .order_by("assignment__reviewer_number")
    )
    for review in reviews:
        if _may_read_review(viewer, review.assignment):
            rows.append(_review_row(viewer, review))
    return rows


def _may_read_review(viewer: Viewer, assignment: ReviewAssignment) -> bool:
    decided = assignment.round.closed_at is not None
    if viewer.role == AUTHOR:
        return decided
    if viewer.role == REVIEWER:
        own = assignment.reviewer_id == viewer.user.pk
        return own or (decided and viewer.reviews_round(assignment.round))
    return True


def _review_row(viewer: Viewer, review: Review) -> dict:
    assignment = review.assignment
    own = assignment.reviewer_id == viewer.user.pk
    terms = _review_terms(viewer.role, own, viewer.identities)
    row = {
        "reviewer": reviewer_name_for(viewer, assignment),
        "round": assignment.round.number,
        "answers": _redact_answers(review.answers, terms),
        "comments_to_authors": redact(review.comments_to_authors, terms),
        "submitted_at": review.submitted_at,
    }
    if viewer.role == EDITOR or own:
        row["recommendation"] = review.recommendation
    if viewer.role == EDITOR:
        row["confidential_comments"] = review.confidential_comments
        # editors alone: which assignment, to rate the review's helpfulness (1 to 3, or None)
        row["assignment"] = str(assignment.uuid)
        rating = getattr(review, "helpfulness", None)
        row["helpfulness"] = rating.score if rating else None
    return row


def _review_terms(role: str, own: bool, identities: Identities) -> list[str]:
    """Whose names a review is redacted of: for authors, the reviewers'; for a reviewer, the
    authors', and in someone else's review the reviewers' too; for editors, nobody's."""
    if role == AUTHOR:
        return identities.reviewers
    if role == REVIEWER:
        return identities.authors if own else identities.authors + identities.reviewers
    return []


def _redact_answers(answers: dict, terms: list[str]) -> dict:
    if not terms:
        return answers
    return {
        key: {k: redact(v, terms) if isinstance(v, str) else v for k, v in entry.items()}
        for key, entry in answers.items()
    }


def decisions_for(viewer: Viewer) -> list[dict]:
    """Authors and editors read decision letters; reviewers see only the kind and the date."""
    role = viewer.require()
    rows = []
    for decision in viewer.submission.decisions.select_related("round").order_by("created_at"):
        row = {
            "kind": decision.kind,
            "label": decision.get_kind_display(),
            "created_at": decision.created_at,
            "round": decision.round.number if decision.round else None,
        }
        if role == EDITOR:
            row["letter"] = decision.letter
        if role == AUTHOR:
            row["letter"] = redact(decision.letter, viewer.identities.reviewers)
        rows.append(row)
    return rows


def appeal_for(viewer: Viewer) -> dict | None:
    """The appeal of a rejection, for the authors and the editors; reviewers never see it
    (the authors' reasons may name them). Authors learn the outcome and the letter, not
    which editor answered."""
    role = viewer.require()
    appeal = getattr(viewer.submission, "appeal_record", None)
    if appeal is None or role == REVIEWER:
        return None
    row: dict[str, Any] = {
        "reasons": appeal.reasons,
        "filed_at": appeal.filed_at,
        "outcome": appeal.outcome or "pending",
        "outcome_label": appeal.get_outcome_display(),
        "decided_at": appeal.decided_at,
        "letter": appeal.letter
        if role == EDITOR
        else redact(appeal.letter, viewer.identities.reviewers),
    }
    if role == EDITOR:
        row["filed_by"] = appeal.filed_by.display_name
        row["handled_by"] = appeal.handled_by.display_name if appeal.handled_by else ""
        row["decided_by"] = appeal.decision.editor.display_name
    return row


def log_for(viewer: Viewer) -> list[dict]:
    """The status timeline, with actors named as this viewer may know them."""
    role = viewer.require()
    entries = viewer.submission.log_entries.select_related("actor", "assignment").order_by(
        "created_at", "pk"
    )
    if role != EDITOR:  # an editor's rating of a review is for editors alone
        entries = entries.exclude(transition__in=EDITORS_ONLY)
    if role == REVIEWER:
        entries = entries.filter(assignment__in=[a.pk for a in viewer.assignments])
    if role == AUTHOR:  # between a reviewer and the editors: authors never learn of it
        entries = entries.exclude(transition__in=EDITORS_AND_REVIEWER_ONLY)
    return [
        {
            "transition": entry.transition,
            "from_state": entry.from_state,
            "to_state": entry.to_state,
            "created_at": entry.created_at,
            "actor": _actor_for(viewer, entry),
            "reason": entry.reason if _reason_visible(role, entry) else "",
            "summary": _unnumbered_summary(role, entry),
        }
        for entry in entries
    ]


# Extensions of a review's due date: the reviewer's request and the editor's answer.
EDITORS_AND_REVIEWER_ONLY = (
    "request_extension",
    "withdraw_extension",
    "approve_extension",
    "refuse_extension",
    # a currency review's invitation and the reviewer's answers (reviews.services.currency)
    "currency_invite",
    "currency_accept",
    "currency_decline",
    "currency_cancel",
    "currency_submit",
)
# An editor rates a review's helpfulness (reviews.services.recognition): editors only.
EDITORS_ONLY = ("rate_review",)
# What authors read of an event on an invitation that was never accepted (so has no number).
UNNUMBERED_SUMMARIES = {
    "invite": "A reviewer was invited",
    "decline": "A reviewer declined the invitation",
    "cancel": "An invitation to review was withdrawn",
    "close": "An invitation to review ended with the round",
}


def _unnumbered_summary(role: str, entry: TransitionLog) -> str:
    """For authors, an event on an unnumbered invitation in words, without "Reviewer N":
    e.g. "A reviewer declined the invitation". Empty otherwise (the page says what and who)."""
    assignment = entry.assignment
    if role != AUTHOR or assignment is None or assignment.reviewer_number is not None:
        return ""
    if entry.transition.startswith("remind:"):
        return "A reviewer was reminded of the invitation"
    return UNNUMBERED_SUMMARIES.get(entry.transition, "")


AUTHOR_VISIBLE_REASONS = {"withdraw", "retire"}


def _reason_visible(role: str, entry: TransitionLog) -> bool:
    if role == EDITOR:
        return True
    return role == AUTHOR and entry.transition in AUTHOR_VISIBLE_REASONS


def _actor_for(viewer: Viewer, entry: TransitionLog) -> str:
    actor = entry.actor
    if actor is None:
        return "System"
    if viewer.is_self(actor):
        return "You"
    if viewer.role == EDITOR:
        return actor.display_name
    if entry.assignment is not None and entry.assignment.reviewer_id == actor.pk:
        return reviewer_label(entry.assignment)
    if permissions.is_author(actor, viewer.submission):
        return "Author" if viewer.role == REVIEWER else actor.display_name
    return "Editor"


# --- currency re-review (reviews.services.currency) ------------------------------------


def currency_resource_for(review: Any) -> dict:
    """The published version a currency reviewer reads: its metadata without the authors,
    redacted of them, and its links (labels redacted). Files stay with the editors."""
    submission = review.submission
    version = submission.current_version
    terms = Identities(submission).authors
    data = reviewer_metadata(submission, version)
    data["links"] = [
        {"label": redact(f.label, terms), "url": f.url} for f in version.files.all() if f.is_link
    ]
    return data


def currency_invitation_for(review: Any) -> dict:
    """Title, summary and the editor's note as the currency reviewer is told them, redacted."""
    submission = review.submission
    terms = Identities(submission).authors
    metadata = submission.current_version.metadata or {}
    return {
        "title": redact(metadata.get("title") or submission.title, terms),
        "summary": redact(metadata.get("summary") or "", terms),
        "note": redact(review.message, terms),
    }
