"""One service function per user action (DESIGN §11).

Each runs: visibility (404) → role predicate (403) → row lock and FSM transition
in one transaction (409 on a wrong state or a lost race) → one log row →
e-mails after commit. Pages, the API, the admin and the demo all call these.
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import partial

import django_fsm as fsm
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify

from catalog import services as catalog_services
from toolkit.accounts.validators import normalize_email
from toolkit.errors import Conflict

from . import anonymity, authorship, emails, files, permissions
from .choices import (
    OPEN_ASSIGNMENT_STATES,
    TERMINAL_SUBMISSION_STATES,
    AssignmentState,
    DecisionKind,
    DeclineReason,
    FileKind,
    Recommendation,
    SubmissionState,
)
from .models import (
    Decision,
    Review,
    ReviewAssignment,
    ReviewRound,
    SentReminder,
    Submission,
    SubmissionAuthor,
    SubmissionFile,
    SubmissionVersion,
    TransitionLog,
)
from .rubric import NUL_MESSAGE, clean_answers, missing_answers

S = SubmissionState
A = AssignmentState
EDITABLE_STATES = (S.DRAFT, S.REVISIONS_REQUESTED)
EMAIL_LENGTH = SubmissionAuthor._meta.get_field("email").max_length

# Why a transition's condition fails, in words, for the 409 message.
CONDITION_MESSAGES = {
    "has_completed_review_in_open_round": "At least one review in this round must be completed.",
    "has_required_reviews": (
        "Acceptance needs {required} completed reviews across rounds; there are {count}."
    ),
    "is_ready_to_publish": "Publishing needs a licence and sanitized copies of every file.",
}


# --- plumbing -----------------------------------------------------------------


def _require(**fields) -> None:
    """Raise a 400 listing every required text field left empty."""
    missing = {
        name: ["This field is required."]
        for name, value in fields.items()
        if not (value or "").strip()
    }
    if missing:
        raise ValidationError(missing)


def _transition_meta(obj, name):
    method = getattr(obj, name)
    return method, method._django_fsm


def authorize(obj, name: str, actor) -> None:
    """403 unless the actor holds the transition's role; 409 unless the state allows it now."""
    method, meta = _transition_meta(obj, name)
    any_transition = next(iter(meta.transitions.values()))
    if not any_transition.has_perm(obj, actor):
        raise PermissionDenied(f"You may not {name.replace('_', ' ')} this.")
    if not fsm.can_proceed(method, check_conditions=False):
        raise Conflict(
            f"Cannot {name.replace('_', ' ')} when the state is “{obj.get_state_display()}”.",
            state=obj.state,
        )
    transition = meta.get_transition(obj.state)
    for condition in transition.conditions:
        if not condition(obj):
            message = CONDITION_MESSAGES.get(condition.__name__, "A condition is not met.")
            if condition.__name__ == "has_required_reviews":
                message = message.format(
                    required=settings.TOOLKIT_REVIEWS_REQUIRED, count=obj.completed_review_count()
                )
            raise Conflict(message, state=obj.state, code="condition_not_met")


def available_transitions(obj, actor) -> list[str]:
    """Names of the transitions this actor may run on this object now."""
    return [t.name for t in obj.get_available_user_state_transitions(actor)]


def _lock_submission(submission, actor) -> Submission:
    """The submission's row, locked, if the actor may see it (404 otherwise)."""
    if not permissions.can_view_submission(actor, submission):
        raise Http404
    locked = Submission.objects.select_for_update().filter(pk=submission.pk).first()
    if locked is None:  # deleted by a request that held the lock before this one
        raise Http404
    return locked


def _locked_assignment(pk, **filters) -> ReviewAssignment | None:
    """The assignment's row, locked after its submission's row (None if gone or filtered out).

    Always in that order, as the submission's own transitions lock them (a decision closes
    the round's assignments under the submission's lock): locking the assignment first, or
    both at once through a join, deadlocked an assignment action against a decision.
    """
    submission_id = (
        ReviewAssignment.objects.filter(pk=pk)
        .values_list("round__submission_id", flat=True)
        .first()
    )
    if submission_id is None:
        return None
    Submission.objects.select_for_update().filter(pk=submission_id).first()
    return (
        ReviewAssignment.objects.select_for_update(of=("self",))
        .select_related("round__submission")
        .filter(pk=pk, **filters)
        .first()
    )


def _lock_assignment(assignment, actor) -> ReviewAssignment:
    if not ReviewAssignment.objects.visible_to(actor).filter(pk=assignment.pk).exists():
        raise Http404
    locked = _locked_assignment(assignment.pk)
    if locked is None:  # its draft submission was deleted meanwhile
        raise Http404
    return locked


def _log(submission, actor, transition, from_state, to_state, reason="", assignment=None):
    return TransitionLog.objects.create(
        submission=submission,
        assignment=assignment,
        actor=actor if getattr(actor, "pk", None) else None,
        transition=transition,
        from_state=from_state,
        to_state=to_state,
        reason=reason or "",
    )


def _after_commit(func, *args) -> None:
    """Queue the action's e-mails now, in its transaction (the outbox, toolkit.mail):
    they are delivered after the commit, and a rolled-back action sends nothing."""
    func(*args)


def _run_submission(
    submission, actor, name, *, reason="", validate=None, effects=None, notify=None
):
    """Lock, authorize, validate the input, transition, apply effects, log, e-mail after commit.

    `validate` checks what the user gave (400) only once they may act now: a wrong role is
    a 403 and a wrong state a 409 whatever the body holds, as DESIGN §10 orders them.
    """
    with transaction.atomic():
        locked = _lock_submission(submission, actor)
        authorize(locked, name, actor)
        if validate:
            validate()
        from_state = locked.state
        getattr(locked, name)()
        locked.state_changed_at = timezone.now()
        locked.save()
        result = effects(locked) if effects else None
        entry = _log(locked, actor, name, from_state, locked.state, reason)
        if notify:
            _after_commit(notify, entry)
    return result if result is not None else locked


def _run_assignment(
    assignment, actor, name, *, reason="", validate=None, update=None, effects=None, notify=None
):
    """As _run_submission, for a review assignment."""
    with transaction.atomic():
        locked = _lock_assignment(assignment, actor)
        authorize(locked, name, actor)
        if validate:
            validate()
        if update:
            update(locked)
        from_state = locked.state
        getattr(locked, name)()
        locked.save()
        if effects:
            effects(locked)
        entry = _log(locked.round.submission, actor, name, from_state, locked.state, reason, locked)
        if notify:
            _after_commit(notify, entry)
    return locked


# --- drafts, authors and files ------------------------------------------------


def _ensure_editable(submission, actor) -> None:
    if not permissions.can_edit_submission(actor, submission):
        raise PermissionDenied("Only the submitting author can change this submission.")
    if submission.state not in EDITABLE_STATES:
        raise Conflict(
            "This submission can be changed only as a draft or when revisions are requested.",
            state=submission.state,
        )


EDITABLE_FIELDS = frozenset(Submission.COPIED_FIELDS) | frozenset(Submission.TERM_FIELDS)


def _apply_metadata(submission, data: dict) -> None:
    unknown = set(data) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    for name, value in data.items():
        if name not in Submission.TERM_FIELDS:
            setattr(submission, name, value)
    submission.save()
    for name in Submission.TERM_FIELDS:
        if name in data:
            getattr(submission, name).set(data[name])


def create_draft(actor, **data) -> Submission:
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
        _log(submission, actor, "create", "", S.DRAFT)
    return submission


def update_draft(submission, actor, **data) -> Submission:
    """The owner edits the metadata of a draft or of a submission under revision (409 otherwise)."""
    with transaction.atomic():
        locked = _lock_submission(submission, actor)
        _ensure_editable(locked, actor)
        _apply_metadata(locked, data)
    return locked


def delete_draft(submission, actor) -> None:
    """The owner deletes a draft that was never submitted."""
    with transaction.atomic():
        locked = _lock_submission(submission, actor)
        _ensure_editable(locked, actor)
        if locked.state != S.DRAFT:
            raise Conflict("Only a draft can be deleted; withdraw it instead.", state=locked.state)
        locked.delete()


def set_authors(submission, actor, authors: list[dict]) -> None:
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
        if len(normalize_email(author.get("email") or "")) > EMAIL_LENGTH:
            errors[f"authors.{i}.email"] = [f"Use at most {EMAIL_LENGTH} characters."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _lock_submission(submission, actor)
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


def _working_version(submission) -> SubmissionVersion:
    version = submission.current_version
    if version is None or version.is_frozen:
        raise Conflict("This version is frozen; files cannot change.", state=submission.state)
    return version


def _next_position(version) -> int:
    return (version.files.aggregate(m=Max("position"))["m"] or 0) + 1


def add_file(submission, actor, uploaded, label: str = "") -> SubmissionFile:
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
        locked = _lock_submission(submission, actor)
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


def add_link(submission, actor, url: str, label: str = "") -> SubmissionFile:
    """The owner attaches an external link (video host, web module)."""
    from django.core.validators import URLValidator

    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            {"url": ["Enter a full web address starting with https://"]}
        ) from None
    with transaction.atomic():
        locked = _lock_submission(submission, actor)
        _ensure_editable(locked, actor)
        version = _working_version(locked)
        return SubmissionFile.objects.create(
            version=version,
            position=_next_position(version),
            kind=FileKind.LINK,
            label=(label or "").strip()[:200] or url[:200],
            url=url,
        )


def remove_file(item, actor) -> None:
    """The owner removes a file or link from the working version (stored files stay for others)."""
    with transaction.atomic():
        locked = _lock_submission(item.version.submission, actor)
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


def _copy_files(source, target) -> None:
    """Start a working version with another version's files (the stored files are shared)."""
    SubmissionFile.objects.bulk_create(
        SubmissionFile(version=target, **{name: getattr(f, name) for name in COPIED_FILE_FIELDS})
        for f in source.files.all()
    )


def _freeze(version, submission, response_letter="") -> None:
    version.frozen_at = timezone.now()
    version.metadata = submission.snapshot()
    version.response_letter = response_letter
    version.save()


def _validate_complete(submission) -> None:
    errors = submission.missing_for_submit()
    if errors:
        raise ValidationError(errors)


def submit(submission, actor) -> Submission:
    """The owner submits a complete draft; version 1 is frozen (400 if incomplete)."""

    def effects(locked):
        _validate_complete(locked)
        authorship.relink_submission(locked)
        _freeze(locked.current_version, locked)

    return _run_submission(submission, actor, "submit", effects=effects, notify=emails.submitted)


def resubmit(submission, actor, *, response_letter: str = "") -> Submission:
    """The owner answers a revision request: the new version is frozen with the response letter."""

    def effects(locked):
        _validate_complete(locked)
        authorship.relink_submission(locked)
        _freeze(locked.current_version, locked, response_letter.strip())

    return _run_submission(
        submission,
        actor,
        "resubmit",
        validate=lambda: _require(response_letter=response_letter),
        effects=effects,
        notify=emails.resubmitted,
    )


def _close_round(submission) -> ReviewRound | None:
    """End the open round: open assignments become closed."""
    review_round = submission.rounds.select_for_update().filter(closed_at__isnull=True).first()
    if review_round is None:
        return None
    for assignment in review_round.assignments.select_for_update().filter(
        state__in=OPEN_ASSIGNMENT_STATES
    ):
        assignment.close()
        assignment.save()
    review_round.closed_at = timezone.now()
    review_round.save(update_fields=["closed_at"])
    return review_round


def _last_round(submission):
    return submission.rounds.order_by("-number").first()


def withdraw(submission, actor, *, reason: str = "") -> Submission:
    """The owner withdraws before publication, with a reason; open assignments close."""

    def effects(locked):
        _close_round(locked)

    return _run_submission(
        submission,
        actor,
        "withdraw",
        reason=reason.strip(),
        validate=lambda: _require(reason=reason),
        effects=effects,
        notify=emails.withdrawn,
    )


def _decide(submission, actor, name, kind, letter, reason="", extra=None, validate=None):
    def effects(locked):
        review_round = _close_round(locked) or _last_round(locked)
        Decision.objects.create(
            submission=locked, round=review_round, editor=actor, kind=kind, letter=letter.strip()
        )
        if extra:
            extra(locked)

    return _run_submission(
        submission,
        actor,
        name,
        reason=reason,
        validate=validate,
        effects=effects,
        notify=emails.decided,
    )


def desk_reject(submission, actor, *, reason: str = "", letter: str = "") -> Submission:
    """An editor rejects a submitted resource without review (reason and letter required)."""
    return _decide(
        submission,
        actor,
        "desk_reject",
        DecisionKind.DESK_REJECT,
        letter,
        reason=reason.strip(),
        validate=lambda: _require(reason=reason, letter=letter),
    )


def request_revisions(submission, actor, *, letter: str = "") -> Submission:
    """An editor asks for revisions; a new working version opens for the owner."""

    def new_version(locked):
        previous = locked.current_version
        version = SubmissionVersion.objects.create(submission=locked, number=previous.number + 1)
        _copy_files(previous, version)

    return _decide(
        submission,
        actor,
        "request_revisions",
        DecisionKind.REQUEST_REVISIONS,
        letter,
        extra=new_version,
        validate=lambda: _require(letter=letter),
    )


def accept(submission, actor, *, letter: str = "") -> Submission:
    """An editor accepts once enough reviews are completed (409 otherwise)."""
    letter = (letter or "").strip() or (
        "We are pleased to accept your submission for publication in the catalog."
    )
    return _decide(submission, actor, "accept", DecisionKind.ACCEPT, letter)


def reject(submission, actor, *, letter: str = "") -> Submission:
    """An editor rejects after review, with a letter."""
    return _decide(
        submission,
        actor,
        "reject",
        DecisionKind.REJECT,
        letter,
        validate=lambda: _require(letter=letter),
    )


def send_to_review(submission, actor) -> Submission:
    """An editor opens round N+1 on the current version."""

    def effects(locked):
        number = (locked.rounds.aggregate(m=Max("number"))["m"] or 0) + 1
        ReviewRound.objects.create(submission=locked, number=number, version=locked.current_version)

    return _run_submission(submission, actor, "send_to_review", effects=effects)


# The submission's texts that the catalog keeps (the title is passed on its own).
PUBLISHED_TEXT_FIELDS = tuple(
    f for f in catalog_services.TEXT_FIELDS if f in Submission.TEXT_FIELDS and f != "title"
)


def _publication(submission) -> catalog_services.Publication:
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
                file=f.sanitized.name,
                download_name=f"{slug}-{name}.{f.extension}",
                content_type=f.content_type,
                size=f.sanitized.size,
            )
        )
    return catalog_services.Publication(
        title=submission.title,
        resource_type=submission.resource_type,
        language=submission.language,
        license=submission.license,
        levels=list(submission.learner_levels.all()),
        topics=list(submission.topics.all()),
        methods=list(submission.methods.all()),
        authors=[
            {"name": a.name, "affiliation": a.affiliation, "orcid": a.orcid}
            for a in submission.authors.all()
        ],
        files=public_files,
        reviewed_at=accepted.created_at if accepted else timezone.now(),
        interprofessional=submission.interprofessional,
        time_required_minutes=submission.time_required_minutes,
        attachment_text="\n".join(f.extracted_text for f in version.files.all())[:1_000_000],
        **{name: getattr(submission, name) for name in PUBLISHED_TEXT_FIELDS},
    )


def publish(submission, actor, *, change_note: str = "") -> Submission:
    """An editor publishes an accepted submission: the catalog resource is created or updated."""

    def effects(locked):
        publication = _publication(locked)
        publication.change_note = (change_note or "").strip()
        locked.resource = catalog_services.publish_resource(publication, locked.resource)
        locked.save(update_fields=["resource"])

    return _run_submission(submission, actor, "publish", effects=effects, notify=emails.published)


def retire(submission, actor, *, reason: str = "") -> Submission:
    """An editor retires a published resource; its page becomes a 410 tombstone with the reason."""

    def effects(locked):
        if locked.resource_id:
            catalog_services.retire_resource(locked.resource, reason.strip())

    return _run_submission(
        submission,
        actor,
        "retire",
        reason=reason.strip(),
        validate=lambda: _require(reason=reason),
        effects=effects,
        notify=emails.retired,
    )


def start_new_version(submission, actor) -> Submission:
    """The owner of a published resource starts a new draft that will replace it when published.

    One at a time (409 "version_in_progress"): the check runs under the lock of the catalog
    resource, which every published submission of it shares.
    """
    with transaction.atomic():
        locked = _lock_submission(submission, actor)
        if not permissions.can_edit_submission(actor, locked):
            raise Http404
        if locked.state != S.PUBLISHED:
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
        draft = create_draft(actor, **data)
        draft.resource = locked.resource
        draft.save(update_fields=["resource"])
        set_authors(
            draft, actor, list(locked.authors.values("name", "email", "affiliation", "orcid"))
        )
        _copy_files(locked.current_version, draft.current_version)
    return draft


# --- assignments -------------------------------------------------------------------


MAX_DUE_DAYS = 365  # the latest answer date an invitation may set, from today


def _due_dates(response_due, review_due):
    """The invitation's dates, defaulted from the settings; 400 unless in order and in reach."""
    today = timezone.localdate()
    response_due = response_due or today + timedelta(days=settings.TOOLKIT_RESPONSE_DUE_DAYS)
    latest = today + timedelta(days=MAX_DUE_DAYS)
    if not today <= response_due <= latest:
        raise ValidationError(
            {"response_due": [f"Choose a date from today to {latest:%-d %B %Y}."]}
        )
    review_due = review_due or response_due + timedelta(days=settings.TOOLKIT_REVIEW_DUE_DAYS)
    latest_review = response_due + timedelta(days=MAX_DUE_DAYS)
    if not response_due <= review_due <= latest_review:
        raise ValidationError(
            {
                "review_due": [
                    "Choose a date on or after the answer date, "
                    f"and no later than {latest_review:%-d %B %Y}."
                ]
            }
        )
    return response_due, review_due


def invite(
    submission,
    actor,
    *,
    reviewer,
    response_due=None,
    review_due=None,
    message: str = "",
) -> ReviewAssignment:
    """An editor invites a reviewer to the open round (409 for an author or a conflict)."""
    with transaction.atomic():
        locked = _lock_submission(submission, actor)
        if not permissions.can_decide(actor, locked):
            raise PermissionDenied("Only an editor who is not an author can invite reviewers.")
        review_round = locked.open_round
        if locked.state != S.IN_REVIEW or review_round is None:
            raise Conflict("Reviewers can be invited only while in review.", state=locked.state)
        if reviewer is None or not permissions.is_reviewer(reviewer):
            raise ValidationError({"reviewer": ["Choose a person who holds the reviewer role."]})
        response_due, review_due = _due_dates(response_due, review_due)
        reason = permissions.conflict_reason(reviewer, locked)
        if reason:
            raise Conflict(reason, state=locked.state, code="conflict_of_interest")
        if review_round.assignments.filter(
            reviewer=reviewer, state__in=[A.INVITED, A.ACCEPTED, A.COMPLETED]
        ).exists():
            raise Conflict(
                "This reviewer already has an assignment in this round.",
                state=locked.state,
                code="already_invited",
            )
        earlier = ReviewAssignment.objects.filter(round__submission=locked, reviewer=reviewer)
        number = earlier.values_list("reviewer_number", flat=True).first() or (
            (
                ReviewAssignment.objects.filter(round__submission=locked).aggregate(
                    m=Max("reviewer_number")
                )["m"]
                or 0
            )
            + 1
        )
        try:
            with transaction.atomic():
                assignment = ReviewAssignment.objects.create(
                    round=review_round,
                    reviewer=reviewer,
                    reviewer_number=number,
                    invited_by=actor,
                    response_due=response_due,
                    review_due=review_due,
                    message=(message or "").strip(),
                )
        except IntegrityError:
            raise Conflict(
                "This reviewer already has an assignment in this round.",
                state=locked.state,
                code="already_invited",
            ) from None
        entry = _log(locked, actor, "invite", "", A.INVITED, message, assignment)
        _after_commit(emails.invited, entry)
    return assignment


def accept_invitation(assignment, actor, *, coi_declaration: str = "") -> ReviewAssignment:
    """The invited reviewer accepts, declaring conflicts of interest (or “None”)."""

    def update(locked):
        locked.coi_declaration = coi_declaration.strip()

    def effects(locked):
        Review.objects.get_or_create(assignment=locked)

    return _run_assignment(
        assignment,
        actor,
        "accept",
        validate=lambda: _require(coi_declaration=coi_declaration),
        update=update,
        effects=effects,
        notify=emails.invitation_answered,
    )


def decline_invitation(
    assignment, actor, *, reason: str = "", note: str = "", suggestion: str = ""
) -> ReviewAssignment:
    """The invited reviewer declines with a reason code (a note is required for “other”)."""

    def validate():
        if reason not in DeclineReason.values:
            choices = ", ".join(DeclineReason.values)
            raise ValidationError({"reason": [f"Choose one of: {choices}."]})
        if reason == DeclineReason.OTHER:
            _require(note=note)

    def update(locked):
        locked.decline_reason = reason
        locked.decline_note = (note or "").strip()
        locked.suggested_reviewer = (suggestion or "").strip()[:300]

    return _run_assignment(
        assignment,
        actor,
        "decline",
        reason=reason,
        validate=validate,
        update=update,
        notify=emails.invitation_answered,
    )


def cancel_assignment(assignment, actor, *, reason: str = "") -> ReviewAssignment:
    """An editor cancels an invitation or an accepted assignment."""
    return _run_assignment(
        assignment, actor, "cancel", reason=(reason or "").strip(), notify=emails.cancelled
    )


def ensure_review_writable(assignment, actor) -> None:
    """403 unless the actor is the assigned reviewer; 409 unless the review is open for writing."""
    if not permissions.is_assignee(actor, assignment):
        raise PermissionDenied("Only the assigned reviewer can write this review.")
    if assignment.state != A.ACCEPTED:
        raise Conflict(
            "A review can be written only after accepting, and until it is submitted.",
            state=assignment.state,
        )


STALE_DRAFT = "stale_draft"


def _stale_draft(review) -> Conflict:
    saved = timezone.localtime(review.updated_at)
    return Conflict(
        f"This review was changed in another tab or window at {saved:%H:%M}, after the "
        "text you sent was loaded, so your text was not saved.",
        state=A.ACCEPTED,
        code=STALE_DRAFT,
        version=review.version,
        updated_at=saved.isoformat(),
        saved_at=f"{saved:%H:%M}",
    )


def _merge_answers(saved: dict, given: dict, cleaned: dict) -> dict:
    """The saved answers with the criteria named in `given` replaced (or removed if empty)."""
    return {**{k: v for k, v in saved.items() if k not in given}, **cleaned}


def save_review_draft(assignment, actor, *, version=None, merge_answers=False, **data) -> Review:
    """The assigned reviewer saves a draft: only the fields given change (400 if invalid).

    `version` is the draft version the text was based on: a save based on another one (a
    stale tab) is refused with 409 "stale_draft" and the current version, never applied.
    Pages and the API always pass it; None (internal callers only) skips the check.
    `answers` replace the saved answers, or with `merge_answers` only the criteria named.
    """
    with transaction.atomic():
        locked = _lock_assignment(assignment, actor)
        ensure_review_writable(locked, actor)
        answers, errors = clean_answers(data["answers"]) if "answers" in data else (None, {})
        recommendation = data.get("recommendation") or ""
        if recommendation and recommendation not in Recommendation.values:
            errors["recommendation"] = [f"Choose one of: {', '.join(Recommendation.values)}."]
        if errors:
            raise ValidationError(errors)
        review, _ = Review.objects.select_for_update().get_or_create(assignment=locked)
        if version is not None and version != review.version:
            raise _stale_draft(review)
        if answers is not None:
            merge = merge_answers and isinstance(data["answers"], dict)
            review.answers = (
                _merge_answers(review.answers, data["answers"], answers) if merge else answers
            )
        if "recommendation" in data:
            review.recommendation = recommendation
        for name in ("comments_to_authors", "confidential_comments"):
            if name in data:
                setattr(review, name, data[name] or "")
        review.version += 1
        review.save()
    return review


def complete_review(assignment, actor) -> ReviewAssignment:
    """The reviewer submits the saved review; every required answer must be there (400)."""

    def update(locked):
        review, _ = Review.objects.select_for_update().get_or_create(assignment=locked)
        errors = missing_answers(review.answers)
        if not review.recommendation:
            errors["recommendation"] = ["Choose a recommendation."]
        if not review.comments_to_authors.strip():
            errors["comments_to_authors"] = ["Write your comments to the authors."]
        if errors:
            raise ValidationError(errors)
        review.submitted_at = timezone.now()
        review.save(update_fields=["submitted_at", "updated_at"])

    return _run_assignment(
        assignment, actor, "complete", update=update, notify=emails.review_completed
    )


def remind(assignment, actor) -> ReviewAssignment:
    """An editor sends a reminder now, at most once a day per assignment."""
    with transaction.atomic():
        locked = _lock_assignment(assignment, actor)
        if not permissions.can_decide(actor, locked.round.submission):
            raise PermissionDenied("Only an editor can send reminders.")
        if locked.state not in OPEN_ASSIGNMENT_STATES:
            raise Conflict("Only open assignments can be reminded.", state=locked.state)
        _, created = SentReminder.objects.get_or_create(
            assignment=locked, kind=f"manual:{timezone.localdate().isoformat()}"
        )
        if not created:
            raise Conflict(
                "A reminder was already sent today.", state=locked.state, code="already_reminded"
            )
        entry = _log(
            locked.round.submission, actor, "remind", locked.state, locked.state, "", locked
        )
        _after_commit(emails.reminder, entry)
    return locked


# --- transitions by name (API, admin) --------------------------------------------


@dataclass(frozen=True)
class Action:
    func: object
    fields: tuple = ()


SUBMISSION_ACTIONS = {
    "submit": Action(submit),
    "withdraw": Action(withdraw, ("reason",)),
    "desk_reject": Action(desk_reject, ("reason", "letter")),
    "send_to_review": Action(send_to_review),
    "request_revisions": Action(request_revisions, ("letter",)),
    "resubmit": Action(resubmit, ("response_letter",)),
    "accept": Action(accept, ("letter",)),
    "reject": Action(reject, ("letter",)),
    "publish": Action(publish, ("change_note",)),
    "retire": Action(retire, ("reason",)),
}

ASSIGNMENT_ACTIONS = {
    "accept": Action(accept_invitation, ("coi_declaration",)),
    "decline": Action(decline_invitation, ("reason", "note", "suggestion")),
    "cancel": Action(cancel_assignment, ("reason",)),
    "complete": Action(complete_review),
}


def run_action(actions: dict, name: str, obj, actor, data) -> object:
    """Run a named transition with the fields it takes from `data` (404 for an unknown name)."""
    action = actions.get(name)
    if action is None:
        raise Http404
    kwargs = {}
    for field in action.fields:
        value = data.get(field, "") if hasattr(data, "get") else ""
        if not isinstance(value, str):
            raise ValidationError({field: ["Give this as text."]})
        if "\x00" in value:  # as a form's CharField: PostgreSQL cannot store one
            raise ValidationError({field: [NUL_MESSAGE]})
        kwargs[field] = value
    return action.func(obj, actor, **kwargs)


# --- reminders ---------------------------------------------------------------------

REMIND_BEFORE_DAYS = {A.INVITED: 2, A.ACCEPTED: 3}


def _due_reminders(assignment, today):
    """(kind, notify) pairs due today for one open assignment; kinds carry the due date."""
    due = assignment.response_due if assignment.state == A.INVITED else assignment.review_due
    stem = "response" if assignment.state == A.INVITED else "review"
    if today > due:
        return [
            (f"{stem}_overdue:{due.isoformat()}", partial(emails.reminder, kind="overdue")),
            (f"{stem}_overdue_editor:{due.isoformat()}", emails.overdue),
        ]
    if today >= due - timedelta(days=REMIND_BEFORE_DAYS[assignment.state]):
        return [(f"{stem}_soon:{due.isoformat()}", partial(emails.reminder, kind="soon"))]
    return []


def _remind_if_due(pk, today) -> int:
    """Send the reminders due today for one assignment, if it is still open (0 otherwise).

    Under its row lock: a sweep never reminds an assignment cancelled or answered since the
    sweep listed it, and simultaneous sweeps send each reminder once.
    """
    sent = 0
    with transaction.atomic():
        assignment = _locked_assignment(pk, state__in=OPEN_ASSIGNMENT_STATES)
        if assignment is None:
            return 0
        for kind, notify in _due_reminders(assignment, today):
            _, created = SentReminder.objects.get_or_create(assignment=assignment, kind=kind)
            if not created:
                continue
            entry = _log(
                assignment.round.submission,
                None,
                f"remind:{kind.split(':')[0]}",
                assignment.state,
                assignment.state,
                "",
                assignment,
            )
            _after_commit(notify, entry)
            sent += 1
    return sent


def send_due_reminders(today=None) -> int:
    """Remind reviewers before and after due dates and tell editors of overdue work.

    Idempotent and safe to run concurrently: a SentReminder row per (assignment, kind),
    written under the assignment's row lock.
    """
    today = today or timezone.localdate()
    return sum(
        _remind_if_due(pk, today)
        for pk in ReviewAssignment.objects.open().values_list("pk", flat=True)
    )
