"""The outbox (toolkit.mail): written in the action's transaction, delivered with retries,
dead letters shown to editors and admins, who resend them."""

import os
import signal
import smtplib
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from reviews import services as reviews_services
from tests import factories
from toolkit.emails import send_email
from toolkit.errors import Conflict
from toolkit.mail import services
from toolkit.mail.management.commands import deliver_mail
from toolkit.mail.models import MessageState, OutboundMessage

pytestmark = pytest.mark.django_db


class RefusingBackend(LocmemBackend):
    """A mail server that answers every message with a temporary failure."""

    def send_messages(self, messages):
        raise smtplib.SMTPDataError(451, b"Try again later")


@pytest.fixture(autouse=True)
def _worker_only(settings):
    """As in production: nothing is sent until a worker runs."""
    settings.TOOLKIT_MAIL_EAGER = False
    settings.TOOLKIT_MAIL_MAX_ATTEMPTS = 3
    settings.TOOLKIT_MAIL_RETRY_SECONDS = 60
    settings.TOOLKIT_MAIL_RETRY_MAX_SECONDS = 100


@pytest.fixture
def refusing(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"


def queue(to="ines@example.org"):
    user = factories.user(email=to, display_name="Ines")
    return send_email("retired_author", to, {"person": user, "submission": {"title": "T"}})


def make_due(message):
    """Time passes: the message's next attempt is due now."""
    OutboundMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())


def fail_until_dead(message):
    for _ in range(3):
        make_due(message)
        services.deliver_due()
    message.refresh_from_db()
    return message


def test_an_action_writes_its_messages_in_its_own_transaction_and_sends_none_itself(
    django_capture_on_commit_callbacks,
):
    owner = factories.user("owner")
    factories.user("ed", roles=["editor"])
    submission = factories.draft(owner)
    with django_capture_on_commit_callbacks(execute=True):
        reviews_services.submit(submission, owner)
    rows = OutboundMessage.objects.all()
    assert sorted(rows.values_list("event", flat=True)) == ["submitted_author", "submitted_editor"]
    assert set(rows.values_list("state", flat=True)) == {MessageState.PENDING}
    assert mail.outbox == []


def test_a_rolled_back_action_leaves_no_message():
    owner = factories.user("owner")
    submission = factories.draft(owner)
    with pytest.raises(RuntimeError), transaction.atomic():
        reviews_services.submit(submission, owner)
        assert OutboundMessage.objects.count() == 1  # written inside the transaction
        raise RuntimeError("the action fails after the e-mail was queued")
    assert OutboundMessage.objects.count() == 0


def test_the_worker_sends_each_due_message_once_with_its_message_id(settings):
    settings.TOOLKIT_SITE_URL = "http://127.0.0.1:8000"  # the Message-ID names its host
    message = queue()
    assert message.message_id.startswith("<") and message.message_id.endswith("@127.0.0.1>")
    assert services.deliver_due() == services.Delivered(sent=1)
    assert services.deliver_due() == services.Delivered()
    (sent,) = mail.outbox
    assert sent.extra_headers["Message-ID"] == message.message_id
    assert sent.to == ["ines@example.org"] and sent.alternatives[0][1] == "text/html"
    message.refresh_from_db()
    assert message.state == MessageState.SENT and message.sent_at is not None


def test_a_worker_past_half_its_lease_gives_the_rest_back_unsent(monkeypatch):
    message = queue()
    monkeypatch.setattr(services, "LEASE", timedelta(0))  # the time is already up
    assert services.deliver_due() == services.Delivered()
    message.refresh_from_db()
    assert message.state == MessageState.PENDING and message.claim is None
    assert message.attempts == 0 and message.next_attempt_at <= timezone.now()
    assert mail.outbox == []


def test_a_failure_is_retried_later_with_growing_delays_up_to_the_cap(refusing):
    message = queue()
    before = timezone.now()
    assert services.deliver_due() == services.Delivered(failed=1)
    message.refresh_from_db()
    assert message.state == MessageState.PENDING and message.attempts == 1
    assert "451" in message.last_error
    assert before + timedelta(seconds=59) < message.next_attempt_at
    assert message.next_attempt_at < timezone.now() + timedelta(seconds=61)
    assert services.deliver_due() == services.Delivered()  # not due yet
    assert [services.retry_delay(n).total_seconds() for n in (1, 2, 3)] == [60, 100, 100]


def test_a_message_is_dead_after_the_last_attempt_and_keeps_its_error(refusing):
    message = fail_until_dead(queue())
    assert message.state == MessageState.DEAD and message.attempts == 3
    assert "Try again later" in message.last_error
    make_due(message)
    assert services.deliver_due() == services.Delivered()  # dead letters wait for a person


def test_an_editor_resends_a_dead_message_with_the_same_message_id(settings, editor):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    message = fail_until_dead(queue())
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    services.resend(message, editor)
    message.refresh_from_db()
    assert message.state == MessageState.PENDING and message.attempts == 0
    assert services.deliver_due() == services.Delivered(sent=1)
    assert mail.outbox[0].extra_headers["Message-ID"] == message.message_id


def test_only_a_dead_message_can_be_resent_and_only_by_editors_and_admins(
    refusing, contributor, reviewer
):
    message = queue()
    editor = factories.user("ed", roles=["editor"])
    with pytest.raises(Conflict) as error:
        services.resend(message, editor)
    assert error.value.state == MessageState.PENDING
    fail_until_dead(message)
    for person in (contributor, reviewer):
        with pytest.raises(PermissionDenied):
            services.resend(message, person)
    admin = factories.user("boss", roles=["admin"])
    assert services.resend(message, admin).state == MessageState.PENDING


def test_with_eager_delivery_a_message_is_sent_as_the_action_commits(
    settings, django_capture_on_commit_callbacks
):
    settings.TOOLKIT_MAIL_EAGER = True
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = queue()
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    message.refresh_from_db()
    assert message.state == MessageState.SENT and len(mail.outbox) == 1


def test_a_failed_eager_delivery_never_fails_the_action(
    settings, refusing, django_capture_on_commit_callbacks
):
    settings.TOOLKIT_MAIL_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        message = queue()
    message.refresh_from_db()
    assert message.state == MessageState.PENDING and message.attempts == 1


def test_deliver_mail_once_sends_what_is_due_and_exits():
    queue("a@example.org")
    later = queue("b@example.org")
    OutboundMessage.objects.filter(pk=later.pk).update(
        next_attempt_at=timezone.now() + timedelta(hours=1)
    )
    out = StringIO()
    call_command("deliver_mail", "--once", stdout=out)
    assert "Sent 1, failed 0." in out.getvalue()
    assert [m.to[0] for m in mail.outbox] == ["a@example.org"]


def test_deliver_mail_forgets_sent_messages_after_the_retention_period(settings, refusing):
    settings.TOOLKIT_MAIL_KEEP_SENT_DAYS = 30
    old, recent = queue("old@example.org"), queue("recent@example.org")
    dead = fail_until_dead(queue("dead@example.org"))
    long_ago = timezone.now() - timedelta(days=90)
    OutboundMessage.objects.filter(pk=dead.pk).update(created_at=long_ago)
    for message, days in ((old, 31), (recent, 29)):
        OutboundMessage.objects.filter(pk=message.pk).update(
            state=MessageState.SENT, sent_at=timezone.now() - timedelta(days=days)
        )
    call_command("deliver_mail", "--once", stdout=StringIO())
    kept = set(OutboundMessage.objects.values_list("recipient", flat=True))
    assert kept == {"recent@example.org", "dead@example.org"}


# The worker closes old connections between polls: only outside a test's transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_deliver_mail_runs_until_it_is_sent_sigterm(monkeypatch):
    queue()
    polls = []

    def one_poll_then_sigterm(seconds):
        polls.append(seconds)
        os.kill(os.getpid(), signal.SIGTERM)

    previous = signal.getsignal(signal.SIGTERM)
    monkeypatch.setattr(deliver_mail.time, "sleep", one_poll_then_sigterm)
    out = StringIO()
    call_command("deliver_mail", "--interval", "7", stdout=out)
    assert polls == [7] and len(mail.outbox) == 1
    assert "Stopped." in out.getvalue()
    assert signal.getsignal(signal.SIGTERM) is previous


# --- the editor desk and the admin ----------------------------------------------------


@pytest.fixture
def dead(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    message = fail_until_dead(queue("lost@example.org"))
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return message


def test_undelivered_mail_is_for_editors_only(client, dead, contributor, reviewer):
    assert client.get("/editor/mail/").status_code == 302  # to the sign-in page
    for person in (contributor, reviewer):
        client.force_login(person)
        assert client.get("/editor/mail/").status_code == 404
        assert client.post(f"/editor/mail/{dead.uuid}/resend/").status_code == 404
    dead.refresh_from_db()
    assert dead.state == MessageState.DEAD


def test_the_editor_desk_counts_undelivered_mail_and_lists_recipient_subject_state(
    editor_client, dead
):
    desk = editor_client.get("/editor/").content.decode()
    assert 'href="/editor/mail/"' in desk and "Undelivered e-mails" in desk
    assert '<span class="count">(1)</span></a>' in desk
    page = editor_client.get("/editor/mail/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "lost@example.org" in html and dead.subject in html and "Undelivered" in html
    assert "Hello Ines" not in html  # never the body
    assert "Try again later" not in html


def test_an_editor_resends_from_the_desk_with_a_post(editor_client, dead):
    url = f"/editor/mail/{dead.uuid}/resend/"
    assert editor_client.get(url).status_code == 405
    response = editor_client.post(url)
    assert response.status_code == 302 and response["Location"] == "/editor/mail/"
    dead.refresh_from_db()
    assert dead.state == MessageState.PENDING
    again = editor_client.post(url)
    assert again.status_code == 409
    assert "Only an undelivered e-mail can be resent" in again.content.decode()
    assert (
        editor_client.post("/editor/mail/00000000-0000-0000-0000-000000000000/resend/").status_code
        == 404
    )


def test_an_admin_lists_dead_letters_and_resends_them(client, dead):
    admin = factories.user("boss", roles=["admin"], is_staff=True, is_superuser=True)
    client.force_login(admin)
    listing = client.get("/admin/mail/outboundmessage/?state__exact=dead")
    assert listing.status_code == 200 and "lost@example.org" in listing.content.decode()
    response = client.post(
        "/admin/mail/outboundmessage/",
        {"action": "resend", "_selected_action": [dead.pk]},
    )
    assert response.status_code == 302
    dead.refresh_from_db()
    assert dead.state == MessageState.PENDING
