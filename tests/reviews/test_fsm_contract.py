"""What reviews.services relies on in django-fsm-2, pinned so that an upgrade that changes it
fails here, by name, rather than somewhere in a workflow test (issue 12 item 3).

reviews.services.core.transition_meta reads django-fsm's private record of a transition; the
models name their permission predicates directly, in django-fsm's (obj, user) order.
"""

import django_fsm as fsm
import pytest

from reviews import permissions
from reviews.choices import AssignmentState as A
from reviews.choices import SubmissionState as S
from reviews.models import ReviewAssignment, Submission
from reviews.services.core import transition_meta

pytestmark = pytest.mark.django_db


def test_transition_meta_lists_a_transition_by_source_state_with_its_target():
    meta = transition_meta(Submission(), "accept")
    assert set(meta.transitions) == {S.IN_REVIEW, S.SUBMITTED}
    assert meta.get_transition(S.IN_REVIEW).target == S.ACCEPTED
    assert meta.get_transition(S.DRAFT) is None
    assert meta.has_transition(S.SUBMITTED)
    assert not meta.has_transition(S.PUBLISHED)


def test_transition_meta_gives_the_conditions_of_the_transition_from_a_state():
    meta = transition_meta(Submission(), "accept")
    conditions = meta.get_transition(S.SUBMITTED).conditions
    assert [c.__name__ for c in conditions] == ["has_required_reviews"]
    assert transition_meta(Submission(), "reject").get_transition(S.IN_REVIEW).conditions == []


def test_transition_meta_refuses_a_name_that_is_not_a_transition():
    with pytest.raises(TypeError):
        transition_meta(Submission(), "snapshot")
    with pytest.raises(TypeError):
        transition_meta(Submission(), "no_such_method")


def test_the_permission_predicate_is_called_with_the_object_then_the_user(contributor, editor):
    submission = Submission(owner=contributor, state=S.DRAFT)
    transition = transition_meta(submission, "submit").get_transition(S.DRAFT)
    assert transition.permission is permissions.can_edit_submission
    assert transition.has_perm(submission, contributor)
    assert not transition.has_perm(submission, editor)


def test_transition_names_and_permissions_match_the_models_own_listing(contributor):
    """django-fsm's public listing of transitions sees what transition_meta sees."""
    submission = Submission(owner=contributor, state=S.DRAFT)
    listed = {(t.name, t.source): t.permission for t in submission.get_all_state_transitions()}
    for (name, source), permission in listed.items():
        assert transition_meta(submission, name).get_transition(source).permission is permission
    assignment = ReviewAssignment(state=A.INVITED)
    for t in assignment.get_all_state_transitions():
        assert transition_meta(assignment, t.name).get_transition(t.source).target == t.target


def test_a_user_may_run_only_what_the_predicate_allows(contributor, editor):
    submission = Submission(owner=contributor, state=S.DRAFT)
    assert fsm.has_transition_perm(submission.submit, contributor)
    assert not fsm.has_transition_perm(submission.submit, editor)
    names = [t.name for t in submission.get_available_user_state_transitions(contributor)]
    assert "submit" in names and "withdraw" in names
