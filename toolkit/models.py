"""Abstract models the apps share (no tables of their own)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class EventLog(models.Model):
    """One logged event on an object with a state machine: who did what, from which state
    to which, with a note; written in the same transaction as the change it records.
    A subclass adds the foreign key to its object (`related_name="log_entries"`)."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    event = models.CharField(max_length=40)
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.event}: {self.from_state} → {self.to_state}"
