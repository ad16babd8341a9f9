"""Simultaneous requests: exactly one wins, the others get 409, nothing is doubled (DESIGN §11)."""

from collections import Counter

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from reviews import services
from reviews.models import Decision, ReviewAssignment, Submission, TransitionLog
from tests import factories, samples
from tests.races import THREADS, outcomes, race
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def reviewed(reviewers):
    owner = factories.user("owner", email="owner@example.org")
    editor = factories.user("ed", roles=["contributor", "editor"], email="ed@example.org")
    submission, assignments = factories.in_review(owner, editor, reviewers[:2], completed=2)
    mail.outbox.clear()
    return submission, editor, owner


def test_eight_editors_accepting_at_once_make_one_decision(reviewed):
    submission, editor, owner = reviewed
    others = [factories.user(f"ed{i}", roles=["editor"]) for i in range(7)]
    editors = [editor, *others]
    results = race(
        [
            lambda e=e: services.accept(Submission.objects.get(pk=submission.pk), e, letter="Yes")
            for e in editors
        ]
    )
    wins = [r for r in results if isinstance(r, Submission)]
    conflicts = [r for r in results if isinstance(r, Conflict)]
    assert len(wins) == 1, results
    assert len(conflicts) == 7, results
    assert Decision.objects.filter(submission=submission).count() == 1
    accepts = TransitionLog.objects.filter(submission=submission, transition="accept")
    assert accepts.filter(assignment__isnull=True).count() == 1
    decision_mail = [m for m in mail.outbox if "Decision" in m.subject]
    assert [m.to[0] for m in decision_mail] == ["owner@example.org"]


def test_eight_identical_requests_by_one_editor_make_one_decision(reviewed):
    submission, editor, _ = reviewed
    results = race(
        [lambda: services.reject(Submission.objects.get(pk=submission.pk), editor, letter="No")] * 8
    )
    assert sum(isinstance(r, Submission) for r in results) == 1
    assert sum(isinstance(r, Conflict) for r in results) == 7
    assert Decision.objects.filter(submission=submission).count() == 1


def test_accepting_an_invitation_while_it_is_cancelled_serializes_cleanly(reviewers):
    """Either order is legal (cancel works on accepted work too), but never both at once:
    the invitation ends cancelled, a late accept gets 409, and each success logs one row."""
    owner = factories.user("owner")
    editor = factories.user("ed", roles=["contributor", "editor"])
    submission, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    for _ in range(3):
        results = race(
            [
                lambda a=assignment: services.accept_invitation(
                    ReviewAssignment.objects.get(pk=a.pk), reviewers[0], coi_declaration="None."
                ),
                lambda a=assignment: services.cancel_assignment(
                    ReviewAssignment.objects.get(pk=a.pk), editor
                ),
            ]
        )
        accepted, cancelled = results
        assert isinstance(cancelled, ReviewAssignment), results
        assert isinstance(accepted, ReviewAssignment | Conflict), results
        assert ReviewAssignment.objects.get(pk=assignment.pk).state == "cancelled"
        logged = TransitionLog.objects.filter(assignment=assignment)
        assert logged.filter(transition="cancel").count() == 1
        assert logged.filter(transition="accept").count() == int(
            isinstance(accepted, ReviewAssignment)
        )
        assignment = services.invite(submission, editor, reviewer=reviewers[0])


# --- every submission transition: N identical requests, one winner ------------------------


def fresh(submission):
    return Submission.objects.get(pk=submission.pk)


def one_mail_per_recipient():
    recipients = Counter(address for message in mail.outbox for address in message.to)
    assert all(n == 1 for n in recipients.values()), recipients
    return recipients


TRANSITION_STARTS = {
    "submit": "draft",
    "withdraw": "in_review",
    "desk_reject": "submitted",
    "send_to_review": "submitted",
    "request_revisions": "in_review",
    "resubmit": "revisions_requested",
    "accept": "in_review",
    "reject": "in_review",
    "publish": "accepted",
    "retire": "published",
}


@pytest.mark.parametrize("name", sorted(TRANSITION_STARTS))
def test_identical_transition_requests_at_once_run_the_transition_once(name, reviewers):
    owner = factories.user("owner", email="owner@example.org")
    editor = factories.user("ed", roles=["contributor", "editor"], email="ed@example.org")
    submission = factories.submission_in(TRANSITION_STARTS[name], owner, editor, reviewers)
    versions, rounds = submission.versions.count(), submission.rounds.count()
    mail.outbox.clear()
    results = race([lambda: factories.transition(name, fresh(submission), owner, editor)] * THREADS)
    assert outcomes(results) == {"ok": 1, "Conflict": THREADS - 1}, results
    logged = TransitionLog.objects.filter(submission=submission, assignment__isnull=True)
    assert logged.filter(transition=name).count() == 1
    one_mail_per_recipient()
    submission = fresh(submission)
    assert submission.versions.count() == versions + (name == "request_revisions")
    assert submission.rounds.count() == rounds + (name == "send_to_review")
    if name == "publish":
        assert submission.resource.versions.count() == 1


# --- services with a check before acting ----------------------------------------------------


@pytest.fixture
def published(reviewers):
    owner = factories.user("owner", email="owner@example.org")
    editor = factories.user("ed", roles=["contributor", "editor"], email="ed@example.org")
    return factories.submission_in("published", owner, editor, reviewers), owner, editor


def test_new_version_requests_at_once_start_one_draft(published):
    """Issue 11 item 8: ten "start a new version" POSTs made two drafts."""
    submission, owner, _ = published
    results = race([lambda: services.start_new_version(fresh(submission), owner)] * 10)
    assert outcomes(results) == {"ok": 1, "Conflict": 9}, results
    assert {r.code for r in results if isinstance(r, Conflict)} == {"version_in_progress"}
    drafts = Submission.objects.filter(resource=submission.resource_id, state="draft")
    assert drafts.count() == 1
    assert TransitionLog.objects.filter(submission__in=drafts, transition="create").count() == 1


@pytest.fixture
def owner_and_draft(db):
    owner = factories.user("owner", email="owner@example.org")
    return owner, factories.draft(owner)


def test_deleting_a_draft_twice_at_once_deletes_it_once_and_the_rest_are_not_found(
    owner_and_draft,
):
    owner, draft = owner_and_draft
    results = race([lambda: services.delete_draft(draft, owner)] * THREADS)  # as loaded before
    assert outcomes(results) == {"ok": 1, "Http404": THREADS - 1}, results
    assert not Submission.objects.filter(pk=draft.pk).exists()


def test_deleting_a_draft_while_it_is_submitted_does_one_or_the_other(owner_and_draft):
    owner, draft = owner_and_draft
    # Each request has loaded the draft before the other acts, as a view does: a thread that
    # started late must not find the row gone in the test's own lookup.
    to_delete, to_submit = fresh(draft), fresh(draft)
    deleted, submitted = race(
        [
            lambda: services.delete_draft(to_delete, owner),
            lambda: services.submit(to_submit, owner),
        ]
    )
    remaining = Submission.objects.filter(pk=draft.pk).first()
    if remaining is None:  # the delete came first: the submit found nothing
        assert deleted is None and isinstance(submitted, Http404), (deleted, submitted)
    else:  # the submit came first: a submitted resource is no longer a draft to delete
        assert remaining.state == "submitted"
        assert isinstance(deleted, Conflict) and isinstance(submitted, Submission)


def test_files_and_links_added_at_once_get_distinct_positions(owner_and_draft):
    owner, draft = owner_and_draft  # it has one link, at position 1
    calls = [
        lambda i=i: services.add_link(fresh(draft), owner, f"https://example.org/{i}", f"L{i}")
        for i in range(THREADS // 2)
    ] + [
        lambda i=i: services.add_file(
            fresh(draft), owner, SimpleUploadedFile(f"guide{i}.png", samples.png_bytes())
        )
        for i in range(THREADS // 2)
    ]
    results = race(calls)
    assert outcomes(results) == {"ok": THREADS}, results
    positions = list(fresh(draft).current_version.files.values_list("position", flat=True))
    assert sorted(positions) == list(range(1, THREADS + 2))


def test_a_file_removed_twice_at_once_is_removed_once_and_the_rest_are_not_found(
    owner_and_draft,
):
    owner, draft = owner_and_draft
    item = draft.current_version.files.get()
    results = race([lambda: services.remove_file(item, owner)] * THREADS)
    assert outcomes(results) == {"ok": 1, "Http404": THREADS - 1}, results
    assert not fresh(draft).current_version.files.exists()


def test_bylines_set_at_once_leave_exactly_one_of_them(owner_and_draft):
    owner, draft = owner_and_draft
    bylines = [
        [{"name": f"Author {i}.{j}", "email": f"a{i}.{j}@example.org"} for j in range(1, i + 2)]
        for i in range(THREADS)
    ]
    results = race([lambda b=b: services.set_authors(fresh(draft), owner, b) for b in bylines])
    assert outcomes(results) == {"ok": THREADS}, results
    rows = list(fresh(draft).authors.order_by("position").values("position", "name"))
    assert [r["position"] for r in rows] == list(range(1, len(rows) + 1))
    assert [r["name"] for r in rows] in [[a["name"] for a in b] for b in bylines]


def test_one_reviewer_invited_at_once_by_several_editors_gets_one_invitation(reviewers):
    owner = factories.user("owner", email="owner@example.org")
    editors = [factories.user(f"ed{i}", roles=["editor"]) for i in range(THREADS)]
    submission, _ = factories.in_review(owner, editors[0])
    mail.outbox.clear()
    results = race(
        [lambda e=e: services.invite(fresh(submission), e, reviewer=reviewers[0]) for e in editors]
    )
    assert outcomes(results) == {"ok": 1, "Conflict": THREADS - 1}, results
    assert {r.code for r in results if isinstance(r, Conflict)} == {"already_invited"}
    assert ReviewAssignment.objects.filter(round__submission=submission).count() == 1
    assert TransitionLog.objects.filter(submission=submission, transition="invite").count() == 1
    assert one_mail_per_recipient() == {reviewers[0].email: 1}


def test_reviewers_accepting_at_once_get_distinct_reviewer_numbers(db):
    owner = factories.user("owner")
    editor = factories.user("ed", roles=["contributor", "editor"])
    people = [factories.reviewer_user(f"r{i}") for i in range(THREADS)]
    submission, assignments = factories.in_review(owner, editor, people)
    mail.outbox.clear()
    results = race(
        [
            lambda a=a, r=r: services.accept_invitation(
                ReviewAssignment.objects.get(pk=a.pk), r, coi_declaration="None."
            )
            for a, r in zip(assignments, people, strict=True)
        ]
    )
    assert outcomes(results) == {"ok": THREADS}, results
    numbers = ReviewAssignment.objects.filter(round__submission=submission).values_list(
        "reviewer_number", flat=True
    )
    assert sorted(numbers) == list(range(1, THREADS + 1))


def test_resources_with_one_title_published_at_once_get_distinct_slugs(reviewers):
    owner = factories.user("owner")
    editor = factories.user("ed", roles=["contributor", "editor"])
    accepted = [
        factories.submission_in("accepted", owner, editor, reviewers) for _ in range(THREADS // 2)
    ]
    results = race([lambda s=s: services.publish(fresh(s), editor) for s in accepted])
    assert outcomes(results) == {"ok": THREADS // 2}, results
    slugs = {fresh(s).resource.slug for s in accepted}
    assert len(slugs) == THREADS // 2
    assert "working-with-medical-interpreters-on-the-wards" in slugs


def test_a_draft_edited_while_it_is_submitted_is_frozen_with_the_edit_or_refuses_it(
    owner_and_draft,
):
    owner, draft = owner_and_draft
    edited, submitted = race(
        [
            lambda: services.update_draft(fresh(draft), owner, title="Edited at the last moment"),
            lambda: services.submit(fresh(draft), owner),
        ]
    )
    assert isinstance(submitted, Submission), submitted
    frozen = fresh(draft).versions.get(number=1).metadata["title"]
    if isinstance(edited, Conflict):  # the submit came first: version 1 is as it was
        assert frozen == fresh(draft).title == "Working with medical interpreters on the wards"
    else:  # the edit came first and is what was submitted
        assert frozen == fresh(draft).title == "Edited at the last moment"


def late_review_in_a_round_to_decide(owner, editor, reviewers):
    """A submission in review with one review completed and a second one ready to submit."""
    submission, (_, late) = factories.in_review(owner, editor, reviewers[:2], completed=1)
    services.accept_invitation(late, reviewers[1], coi_declaration="None.")
    services.save_review_draft(
        late,
        reviewers[1],
        answers=factories.COMPLETE_ANSWERS,
        recommendation="accept",
        comments_to_authors="Late but complete.",
    )
    return submission, late


@pytest.mark.parametrize("attempt", range(3))  # the deadlock it guards against was intermittent
def test_a_review_completed_while_the_round_is_decided_is_either_in_it_or_closed(
    reviewers, attempt
):
    owner = factories.user("owner")
    editor = factories.user("ed", roles=["contributor", "editor"])
    submission, late = late_review_in_a_round_to_decide(owner, editor, reviewers)
    completed, decided = race(
        [
            lambda: services.complete_review(
                ReviewAssignment.objects.get(pk=late.pk), reviewers[1]
            ),
            lambda: services.request_revisions(fresh(submission), editor, letter="Please revise."),
        ]
    )
    assert isinstance(decided, Submission), decided
    assert isinstance(completed, ReviewAssignment | Conflict), completed
    late = ReviewAssignment.objects.get(pk=late.pk)
    log = TransitionLog.objects.filter(submission=submission)
    if isinstance(completed, Conflict):  # the decision closed the round first
        assert late.state == "closed" and not log.filter(transition="complete", assignment=late)
    else:  # completed first: part of the round the decision closed
        assert late.state == "completed"
        assert (
            log.get(transition="complete", assignment=late).pk
            < log.get(transition="request_revisions").pk
        )
