"""Decision letter drafts that quote the anonymous reviews, for editors to edit before sending."""

from __future__ import annotations

from typing import cast

from django.template import Context
from django.template.backends.django import Template as DjangoTemplate
from django.template.loader import get_template

from .models import Review, ReviewRound, Submission
from .rubric import CRITERIA


def quote_reviews(submission: Submission, review_round: ReviewRound | None = None) -> str:
    """The completed reviews of a round (default: the latest), as "Reviewer N" quotes."""
    review_round = review_round or submission.rounds.order_by("-number").first()
    if review_round is None:
        return ""
    reviews = (
        Review.objects.filter(assignment__round=review_round, submitted_at__isnull=False)
        .select_related("assignment")
        .order_by("assignment__reviewer_number")
    )
    return "\n\n".join(
        quote_review(
            f"Reviewer {review.assignment.reviewer_number}",
            review.comments_to_authors,
            review.answers,
        )
        for review in reviews
    )


def quote_review(label: str, comments: str, answers: dict) -> str:
    """One review as "Reviewer N:" and "> " quoted lines: its comments to the authors, then
    the concerns noted in the rubric (in the rubric's order, not the JSON key order)."""
    lines = [f"{label}:"]
    lines += [f"> {line}" if line else ">" for line in comments.splitlines()]
    concerns = [
        f"> - {criterion.title}: {answers[criterion.key]['concerns']}"
        for criterion in CRITERIA
        if (answers.get(criterion.key) or {}).get("concerns")
    ]
    if concerns:
        lines += [">", "> Concerns noted in the rubric:", ">", *concerns]
    return "\n".join(lines)


def draft_letter(submission: Submission, kind: str) -> str:
    """A decision letter to start from, rendered from templates/reviews/letters/<kind>.txt.

    The templates say what is true of this submission: `reviews` is empty when no review
    was completed (a desk rejection never quotes any), and `revised` is true when the
    latest round reviewed a resubmitted version, the only case where the authors have
    responded to reviewers.
    """
    latest = submission.rounds.order_by("-number").first()
    template = cast(DjangoTemplate, get_template(f"reviews/letters/{kind}.txt")).template
    context = Context(
        {
            "title": submission.title,
            "reviews": "" if kind == "desk_reject" else quote_reviews(submission, latest),
            "owner": submission.owner,
            "revised": bool(latest and latest.number > 1),
        },
        autoescape=False,
    )
    return "\n\n".join(
        part.strip() for part in template.render(context).split("\n\n") if part.strip()
    )
