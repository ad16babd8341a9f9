"""Notifications: one message per event per recipient, after commit, anonymised (DESIGN §11)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from reviews import services
from reviews.models import ReviewAssignment, SentReminder
from tests import factories
from toolkit.mail.models import MessageState, OutboundMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(reviewers):
    owner = factories.user("owner", display_name="Olive Owner", email="olive@example.org")
    editor = factories.user("ed", roles=["contributor", "editor"], email="ed@example.org")
    editor2 = factories.user("ed2", roles=["editor"], email="ed2@example.org")
    return owner, editor, editor2, reviewers


@pytest.fixture
def now(django_capture_on_commit_callbacks):
    """Run a service and its after-commit e-mails at once."""

    def run(func, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(*args, **kwargs)

    return run


def recipients():
    """Recipients of the messages sent so far, in order, then clear the outbox."""
    rows = [m.to[0] for m in mail.outbox]
    mail.outbox.clear()
    return rows


def test_nothing_is_sent_before_the_transaction_commits(people, django_capture_on_commit_callbacks):
    owner, *_ = people
    submission = factories.draft(owner)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submit(submission, owner)
    assert mail.outbox == []
    queued = OutboundMessage.objects.filter(state=MessageState.PENDING)
    assert queued.count() == 3  # written in the action's transaction: two editors, the owner
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 3
    assert not queued.exists()


def test_submission_tells_every_editor_once_and_gives_the_owner_a_receipt(
    people, django_capture_on_commit_callbacks
):
    owner, *_ = people
    submission = factories.draft(owner)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(submission, owner)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["ed2@example.org", "ed@example.org", "olive@example.org"]
    message = mail.outbox[0]
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    assert message.extra_headers["X-Toolkit-Event"]


def test_the_whole_journey_mails_the_right_people(people, now):
    owner, editor, editor2, reviewers = people
    submission = factories.draft(owner)
    now(services.submit, submission, owner)
    assert sorted(recipients()) == ["ed2@example.org", "ed@example.org", "olive@example.org"]
    now(services.send_to_review, submission, editor)
    assert recipients() == []
    first = now(services.invite, submission, editor, reviewer=reviewers[0])
    assert "Invitation to review" in mail.outbox[0].subject
    second = now(services.invite, submission, editor, reviewer=reviewers[1])
    assert recipients() == ["rev1@example.org", "rev2@example.org"]
    now(services.decline_invitation, second, reviewers[1], reason="too_busy")
    assert "declined" in mail.outbox[0].subject
    assert recipients() == ["ed@example.org"]
    now(factories.review_and_complete, first, reviewers[0])
    assert recipients() == ["ed@example.org", "ed@example.org"]  # accepted, then completed
    now(services.request_revisions, submission, editor, letter="Please add a debrief guide.")
    author_mail = next(m for m in mail.outbox if m.to[0] == "olive@example.org")
    assert "Please add a debrief guide." in author_mail.body
    assert sorted(recipients()) == ["olive@example.org", "rev1@example.org"]
    now(services.resubmit, submission, owner, response_letter="Added it.")
    assert sorted(recipients()) == ["ed2@example.org", "ed@example.org", "olive@example.org"]


def test_reviewer_emails_never_name_the_authors(people, now):
    owner, editor, _, reviewers = people
    submission = factories.draft(owner, summary="Olive Owner built this at Hillside.")
    services.submit(submission, owner)
    services.send_to_review(submission, editor)
    now(services.invite, submission, editor, reviewer=reviewers[0])
    (message,) = mail.outbox
    body = message.body + message.alternatives[0][0]
    assert "Olive" not in body and "olive@example.org" not in body
    assert "[redacted] built this at Hillside." in body


def test_withdrawal_tells_editors_and_reviewers_whose_work_was_closed(
    people, django_capture_on_commit_callbacks
):
    owner, editor, editor2, reviewers = people
    submission, _ = factories.in_review(owner, editor, reviewers[:1])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(submission, owner, reason="We found an error.")
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ed2@example.org",
        "ed@example.org",
        "rev1@example.org",
    ]


def test_reminders_are_sent_once_per_assignment_and_due_date(
    people, django_capture_on_commit_callbacks
):
    owner, editor, _, reviewers = people
    submission, (late,) = factories.in_review(owner, editor, reviewers[:1])
    today = timezone.localdate()
    late.response_due = today - timedelta(days=1)
    late.save(update_fields=["response_due"])
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["ed@example.org", "rev1@example.org"]
    assert SentReminder.objects.count() == 2
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == []


def test_a_reminder_comes_before_the_review_is_due_and_again_when_overdue(
    people, django_capture_on_commit_callbacks
):
    owner, editor, _, reviewers = people
    submission, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    services.accept_invitation(assignment, reviewers[0], coi_declaration="None.")
    today = timezone.localdate()
    ReviewAssignment.objects.filter(pk=assignment.pk).update(review_due=today + timedelta(days=2))
    assignment.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_due_reminders(today) == 1
        assert services.send_due_reminders(today) == 0
        assert services.send_due_reminders(today + timedelta(days=3)) == 2
        assert services.send_due_reminders(today + timedelta(days=4)) == 0
    kinds = sorted(SentReminder.objects.values_list("kind", flat=True))
    due = assignment.review_due.isoformat()
    assert kinds == [f"review_overdue:{due}", f"review_overdue_editor:{due}", f"review_soon:{due}"]


def test_changing_the_due_date_allows_a_new_reminder(people, django_capture_on_commit_callbacks):
    owner, editor, _, reviewers = people
    submission, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    today = timezone.localdate()
    assignment.response_due = today - timedelta(days=1)
    assignment.save(update_fields=["response_due"])
    assert services.send_due_reminders(today) == 2
    assignment.response_due = today + timedelta(days=1)
    assignment.save(update_fields=["response_due"])
    assert services.send_due_reminders(today) == 1
