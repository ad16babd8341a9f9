"""Peer-review workflow: submissions, versions, files, rounds, assignments, reviews, decisions.

submission   the Submission, its metadata and its state machine
(here)       its authors, versions and files (the upload paths are named in migrations)
review       rounds, review assignments (a state machine), reviews and decisions
extension    a reviewer's request for more time, and the editor's answer
log          the transition log and the reminders already sent
appeal       an appeal of a rejection and its answer
currency     a currency re-review of a published resource
recognition  an editor's rating of a review's helpfulness (editors only)

Transitions mutate fields only. Permission checks, locking, logging and e-mail live in
`reviews.services`; what a viewer may see lives in `reviews.anonymity`.
"""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models

from ..choices import FileKind
from .appeal import Appeal
from .currency import CurrencyReview
from .extension import ExtensionRequest
from .log import SentReminder, TransitionLog
from .recognition import HelpfulnessRating
from .review import AssignmentQuerySet, Decision, Review, ReviewAssignment, ReviewRound
from .submission import Submission, SubmissionQuerySet

__all__ = [
    "Appeal",
    "AssignmentQuerySet",
    "CurrencyReview",
    "Decision",
    "ExtensionRequest",
    "HelpfulnessRating",
    "Review",
    "ReviewAssignment",
    "ReviewRound",
    "SentReminder",
    "Submission",
    "SubmissionAuthor",
    "SubmissionFile",
    "SubmissionQuerySet",
    "SubmissionVersion",
    "TransitionLog",
    "original_upload_to",
    "sanitized_upload_to",
]


class SubmissionAuthor(models.Model):
    """An author of a submission, in byline order. Hidden from reviewers."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="authors")
    position = models.PositiveSmallIntegerField(default=1)
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    affiliation = models.CharField(max_length=255, blank=True)
    orcid = models.CharField("ORCID iD", max_length=19, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="authorships",
    )

    class Meta:
        ordering = ["submission", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class SubmissionVersion(models.Model):
    """One version of a submission: a working copy until frozen, immutable afterwards."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    frozen_at = models.DateTimeField(null=True, blank=True)
    metadata = models.JSONField(
        default=dict, blank=True, help_text="Snapshot of the metadata when frozen."
    )
    response_letter = models.TextField(
        blank=True, help_text="The authors' answer to the previous round's reviews."
    )

    class Meta:
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="reviews_version_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.submission} v{self.number}"

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


def original_upload_to(instance: SubmissionFile, filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()
    return f"submissions/{instance.version.submission.uuid}/{instance.uuid}{suffix}"


def sanitized_upload_to(instance: SubmissionFile, filename: str) -> str:
    suffix = PurePosixPath(filename).suffix.lower()
    return f"sanitized/{instance.version.submission.uuid}/{instance.uuid}{suffix}"


class SubmissionFile(models.Model):
    """A file or external link attached to one version. Stored under a server-made name."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    version = models.ForeignKey(SubmissionVersion, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(max_length=8, choices=FileKind.choices, default=FileKind.FILE)
    label = models.CharField(
        max_length=200, blank=True, help_text="What it is, e.g. “Facilitator guide”."
    )
    original_name = models.CharField(max_length=255, blank=True)
    file = models.FileField(upload_to=original_upload_to, max_length=300, blank=True)
    sanitized = models.FileField(upload_to=sanitized_upload_to, max_length=300, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    extension = models.CharField(max_length=10, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    url = models.URLField(max_length=500, blank=True)
    extracted_text = models.TextField(blank=True)
    identity_flags = models.JSONField(
        default=list, blank=True, help_text="Author identities found in the file, for editors."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["version", "position", "pk"]

    def __str__(self) -> str:
        return self.label or self.original_name or self.url

    @property
    def is_link(self) -> bool:
        return self.kind == FileKind.LINK

    @property
    def is_publishable(self) -> bool:
        return self.is_link or bool(self.sanitized)
