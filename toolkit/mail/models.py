"""The outbox: one row per e-mail, written in the transaction of the action that caused it."""

import uuid

from django.db import models
from django.utils import timezone


class MessageState(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"
    DEAD = "dead", "Undelivered"


class OutboundMessage(models.Model):
    """A rendered message and its delivery: pending → sent, or dead after too many failures."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.CharField(max_length=100, help_text="The kind of message (its template name).")
    recipient = models.EmailField(max_length=254)
    subject = models.TextField()
    text = models.TextField()
    html = models.TextField()
    headers = models.JSONField(default=dict, help_text="Including the Message-ID, set once.")
    state = models.CharField(
        max_length=10, choices=MessageState.choices, default=MessageState.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    # The worker holding the message (until next_attempt_at, its lease), else null.
    claim = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "outgoing e-mail"
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(state="pending"),
                name="mail_pending_due",
            ),
            models.Index(fields=["state", "-created_at"], name="mail_state_created"),
        ]

    def __str__(self) -> str:
        return f"{self.event} to {self.recipient}"

    @property
    def message_id(self) -> str:
        return self.headers.get("Message-ID", "")
