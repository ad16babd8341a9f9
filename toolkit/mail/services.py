"""The transactional outbox: queue in the action's transaction, deliver from a worker.

- `enqueue` writes one row in the caller's transaction; a rolled-back action sends nothing.
- `deliver_due` claims due rows (FOR UPDATE SKIP LOCKED on PostgreSQL; on SQLite the
  IMMEDIATE transaction serializes claims), marks them with a claim token and a lease,
  commits, then sends them through EMAIL_BACKEND outside any transaction. The claim is an
  UPDATE conditioned on the row still being due, so several workers never share a row.
- A failure counts an attempt and retries with exponential back-off up to a cap; after
  TOOLKIT_MAIL_MAX_ATTEMPTS the message is dead until an editor or admin resends it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives, get_connection, make_msgid
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from toolkit import site
from toolkit.errors import Conflict

from .models import MessageState, OutboundMessage
from .permissions import can_manage_outbox

if TYPE_CHECKING:
    from toolkit.accounts.permissions import Person

logger = logging.getLogger(__name__)

BATCH = 20
# A claimed row is the worker's until this passes; it stops sending a batch at half of it
# and gives the rest back, so a slow server cannot let a second worker send the same row.
LEASE = timedelta(minutes=10)


class Delivered(NamedTuple):
    sent: int = 0
    failed: int = 0

    def __add__(self, other: Delivered) -> Delivered:  # type: ignore[override]
        return Delivered(self.sent + other.sent, self.failed + other.failed)


def _message_id() -> str:
    return make_msgid(domain=site.site_host())


def enqueue(
    *,
    event: str,
    recipient: str,
    subject: str,
    text: str,
    html: str,
    headers: dict[str, str] | None = None,
) -> OutboundMessage:
    """Write one message to the outbox in the caller's transaction (a stable Message-ID now)."""
    message = OutboundMessage.objects.create(
        event=event,
        recipient=recipient,
        subject=subject,
        text=text,
        html=html,
        headers={**(headers or {}), "Message-ID": _message_id()},
    )
    _deliver_after_commit(message.pk)
    return message


def _deliver_after_commit(pk: int) -> None:
    """With TOOLKIT_MAIL_EAGER (development), try to send as soon as the action commits."""
    if settings.TOOLKIT_MAIL_EAGER:
        transaction.on_commit(partial(_deliver_eagerly, pk))


def _deliver_eagerly(pk: int) -> None:
    try:
        deliver_due(ids=[pk])
    except Exception:  # the action has committed: never fail it; the worker will retry
        logger.exception("Eager delivery of outbox message %s failed", pk)


def retry_delay(attempts: int) -> timedelta:
    """Exponential back-off: the base delay doubled per failed attempt, up to the cap."""
    base = settings.TOOLKIT_MAIL_RETRY_SECONDS
    seconds = min(base * 2 ** max(attempts - 1, 0), settings.TOOLKIT_MAIL_RETRY_MAX_SECONDS)
    return timedelta(seconds=seconds)


def _claim(limit: int, ids: Sequence[int] | None = None) -> list[OutboundMessage]:
    """Take up to `limit` due messages for this worker; no other worker can take them."""
    token, now = uuid.uuid4(), timezone.now()
    due = Q(state=MessageState.PENDING, next_attempt_at__lte=now)
    if ids is not None:
        due &= Q(pk__in=ids)
    with transaction.atomic():
        candidates = list(
            OutboundMessage.objects.filter(due)
            .select_for_update(skip_locked=True)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        if not candidates:
            return []
        OutboundMessage.objects.filter(due, pk__in=candidates).update(
            claim=token, next_attempt_at=now + LEASE
        )
    return list(OutboundMessage.objects.filter(claim=token).order_by("pk"))


def _email(message: OutboundMessage, connection: BaseEmailBackend) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        message.subject,
        message.text,
        settings.DEFAULT_FROM_EMAIL,
        [message.recipient],
        headers=message.headers,
        connection=connection,
    )
    email.attach_alternative(message.html, "text/html")
    return email


def _mine(message: OutboundMessage) -> QuerySet[OutboundMessage]:
    return OutboundMessage.objects.filter(pk=message.pk, claim=message.claim)


def _mark_sent(message: OutboundMessage) -> None:
    _mine(message).update(
        state=MessageState.SENT, sent_at=timezone.now(), claim=None, last_error=""
    )


def _mark_failed(message: OutboundMessage, error: Exception) -> None:
    attempts = message.attempts + 1
    dead = attempts >= settings.TOOLKIT_MAIL_MAX_ATTEMPTS
    _mine(message).update(
        state=MessageState.DEAD if dead else MessageState.PENDING,
        attempts=F("attempts") + 1,
        next_attempt_at=timezone.now() + retry_delay(attempts),
        last_error=f"{type(error).__name__}: {error}"[:2000],
        claim=None,
    )
    logger.warning("Could not send %s (#%s, attempt %s): %s", message, message.pk, attempts, error)


def _release(messages: Sequence[OutboundMessage]) -> None:
    """Give back claimed messages not tried, due again at once."""
    for message in messages:
        _mine(message).update(claim=None, next_attempt_at=timezone.now())


def _send_all(messages: Sequence[OutboundMessage]) -> Delivered:
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except Exception as error:  # the server is down: every message waits for the next try
        for message in messages:
            _mark_failed(message, error)
        return Delivered(failed=len(messages))
    stop_at = timezone.now() + LEASE / 2
    done = Delivered()
    try:
        for index, message in enumerate(messages):
            if timezone.now() >= stop_at:
                _release(messages[index:])
                break
            done += _send_one(message, connection)
    finally:
        connection.close()
    return done


def _send_one(message: OutboundMessage, connection: BaseEmailBackend) -> Delivered:
    try:
        accepted = connection.send_messages([_email(message, connection)])
        if accepted != 1:
            raise OSError("The mail server did not accept the message.")
    except Exception as error:  # any failure of this one message is retried later
        _mark_failed(message, error)
        return Delivered(failed=1)
    _mark_sent(message)
    return Delivered(sent=1)


def deliver_due(limit: int = BATCH, ids: Sequence[int] | None = None) -> Delivered:
    """Claim and send one batch of due messages (only `ids` if given)."""
    messages = _claim(limit, ids)
    return _send_all(messages) if messages else Delivered()


def drain() -> Delivered:
    """Send batches until nothing is due (failed messages are due later, so this ends)."""
    total = Delivered()
    while (batch := deliver_due()) != Delivered():
        total += batch
    return total


def prune_sent() -> int:
    """Forget sent messages older than TOOLKIT_MAIL_KEEP_SENT_DAYS (they hold letters and
    reset links); undelivered ones stay until they are sent."""
    cutoff = timezone.now() - timedelta(days=settings.TOOLKIT_MAIL_KEEP_SENT_DAYS)
    deleted, _ = OutboundMessage.objects.filter(
        state=MessageState.SENT, sent_at__lt=cutoff
    ).delete()
    return deleted


def undelivered() -> QuerySet[OutboundMessage]:
    """Messages that failed: dead ones, and ones still being retried."""
    return OutboundMessage.objects.filter(
        Q(state=MessageState.DEAD) | Q(state=MessageState.PENDING, attempts__gt=0)
    )


def resend(message: OutboundMessage, actor: Person) -> OutboundMessage:
    """An editor or admin queues an undelivered (dead) message again, with its Message-ID.

    Raises PermissionDenied for anyone else and Conflict unless the message is dead.
    """
    if not can_manage_outbox(actor):
        raise PermissionDenied("Only editors and admins can resend e-mail.")
    with transaction.atomic():
        locked = OutboundMessage.objects.select_for_update().get(pk=message.pk)
        if locked.state != MessageState.DEAD:
            raise Conflict(
                "Only an undelivered e-mail can be resent; this one is "
                f"“{locked.get_state_display().lower()}”.",
                state=locked.state,
            )
        locked.state = MessageState.PENDING
        locked.attempts = 0
        locked.next_attempt_at = timezone.now()
        locked.claim = None
        locked.save(update_fields=["state", "attempts", "next_attempt_at", "claim"])
        logger.info("%s queued %s (%s) again", actor, locked, locked.pk)
        _deliver_after_commit(locked.pk)
    return locked
