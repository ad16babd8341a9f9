"""Template helpers for workflow pages: state badges, rubric criteria, answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from toolkit.text import render_markdown

from ..choices import AssignmentState, SubmissionState
from ..rubric import CRITERIA, CRITERIA_BY_KEY, Criterion

register = template.Library()

STATE_STYLES: dict[str, str] = {
    SubmissionState.PUBLISHED: "ok",
    SubmissionState.ACCEPTED: "ok",
    AssignmentState.COMPLETED: "ok",
    SubmissionState.REVISIONS_REQUESTED: "warn",
    SubmissionState.APPEALED: "warn",
    AssignmentState.INVITED: "warn",
    SubmissionState.REJECTED: "danger",
    SubmissionState.WITHDRAWN: "danger",
    SubmissionState.RETIRED: "danger",
    AssignmentState.DECLINED: "danger",
    AssignmentState.CANCELLED: "danger",
}
LABELS: dict[str, str] = {**dict(SubmissionState.choices), **dict(AssignmentState.choices)}


@register.inclusion_tag("includes/reviews_state.html")
def state_badge(state: str) -> dict[str, str]:
    return {"label": LABELS.get(state, state), "style": STATE_STYLES.get(state, "")}


@register.filter
def letter(text: str) -> SafeString:
    """A decision letter: Markdown (sanitized) keeping its line breaks; its "> " lines, the
    quoted reviews, become blockquotes. It sits under an <h3>: headings start at <h4>."""
    return mark_safe(render_markdown(text, top_heading=4, line_breaks=True))  # noqa: S308 - nh3-sanitized


@register.simple_tag
def rubric_criteria() -> tuple[Criterion, ...]:
    return CRITERIA


@register.filter
def criterion(key: str) -> Criterion | None:
    return CRITERIA_BY_KEY.get(key)


@register.filter
def answer(answers: Mapping[str, Any] | None, key: str) -> Any:
    """The answers dict of one criterion (empty when unanswered)."""
    return (answers or {}).get(key, {})


@register.filter
def get(mapping: Mapping[str, Any] | None, key: str) -> Any:
    return (mapping or {}).get(key)


@register.filter
def state_label(state: str) -> str:
    """A submission or assignment state in words ("revisions_requested" → "Revisions requested")."""
    return LABELS.get(state, words(state))


@register.filter
def words(code: object) -> str:
    """A code in words, capitalised: "request_revisions" → "Request revisions",
    "remind:response_overdue" → "Reminder: response overdue"."""
    text = str(code or "").replace("remind:", "reminder: ").replace("_", " ")
    return text[:1].upper() + text[1:]
