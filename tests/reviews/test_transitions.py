"""Every submission transition from every state, by every role (DESIGN §4)."""

from datetime import timedelta

import django_fsm as fsm
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from reviews import services
from reviews.choices import SubmissionState as S
from reviews.models import Decision, Submission, TransitionLog
from tests import factories
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db

# DESIGN §4, written out independently of the model's decorators.
ALLOWED = {
    "submit": {"draft"},
    "withdraw": {
        "draft",
        "submitted",
        "resubmitted",
        "in_review",
        "revisions_requested",
        "accepted",
    },
    "desk_reject": {"submitted", "resubmitted"},
    "send_to_review": {"submitted", "resubmitted"},
    "request_revisions": {"in_review"},
    "resubmit": {"revisions_requested"},
    "accept": {"in_review", "resubmitted"},
    "reject": {"in_review"},
    "publish": {"accepted"},
    "retire": {"published"},
    "appeal": {"rejected"},
}
TARGET = {
    "submit": S.SUBMITTED,
    "withdraw": S.WITHDRAWN,
    "desk_reject": S.REJECTED,
    "send_to_review": S.IN_REVIEW,
    "request_revisions": S.REVISIONS_REQUESTED,
    "resubmit": S.SUBMITTED,
    "accept": S.ACCEPTED,
    "reject": S.REJECTED,
    "publish": S.PUBLISHED,
    "retire": S.RETIRED,
    "appeal": S.APPEALED,
}
OWNER_TRANSITIONS = factories.OWNER_TRANSITIONS
STATES = factories.WORKFLOW_STATES


def call(name, submission, actor):
    return getattr(services, name)(submission, actor, **factories.TRANSITION_TEXT.get(name, {}))


@pytest.fixture
def people(reviewers):
    owner = factories.user("owner", display_name="Olive Owner")
    editor = factories.user("ed", roles=["contributor", "editor"], display_name="Ed Itor")
    return owner, editor, reviewers


def reach(state, owner, editor, reviewers):
    return factories.submission_in(state, owner, editor, reviewers)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_each_transition_runs_only_from_its_source_states(name, state, people):
    owner, editor, reviewers = people
    submission = reach(state, owner, editor, reviewers)
    actor = owner if name in OWNER_TRANSITIONS else editor
    logged = TransitionLog.objects.filter(submission=submission).count()
    before = submission.state
    if state in ALLOWED[name]:
        result = call(name, submission, actor)
        assert result.state == TARGET[name]
        assert Submission.objects.get(pk=submission.pk).state == TARGET[name]
        entry = TransitionLog.objects.filter(submission=submission).latest("pk")
        assert (entry.transition, entry.to_state, entry.actor) == (name, TARGET[name], actor)
    elif state == "draft" and actor == editor:
        with pytest.raises(Http404):  # an editor cannot even see someone else's draft
            call(name, submission, actor)
    else:
        before = submission.state
        with pytest.raises(Conflict) as error:
            call(name, submission, actor)
        assert error.value.state == before
        assert Submission.objects.get(pk=submission.pk).state == before
        assert TransitionLog.objects.filter(submission=submission).count() == logged


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_every_wrong_role_is_denied_and_outsiders_cannot_see_it(name, people):
    owner, editor, reviewers = people
    state = sorted(ALLOWED[name])[0]
    submission = reach(state, owner, editor, reviewers)
    outsider = factories.user("nosy")
    with pytest.raises(Http404):
        call(name, submission, outsider)
    wrong = [editor] if name in OWNER_TRANSITIONS else [owner]
    if name not in OWNER_TRANSITIONS and state != "draft":
        wrong.append(reviewers[0])  # a reviewer who can see it, but is no editor
    for actor in wrong:
        with pytest.raises((PermissionDenied, Http404)):
            call(name, submission, actor)
    assert Submission.objects.get(pk=submission.pk).state == submission.state


def test_an_editor_cannot_decide_on_their_own_submission(people):
    _, editor, _ = people
    submission = services.submit(factories.draft(editor), editor)
    other_editor = factories.user("ed2", roles=["editor"])
    with pytest.raises(PermissionDenied):
        services.send_to_review(submission, editor)
    assert services.send_to_review(submission, other_editor).state == S.IN_REVIEW


def test_a_stale_instance_raises_instead_of_overwriting_the_state(people):
    owner, editor, _ = people
    submission = services.submit(factories.draft(owner), owner)
    stale = Submission.objects.get(pk=submission.pk)
    services.send_to_review(submission, editor)
    stale.desk_reject()
    with pytest.raises(fsm.ConcurrentTransition), transaction.atomic():
        stale.save()
    with pytest.raises(Conflict):
        services.desk_reject(stale, editor, reason="late", letter="Sorry.")
    assert Submission.objects.get(pk=submission.pk).state == S.IN_REVIEW


def test_submit_refuses_an_incomplete_draft_with_field_messages(people):
    owner, _, _ = people
    submission = services.create_draft(owner, title="Only a title")
    with pytest.raises(ValidationError) as error:
        services.submit(submission, owner)
    fields = error.value.message_dict
    assert {
        "summary",
        "resource_type",
        "learner_levels",
        "license",
        "files",
        "rights_confirmed",
        "privacy_confirmed",
        "coi_statement",
    } <= set(fields)
    assert Submission.objects.get(pk=submission.pk).state == S.DRAFT


def test_submit_freezes_version_one_with_a_metadata_snapshot(people):
    owner, _, _ = people
    submission = services.submit(factories.draft(owner), owner)
    version = submission.versions.get()
    assert version.number == 1 and version.is_frozen
    assert version.metadata["title"] == submission.title
    assert version.metadata["learner_levels"] == [{"slug": "gme-residency", "name": "Residency"}]
    with pytest.raises(Conflict):
        services.add_link(submission, owner, "https://example.org/more")


def test_request_revisions_needs_a_completed_review_in_the_round(people):
    owner, editor, reviewers = people
    submission, _ = factories.in_review(owner, editor, reviewers[:1], completed=0)
    with pytest.raises(Conflict, match="At least one review"):
        services.request_revisions(submission, editor, letter="Please revise.")


def test_accept_needs_the_required_number_of_reviews_across_rounds(people, settings):
    settings.TOOLKIT_REVIEWS_REQUIRED = 2
    owner, editor, reviewers = people
    submission, _ = factories.in_review(owner, editor, reviewers[:2], completed=1)
    with pytest.raises(Conflict, match="needs 2 completed reviews across rounds; there are 1"):
        services.accept(submission, editor)
    services.request_revisions(submission, editor, letter="Please revise.")
    services.resubmit(submission, owner, response_letter="Done.")
    services.send_to_review(submission, editor)
    assignment = services.invite(submission, editor, reviewer=reviewers[2])
    factories.review_and_complete(assignment, reviewers[2])
    assert services.accept(submission, editor).state == S.ACCEPTED


def test_resubmission_makes_a_new_immutable_version_with_the_response_letter(people):
    owner, editor, reviewers = people
    submission, _ = factories.in_review(owner, editor, reviewers[:1], completed=1)
    services.request_revisions(submission, editor, letter="Please add a debrief.")
    services.add_link(submission, owner, "https://example.org/debrief", "Debrief guide")
    services.update_draft(submission, owner, title="Working with interpreters, revised")
    services.resubmit(submission, owner, response_letter="We added a debrief guide.")
    first, second = submission.versions.order_by("number")
    assert (first.number, second.number) == (1, 2)
    assert first.metadata["title"] == "Working with medical interpreters on the wards"
    assert second.metadata["title"] == "Working with interpreters, revised"
    assert second.response_letter == "We added a debrief guide."
    assert first.files.count() == 1 and second.files.count() == 2


def test_decisions_are_recorded_with_their_round_and_letter(people):
    owner, editor, reviewers = people
    submission, _ = factories.in_review(owner, editor, reviewers[:2], completed=2)
    services.accept(submission, editor, letter="Welcome to the catalog.")
    decision = Decision.objects.get(submission=submission)
    assert (decision.kind, decision.editor, decision.round.number) == ("accept", editor, 1)
    assert decision.letter == "Welcome to the catalog."
    assert submission.rounds.get().closed_at is not None


def test_publish_creates_the_catalog_resource_and_retire_makes_a_tombstone(people):
    owner, editor, reviewers = people
    submission, _ = factories.in_review(owner, editor, reviewers[:2], completed=2)
    services.accept(submission, editor)
    submission = services.publish(submission, editor)
    resource = submission.resource
    assert resource.title == submission.title and resource.version == 1
    assert [a["name"] for a in resource.authors] == ["Olive Owner"]
    assert list(resource.levels.values_list("slug", flat=True)) == ["gme-residency"]
    services.retire(submission, editor, reason="Superseded.")
    resource.refresh_from_db()
    assert resource.retired_at is not None and resource.retired_reason == "Superseded."


def test_a_new_version_of_a_published_resource_replaces_it_in_the_catalog(people):
    owner, editor, reviewers = people
    submission, _ = factories.in_review(owner, editor, reviewers[:2], completed=2)
    services.accept(submission, editor)
    submission = services.publish(submission, editor)
    draft = services.start_new_version(submission, owner)
    services.update_draft(draft, owner, title="Working with interpreters (2nd edition)")
    services.submit(draft, owner)
    services.send_to_review(draft, editor)
    for assignment, reviewer in zip(
        [services.invite(draft, editor, reviewer=r) for r in reviewers[:2]],
        reviewers[:2],
        strict=True,
    ):
        factories.review_and_complete(assignment, reviewer)
    services.accept(draft, editor)
    services.publish(draft, editor)
    resource = draft.resource
    resource.refresh_from_db()
    assert resource.pk == submission.resource_id
    assert resource.version == 2
    assert resource.title == "Working with interpreters (2nd edition)"
    assert list(resource.versions.values_list("number", flat=True)) == [2, 1]


def test_only_one_new_version_of_a_resource_is_in_progress_at_a_time(people):
    owner, editor, reviewers = people
    published = reach("published", owner, editor, reviewers)
    draft = services.start_new_version(published, owner)
    with pytest.raises(Conflict) as error:
        services.start_new_version(published, owner)
    assert error.value.code == "version_in_progress"
    services.withdraw(draft, owner, reason="Not now.")
    assert services.start_new_version(published, owner).state == "draft"


def test_withdraw_needs_a_reason(people):
    owner, _, _ = people
    submission = factories.draft(owner)
    with pytest.raises(ValidationError) as error:
        services.withdraw(submission, owner, reason="  ")
    assert "reason" in error.value.message_dict


def test_terminal_states_allow_nothing_but_an_appeal_of_a_rejection(people, settings):
    owner, editor, reviewers = people
    for state in ("rejected", "withdrawn", "retired"):
        submission = reach(state, owner, editor, reviewers)
        expected = ["appeal"] if state == "rejected" else []
        assert services.available_transitions(submission, owner) == expected
        assert services.available_transitions(submission, editor) == []
    settings.TOOLKIT_APPEAL_WINDOW_DAYS = 0  # the window closed: nothing at all
    rejected = reach("rejected", owner, editor, reviewers)
    Decision.objects.filter(submission=rejected).update(
        created_at=timezone.now() - timedelta(days=1)
    )
    assert services.available_transitions(rejected, owner) == []
