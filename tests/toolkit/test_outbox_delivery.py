"""The outbox against a real SMTP server (aiosmtpd) that goes down, one that never answers,
and two workers delivering at once."""

import email
import socket
import threading
from collections import Counter
from contextlib import contextmanager
from io import StringIO

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.utils import timezone

from reviews import services as reviews_services
from tests import factories
from tests.reviews.test_races import race
from toolkit.mail import services
from toolkit.mail.models import MessageState, OutboundMessage


class Recorder:
    """An SMTP handler that counts the messages it accepts by Message-ID."""

    def __init__(self):
        self.message_ids = Counter()

    async def handle_DATA(self, server, session, envelope):
        self.message_ids[email.message_from_bytes(envelope.content)["Message-ID"]] += 1
        return "250 Message accepted for delivery"


@contextmanager
def smtp_server(port, handler):
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield
    finally:
        controller.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_smtp(settings, port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False


def in_review(django_capture_on_commit_callbacks):
    owner = factories.user("owner")
    editor = factories.user("ed", roles=["contributor", "editor"])
    reviewer = factories.reviewer_user("rev")
    with django_capture_on_commit_callbacks(execute=True):
        submission = factories.draft(owner)
        reviews_services.submit(submission, owner)
        reviews_services.send_to_review(submission, editor)
    return submission, editor, reviewer


def invite_on_the_page(client, django_capture_on_commit_callbacks, submission, editor):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            f"/editor/submissions/{submission.uuid}/invite/",
            {"reviewer": "rev", "message": "Your expertise fits."},
        )


@pytest.mark.django_db
def test_messages_queued_while_the_mail_server_is_down_arrive_once_when_it_is_back(
    settings, client, django_capture_on_commit_callbacks
):
    port = free_port()  # nothing listens here yet: the server is down
    use_smtp(settings, port)
    settings.TOOLKIT_MAIL_EAGER = True  # as in development: a try right after each commit
    submission, editor, _ = in_review(django_capture_on_commit_callbacks)
    response = invite_on_the_page(client, django_capture_on_commit_callbacks, submission, editor)
    assert response.status_code == 302  # the invitation succeeded
    invitation = OutboundMessage.objects.get(event="invited_reviewer")
    assert invitation.state == MessageState.PENDING and invitation.attempts == 1
    assert "Connection refused" in invitation.last_error
    rows = OutboundMessage.objects.all()
    assert rows.count() == 3 and set(rows.values_list("state", flat=True)) == {"pending"}

    recorder = Recorder()
    with smtp_server(port, recorder):
        rows.update(next_attempt_at=timezone.now())  # time passes: the retries are due
        for _ in range(2):  # a second run finds nothing left to send
            call_command("deliver_mail", "--once", stdout=StringIO())
    assert set(rows.values_list("state", flat=True)) == {MessageState.SENT}
    assert recorder.message_ids == Counter({row.message_id: 1 for row in rows})


@pytest.mark.django_db
def test_a_mail_server_that_never_answers_is_never_called_by_the_request(
    settings, client, django_capture_on_commit_callbacks
):
    settings.TOOLKIT_MAIL_EAGER = False  # production: only the worker sends
    with socket.socket() as black_hole:  # accepts connections, never says a word
        black_hole.bind(("127.0.0.1", 0))
        black_hole.listen()
        black_hole.setblocking(False)
        use_smtp(settings, black_hole.getsockname()[1])
        settings.EMAIL_TIMEOUT = 30
        submission, editor, _ = in_review(django_capture_on_commit_callbacks)
        response = invite_on_the_page(
            client, django_capture_on_commit_callbacks, submission, editor
        )
        assert response.status_code == 302
        with pytest.raises(BlockingIOError):
            black_hole.accept()  # nobody ever connected
    invitation = OutboundMessage.objects.get(event="invited_reviewer")
    assert invitation.state == MessageState.PENDING and invitation.attempts == 0


class RendezvousBackend(LocmemBackend):
    """Each worker's first message waits until the other worker is sending too, so both
    hold a claimed batch at the same moment."""

    barrier = None
    seen = threading.local()

    def send_messages(self, messages):
        if not getattr(self.seen, "waited", False):
            self.seen.waited = True
            self.barrier.wait()
        return super().send_messages(messages)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_at_once_send_each_message_exactly_once(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RendezvousBackend"
    settings.TOOLKIT_MAIL_EAGER = False
    RendezvousBackend.barrier = threading.Barrier(2, timeout=30)
    total = 2 * services.BATCH + 5
    rows = [
        services.enqueue(
            event="test", recipient=f"r{i}@example.org", subject=f"S{i}", text="t", html="t"
        )
        for i in range(total)
    ]
    results = race([services.drain, services.drain])
    assert all(isinstance(r, services.Delivered) for r in results), results
    assert sum(r.sent for r in results) == total and all(r.sent > 0 for r in results), results
    delivered = Counter(m.extra_headers["Message-ID"] for m in mail.outbox)
    assert delivered == Counter({row.message_id: 1 for row in rows})
    assert OutboundMessage.objects.filter(state=MessageState.SENT).count() == total
