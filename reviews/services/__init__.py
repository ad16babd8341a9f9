"""One service function per user action (DESIGN §11), by aggregate.

core          the shared plumbing: lock, authorize, transition, log, e-mail
submissions   drafts and submissions (the owner's actions)
decisions     decisions and publishing (the editor's transitions)
assignments   assignments and reviews (invitations, answers, review drafts)
appeals       appeals of a rejection (the authors; another editor answers)
extensions    more time for a review: the reviewer asks, the editor approves or refuses
recognition   an editor rates a review's helpfulness (never shown to the reviewer)
actions       transitions by name, for the API and the editor's forms
reminders     the daily reminder sweep

Pages, the API, the admin and the demo all call these, as `reviews.services.<name>`.
"""

from ..models import ReviewAssignment, Submission
from ..rubric import clean_answers
from .actions import ASSIGNMENT_ACTIONS, SUBMISSION_ACTIONS, Action, run_action, text_limit
from .appeals import appeal, overturn_appeal, uphold_appeal
from .assignments import (
    STALE_DRAFT,
    accept_invitation,
    cancel_assignment,
    complete_review,
    decline_invitation,
    ensure_review_writable,
    invite,
    remind,
    save_review_draft,
)
from .core import CONDITION_MESSAGES, authorize, available_transitions
from .decisions import (
    accept,
    desk_reject,
    publish,
    reject,
    request_revisions,
    retire,
    send_to_review,
)
from .extensions import (
    approve_extension,
    refuse_extension,
    request_extension,
    withdraw_extension,
)
from .recognition import rate_review
from .reminders import send_due_reminders
from .submissions import (
    EDITABLE_STATES,
    add_file,
    add_link,
    create_draft,
    delete_draft,
    remove_file,
    resubmit,
    set_authors,
    start_new_version,
    submit,
    update_draft,
    withdraw,
)

__all__ = [
    "appeal",
    "overturn_appeal",
    "uphold_appeal",
    "ASSIGNMENT_ACTIONS",
    "CONDITION_MESSAGES",
    "EDITABLE_STATES",
    "STALE_DRAFT",
    "SUBMISSION_ACTIONS",
    "Action",
    "ReviewAssignment",
    "Submission",
    "accept",
    "accept_invitation",
    "add_file",
    "add_link",
    "approve_extension",
    "rate_review",
    "authorize",
    "available_transitions",
    "cancel_assignment",
    "clean_answers",
    "complete_review",
    "create_draft",
    "decline_invitation",
    "delete_draft",
    "desk_reject",
    "ensure_review_writable",
    "invite",
    "publish",
    "refuse_extension",
    "reject",
    "remind",
    "remove_file",
    "request_extension",
    "request_revisions",
    "resubmit",
    "retire",
    "run_action",
    "save_review_draft",
    "send_due_reminders",
    "send_to_review",
    "set_authors",
    "start_new_version",
    "submit",
    "text_limit",
    "update_draft",
    "withdraw",
    "withdraw_extension",
]
