"""Choices of the peer-review workflow (DESIGN §4–§6, VOCABULARIES.md workflow codes)."""

from django.db import models


class SubmissionState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    IN_REVIEW = "in_review", "In review"
    REVISIONS_REQUESTED = "revisions_requested", "Revisions requested"
    ACCEPTED = "accepted", "Accepted"
    PUBLISHED = "published", "Published"
    REJECTED = "rejected", "Rejected"
    APPEALED = "appealed", "Under appeal"
    WITHDRAWN = "withdrawn", "Withdrawn"
    RETIRED = "retired", "Retired"


TERMINAL_SUBMISSION_STATES = frozenset(
    {SubmissionState.REJECTED, SubmissionState.WITHDRAWN, SubmissionState.RETIRED}
)
WITHDRAWABLE_STATES = [
    SubmissionState.DRAFT,
    SubmissionState.SUBMITTED,
    SubmissionState.IN_REVIEW,
    SubmissionState.REVISIONS_REQUESTED,
    SubmissionState.ACCEPTED,
]


class AppealOutcome(models.TextChoices):
    PENDING = "", "Pending"
    UPHELD = "upheld", "Decision upheld"
    OVERTURNED = "overturned", "Decision overturned"


class AssignmentState(models.TextChoices):
    INVITED = "invited", "Invited"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    CANCELLED = "cancelled", "Cancelled"
    COMPLETED = "completed", "Completed"
    CLOSED = "closed", "Closed"


# States that hold the (round, reviewer) slot: a reviewer cannot be invited twice.
ACTIVE_ASSIGNMENT_STATES = [
    AssignmentState.INVITED,
    AssignmentState.ACCEPTED,
    AssignmentState.COMPLETED,
]
OPEN_ASSIGNMENT_STATES = [AssignmentState.INVITED, AssignmentState.ACCEPTED]
# States in which the reviewer has accepted, so has a "Reviewer N" (numbered on accepting).
NUMBERED_ASSIGNMENT_STATES = [AssignmentState.ACCEPTED, AssignmentState.COMPLETED]


class ExtensionState(models.TextChoices):
    PENDING = "pending", "Waiting for the editor"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"
    WITHDRAWN = "withdrawn", "Withdrawn"


class DeclineReason(models.TextChoices):
    TOO_BUSY = "too_busy", "Too busy at the moment"
    OUTSIDE_EXPERTISE = "outside_expertise", "Outside my expertise"
    CONFLICT_OF_INTEREST = "conflict_of_interest", "Conflict of interest"
    OTHER = "other", "Other reason"


class Recommendation(models.TextChoices):
    ACCEPT = "accept", "Accept"
    MINOR_REVISIONS = "minor_revisions", "Minor revisions"
    MAJOR_REVISIONS = "major_revisions", "Major revisions"
    REJECT = "reject", "Reject"


# Recommendations on opposite sides: an accept-side and a reject-side pair diverge.
ACCEPT_SIDE = frozenset({Recommendation.ACCEPT, Recommendation.MINOR_REVISIONS})
REJECT_SIDE = frozenset({Recommendation.REJECT})


class DecisionKind(models.TextChoices):
    DESK_REJECT = "desk_reject", "Desk rejection"
    REQUEST_REVISIONS = "request_revisions", "Revisions requested"
    ACCEPT = "accept", "Accepted"
    REJECT = "reject", "Rejected after review"


class FileKind(models.TextChoices):
    FILE = "file", "File"
    LINK = "link", "External link"


class CurrencyState(models.TextChoices):
    """A currency re-review of a published resource (issue 16 item 4)."""

    OPEN = "open", "Reviewer to invite"
    INVITED = "invited", "Reviewer invited"
    ACCEPTED = "accepted", "Under review"
    SUBMITTED = "submitted", "Review in: editor to decide"
    RECERTIFIED = "recertified", "Re-certified"
    UPDATE_REQUESTED = "update_requested", "Update requested from the authors"
    RETIRED = "retired", "Retired"


OPEN_CURRENCY_STATES = [
    CurrencyState.OPEN,
    CurrencyState.INVITED,
    CurrencyState.ACCEPTED,
    CurrencyState.SUBMITTED,
]


class Helpfulness(models.IntegerChoices):
    """An editor's rating of a completed review (reviews.recognition): editors only."""

    LITTLE = 1, "1 · of little help"
    HELPFUL = 2, "2 · helpful"
    VERY = 3, "3 · very helpful"
