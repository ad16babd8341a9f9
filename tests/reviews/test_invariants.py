"""Random action sequences by random roles keep the workflow's invariants (hypothesis).

Each walk starts in one workflow state (reached the legitimate way) and then takes
random steps: mostly actions someone is offered at that moment, sometimes anything
at all by anyone, which must be refused cleanly.
"""

import itertools

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from reviews import services
from reviews.choices import TERMINAL_SUBMISSION_STATES, DecisionKind
from reviews.models import ReviewAssignment, Submission, TransitionLog
from tests import factories
from toolkit.errors import Conflict

pytestmark = pytest.mark.django_db

EXPECTED = (Conflict, PermissionDenied, ValidationError, Http404)
# Two editors: an appeal is answered by an editor other than the one who decided.
ACTORS = ["owner", "editor", "editor2", "reviewer0", "reviewer1", "reviewer2", "outsider"]
TEXT = {
    "reason": "A reason.",
    "letter": "A letter.",
    "response_letter": "A response.",
    "reasons": "Reasons for an appeal.",
    "coi_declaration": "None.",
    "note": "A note.",
    "suggestion": "",
    "change_note": "",
}
SUBMISSION_NAMES = sorted(services.SUBMISSION_ACTIONS)
RECOMMENDATIONS = ["accept", "minor_revisions", "major_revisions", "reject"]
# Log entries that e-mail someone (DESIGN §11); the others send nothing.
NOTIFYING = {
    "submit",
    "resubmit",
    "withdraw",
    "desk_reject",
    "request_revisions",
    "accept",
    "reject",
    "publish",
    "retire",
    "invite",
    "decline",
    "cancel",
    "complete",
    "remind",
    "appeal",
    "uphold_appeal",
    "overturn_appeal",
}
_seq = itertools.count()


@pytest.mark.parametrize("start_state", factories.WORKFLOW_STATES)
def test_random_action_sequences_keep_the_invariants(
    start_state, django_capture_on_commit_callbacks
):
    visited = set()

    class Workflow(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            n = next(_seq)
            self.people = {
                "owner": factories.user(f"o{n}"),
                "editor": factories.user(f"e{n}", roles=["editor"]),
                "editor2": factories.user(f"f{n}", roles=["editor"]),
                "outsider": factories.user(f"x{n}"),
                **{f"reviewer{i}": factories.reviewer_user(f"r{n}_{i}") for i in range(3)},
            }

        @initialize()
        def start(self):
            reviewers = [self.people[f"reviewer{i}"] for i in range(3)]
            self.submission = factories.submission_in(
                start_state, self.people["owner"], self.people["editor"], reviewers
            )
            visited.add(self.submission.state)
            self.first_log = TransitionLog.objects.filter(submission=self.submission).count()
            mail.outbox.clear()

        def run(self, func, *args, **kwargs):
            before = Submission.objects.get(pk=self.submission.pk).state
            with django_capture_on_commit_callbacks(execute=True):
                try:
                    func(*args, **kwargs)
                except EXPECTED:
                    pass
            after = Submission.objects.get(pk=self.submission.pk).state
            visited.add(after)
            if before in TERMINAL_SUBMISSION_STATES:  # closed; only an appeal reopens one
                assert after == before or (before, after) == ("rejected", "appealed"), (
                    f"left terminal state {before} for {after}"
                )

        def assignments(self):
            return list(
                ReviewAssignment.objects.filter(round__submission=self.submission).order_by("pk")
            )

        def plausible(self):
            """Actions someone is offered now: transitions, invitations, review drafts."""
            submission = Submission.objects.get(pk=self.submission.pk)
            options = [
                ("submission", name, actor, None)
                for actor, person in self.people.items()
                for name in services.available_transitions(submission, person)
            ]
            for assignment in self.assignments():
                options += [
                    ("assignment", name, actor, assignment)
                    for actor, person in self.people.items()
                    for name in services.available_transitions(assignment, person)
                ]
                if assignment.state == "accepted":
                    options.append(("review", "write", "assignee", assignment))
            if submission.state == "in_review":
                options += [("invite", f"reviewer{i}", "editor", None) for i in range(3)]
            return options

        def anything(self, data):
            """Any action by anyone: most of these must be refused."""
            kind = data.draw(st.sampled_from(["submission", "assignment", "invite"]))
            actor = data.draw(st.sampled_from(ACTORS))
            assignments = self.assignments()
            if kind == "assignment" and assignments:
                name = data.draw(st.sampled_from(sorted(services.ASSIGNMENT_ACTIONS)))
                return kind, name, actor, data.draw(st.sampled_from(assignments))
            if kind == "invite":
                return kind, f"reviewer{data.draw(st.integers(0, 2))}", actor, None
            return "submission", data.draw(st.sampled_from(SUBMISSION_NAMES)), actor, None

        @rule(data=st.data())
        def act(self, data):
            options = self.plausible()
            if options and data.draw(st.integers(0, 9)) < 7:
                kind, name, actor, assignment = data.draw(st.sampled_from(options))
            else:
                kind, name, actor, assignment = self.anything(data)
            person = self.people.get(actor)
            if kind == "submission":
                current = Submission.objects.get(pk=self.submission.pk)
                self.run(
                    services.run_action, services.SUBMISSION_ACTIONS, name, current, person, TEXT
                )
            elif kind == "assignment":
                text = {**TEXT, "reason": data.draw(st.sampled_from(["too_busy", "", "bad"]))}
                self.run(
                    services.run_action, services.ASSIGNMENT_ACTIONS, name, assignment, person, text
                )
            elif kind == "invite":
                self.run(services.invite, self.submission, person, reviewer=self.people[name])
            else:
                self.run(
                    services.save_review_draft,
                    assignment,
                    assignment.reviewer,
                    answers=factories.COMPLETE_ANSWERS,
                    recommendation=data.draw(st.sampled_from(RECOMMENDATIONS)),
                    comments_to_authors="Comments.",
                )

        @invariant()
        def published_implies_an_accept_decision_and_the_required_reviews(self):
            submission = Submission.objects.get(pk=self.submission.pk)
            if submission.state in ("published", "retired"):
                assert submission.decisions.filter(kind=DecisionKind.ACCEPT).exists()
                required = django_settings.TOOLKIT_REVIEWS_REQUIRED
                assert submission.completed_review_count() >= required
                assert submission.resource is not None

        @invariant()
        def every_notifying_event_mailed_each_recipient_once(self):
            entries = TransitionLog.objects.filter(submission=self.submission).order_by("pk")
            notifying = {e.pk for e in entries[self.first_log :] if e.transition in NOTIFYING}
            events = [(int(m.extra_headers["X-Toolkit-Event"]), m.to[0]) for m in mail.outbox]
            assert len(events) == len(set(events)), "a recipient got the same event twice"
            assert {event for event, _ in events} == notifying

        @invariant()
        def there_is_at_most_one_open_round(self):
            assert self.submission.rounds.filter(closed_at__isnull=True).count() <= 1

    run_state_machine_as_test(
        Workflow,
        settings=settings(
            max_examples=6,
            stateful_step_count=20,
            deadline=None,
            derandomize=True,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
    # Not vacuous: from every state that allows moves, the walks moved on.
    if start_state not in TERMINAL_SUBMISSION_STATES or start_state == "rejected":
        assert len(visited) >= 2, visited
