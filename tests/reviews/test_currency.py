"""Currency re-review (issue 16 item 4): transitions, the permission ladder, races, flags."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from catalog.currency import services as currency
from catalog.models import OutdatedTerm, Resource
from reviews.choices import CurrencyState as C
from reviews.choices import SubmissionState as S
from reviews.models import CurrencyReview, Submission, TransitionLog
from reviews.services import currency as services
from tests import factories
from tests.races import outcomes, race
from toolkit.errors import Conflict

ANSWERS = {
    "evidence": {"answer": "yes", "comment": ""},
    "terminology": {"answer": "concerns", "comment": "Uses “non-compliant” twice."},
    "links": {"answer": "yes"},
    "levels": {"answer": "yes"},
}


@pytest.fixture
def people(db):
    owner = factories.user("owner", display_name="Olive Owner")
    editor = factories.user("ed", roles=["contributor", "editor"], display_name="Ed Itor")
    reviewers = [factories.reviewer_user(f"rev{i}", display_name=f"Rev {i}") for i in range(3)]
    return owner, editor, reviewers


@pytest.fixture
def published(people):
    owner, editor, reviewers = people
    return factories.submission_in("published", owner, editor, reviewers)


def opened(published, editor):
    return services.open_review(published.resource, editor)


def in_state(state, published, editor, reviewer):
    review = opened(published, editor)
    steps = {
        C.OPEN: [],
        C.INVITED: ["invite"],
        C.ACCEPTED: ["invite", "accept"],
        C.SUBMITTED: ["invite", "accept", "submit"],
        C.RECERTIFIED: ["invite", "accept", "submit", "recertify"],
        C.UPDATE_REQUESTED: ["invite", "accept", "submit", "request_update"],
        C.RETIRED: ["invite", "accept", "submit", "retire"],
    }[state]
    for step in steps:
        review = run(step, review, editor, reviewer)
    return review


def run(step, review, editor, reviewer):
    calls = {
        "invite": lambda: services.invite(review, editor, reviewer=reviewer),
        "accept": lambda: services.accept(review, reviewer, coi_declaration="None."),
        "decline": lambda: services.decline(review, reviewer, reason="too_busy"),
        "cancel": lambda: services.cancel(review, editor),
        "submit": lambda: services.submit(review, reviewer, answers=ANSWERS, comments="Fine."),
        "recertify": lambda: services.recertify(review, editor),
        "request_update": lambda: services.request_update(review, editor, letter="Please update."),
        "retire": lambda: services.retire(review, editor, reason="Superseded by 2025 guidance."),
    }
    return calls[step]()


ALLOWED = {
    "invite": {C.OPEN},
    "accept": {C.INVITED},
    "decline": {C.INVITED},
    "cancel": {C.INVITED, C.ACCEPTED},
    "submit": {C.ACCEPTED},
    "recertify": {C.SUBMITTED},
    "request_update": {C.SUBMITTED},
    "retire": {C.SUBMITTED},
}
TARGET = {
    "invite": C.INVITED,
    "accept": C.ACCEPTED,
    "decline": C.OPEN,
    "cancel": C.OPEN,
    "submit": C.SUBMITTED,
    "recertify": C.RECERTIFIED,
    "request_update": C.UPDATE_REQUESTED,
    "retire": C.RETIRED,
}


@pytest.mark.parametrize("state", list(C))
@pytest.mark.parametrize("step", list(ALLOWED))
def test_each_transition_runs_from_its_source_states_and_is_a_409_from_the_others(
    step, state, published, people
):
    _, editor, reviewers = people
    review = in_state(state, published, editor, reviewers[0])
    if state in ALLOWED[step]:
        result = run(step, review, editor, reviewers[0])
        assert result.state == TARGET[step]
        assert TransitionLog.objects.filter(
            submission=published, transition=f"currency_{step}"
        ).exists()
    else:
        # a reviewer's step on a review with no reviewer: it is not theirs to see (404)
        unassigned = step in {"accept", "decline", "submit"} and review.reviewer_id is None
        with pytest.raises(Http404 if unassigned else Conflict):
            run(step, review, editor, reviewers[0])
        review.refresh_from_db()
        assert review.state == state


def test_recertify_gives_a_new_reviewed_on_and_review_by_date_without_a_new_version(
    published, people, django_capture_on_commit_callbacks
):
    owner, editor, reviewers = people
    resource = published.resource
    resource.reviewed_at = timezone.now() - timedelta(days=3 * 365)
    resource.review_by = timezone.localdate() + timedelta(days=10)
    resource.save()
    review = in_state(C.SUBMITTED, published, editor, reviewers[0])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.recertify(review, editor, note="Still current.")
    resource.refresh_from_db()
    assert resource.reviewed_at.date() == timezone.localdate()
    assert resource.review_by == currency.review_by_after(timezone.localdate())
    assert resource.review_by.year == timezone.localdate().year + 3
    assert resource.version == 1
    assert [m.to for m in mail.outbox] == [[owner.email]]
    assert "re-certified" in mail.outbox[0].subject


def test_request_update_opens_a_new_version_for_the_owner(published, people):
    owner, editor, reviewers = people
    review = in_state(C.UPDATE_REQUESTED, published, editor, reviewers[0])
    draft = review.update_submission
    assert draft.owner == owner
    assert draft.state == S.DRAFT
    assert draft.resource_id == published.resource_id
    assert review.decision_note == "Please update."


def test_request_update_needs_a_letter(published, people):
    _, editor, reviewers = people
    review = in_state(C.SUBMITTED, published, editor, reviewers[0])
    with pytest.raises(ValidationError):
        services.request_update(review, editor, letter=" ")
    review.refresh_from_db()
    assert review.state == C.SUBMITTED


def test_retire_retires_the_resource_with_the_reason(published, people):
    _, editor, reviewers = people
    in_state(C.RETIRED, published, editor, reviewers[0])
    resource = Resource.objects.get(pk=published.resource_id)
    assert resource.is_retired
    assert resource.retired_reason == "Superseded by 2025 guidance."
    assert Submission.objects.get(pk=published.pk).state == S.RETIRED


def test_retire_without_a_reason_is_a_400(published, people):
    _, editor, reviewers = people
    review = in_state(C.SUBMITTED, published, editor, reviewers[0])
    with pytest.raises(ValidationError):
        services.retire(review, editor, reason="")


def test_submit_needs_every_answer_and_a_comment_unless_yes(published, people):
    _, editor, reviewers = people
    review = in_state(C.ACCEPTED, published, editor, reviewers[0])
    with pytest.raises(ValidationError) as error:
        services.submit(review, reviewers[0], answers={"evidence": {"answer": "no"}})
    assert {"evidence_comment", "terminology_answer", "links_answer", "levels_answer"} <= set(
        error.value.message_dict
    )


def test_a_second_open_currency_review_of_one_resource_is_a_409(published, people):
    _, editor, _ = people
    opened(published, editor)
    with pytest.raises(Conflict):
        opened(published, editor)


def test_an_author_cannot_be_invited(published, people):
    owner, editor, _ = people
    owner.groups.add(*factories.user("x", roles=["reviewer"]).groups.all())
    review = opened(published, editor)
    with pytest.raises(Conflict):
        services.invite(review, editor, reviewer=owner)


# --- the permission ladder ----------------------------------------------------------------


def test_only_editors_open_a_currency_review(published, people):
    owner, _, reviewers = people
    for person in (owner, reviewers[0]):
        with pytest.raises(PermissionDenied):
            services.open_review(published.resource, person)


def test_other_people_get_a_404_the_reviewer_a_403_on_editor_actions(published, people):
    owner, editor, reviewers = people
    outsider = factories.user("outsider")
    review = in_state(C.INVITED, published, editor, reviewers[0])
    for person in (outsider, owner, reviewers[1]):
        with pytest.raises(Http404):
            services.accept(review, person, coi_declaration="None.")
        with pytest.raises(Http404):
            services.cancel(review, person)
    with pytest.raises(PermissionDenied):
        services.cancel(review, reviewers[0])
    with pytest.raises(PermissionDenied):
        services.accept(review, editor, coi_declaration="None.")


def test_an_editor_who_is_an_author_gets_a_404(published, people):
    owner, editor, reviewers = people
    review = in_state(C.SUBMITTED, published, editor, reviewers[0])
    owner.groups.add(*editor.groups.all())
    with pytest.raises(Http404):
        services.recertify(review, owner)


def test_accept_without_a_declaration_is_a_400(published, people):
    _, editor, reviewers = people
    review = in_state(C.INVITED, published, editor, reviewers[0])
    with pytest.raises(ValidationError):
        services.accept(review, reviewers[0], coi_declaration="")


def test_declining_frees_the_review_for_another_invitation(published, people):
    _, editor, reviewers = people
    review = in_state(C.INVITED, published, editor, reviewers[0])
    review = services.decline(review, reviewers[0], reason="too_busy")
    assert review.state == C.OPEN and review.reviewer is None
    review = services.invite(review, editor, reviewer=reviewers[1])
    assert review.reviewer == reviewers[1]


# --- races --------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_deciding_at_once_one_wins(people):
    owner, editor, reviewers = people
    published = factories.submission_in("published", owner, editor, reviewers)
    other = factories.user("ed2", roles=["contributor", "editor"])
    review = in_state(C.SUBMITTED, published, editor, reviewers[0])
    results = race(
        [
            lambda: services.recertify(review, editor),
            lambda: services.retire(review, other, reason="Out of date."),
            lambda: services.request_update(review, other, letter="Please update."),
        ]
    )
    assert outcomes(results) == {"ok": 1, "Conflict": 2}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_opening_a_review_at_once_open_one(people):
    owner, editor, reviewers = people
    published = factories.submission_in("published", owner, editor, reviewers)
    other = factories.user("ed2", roles=["contributor", "editor"])
    results = race([lambda: opened(published, editor), lambda: opened(published, other)])
    assert outcomes(results) == {"ok": 1, "Conflict": 1}
    assert CurrencyReview.objects.count() == 1


# --- terms and the queue ------------------------------------------------------------------


def test_the_starter_list_of_outdated_terms_is_seeded_with_sources(db):
    terms = OutdatedTerm.objects.all()
    assert terms.count() >= 20
    assert all(t.source and t.replacement for t in terms)
    assert OutdatedTerm.objects.get(term="non-compliant").replacement.startswith("non-adherent")


def test_terms_match_whole_words_in_any_case(db):
    resource = factories.resource(
        description="Patients labelled NON-COMPLIANT; a Caucasian cohort. Addiction services.",
    )
    currency.flag_terms([resource])
    found = {f.term.term for f in resource.term_flags.all()}
    assert "non-compliant" in found
    assert "Caucasian" in found
    assert "addict" not in found  # “Addiction” is not the whole word


def test_a_flagged_resource_is_in_the_queue_until_it_is_recertified(published, people):
    _, editor, reviewers = people
    resource = published.resource
    resource.description = "Some patients are described as non-compliant."
    resource.save()
    currency.flag_terms([resource])
    rows = {row.resource.pk: row for row in currency.due_resources()}
    assert rows[resource.pk].flags[0].term.replacement.startswith("non-adherent")
    in_state(C.RECERTIFIED, published, editor, reviewers[0])
    assert resource.pk not in {row.resource.pk for row in currency.due_resources()}


def test_the_queue_lists_resources_due_within_90_days_and_overdue_only(db):
    today = timezone.localdate()
    soon, late, later = (factories.resource(t) for t in ("Soon", "Late", "Later"))
    for resource, days in ((soon, 30), (late, -3), (later, 200)):
        Resource.objects.filter(pk=resource.pk).update(review_by=today + timedelta(days=days))
    rows = {row.resource.pk: row for row in currency.due_resources(today)}
    assert set(rows) == {soon.pk, late.pk}
    assert rows[late.pk].overdue and not rows[soon.pk].overdue
    assert later.pk not in rows


def test_publishing_sets_the_review_by_date_three_years_on(published):
    resource = published.resource
    assert resource.review_by == currency.review_by_after(resource.reviewed_at)


def test_review_by_after_29_february_falls_on_28_february():
    from datetime import date

    assert currency.review_by_after(date(2024, 2, 29), 3) == date(2027, 2, 28)


def test_retiring_the_resource_directly_ends_its_open_currency_review(published, people):
    _, editor, reviewers = people
    review = in_state(C.ACCEPTED, published, editor, reviewers[0])
    from reviews import services as workflow

    workflow.retire(published, editor, reason="Withdrawn by the editors.")
    review.refresh_from_db()
    assert review.state == C.RETIRED
    assert not CurrencyReview.objects.open().exists()
