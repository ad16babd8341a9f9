"""The 12-item review rubric (DESIGN §6), its validation and the divergence rule.

Answers are stored on `Review.answers` as a dict keyed by criterion:

    {"objectives": {"score": 4, "strengths": "...", "concerns": "..."},
     "evaluation": {"implemented": true, "score": 3, ...},
     "compliance": {"rights": true, "privacy": true, "license": true, "coi": true, ...}}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from statistics import mean
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Literal, Protocol

from django.core.validators import ProhibitNullCharactersValidator

from .choices import ACCEPT_SIDE, REJECT_SIDE, Recommendation

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

    # Field-keyed messages, as a ValidationError takes them.
    Messages = dict[str, list[str | StrPromise]]


class Reviewed(Protocol):
    """A review as the divergence rule reads it (a Review, or a row of an editor's table)."""

    @property
    def answers(self) -> Mapping[str, Any]: ...

    @property
    def recommendation(self) -> str: ...


NUL_MESSAGE = ProhibitNullCharactersValidator.message  # the forms' own words

SCALE = (1, 2, 3, 4, 5)
DIVERGENCE_SPREAD = 2


@dataclass(frozen=True)
class Criterion:
    key: str
    number: int
    title: str
    question: str
    anchors: dict = field(default_factory=dict)  # score -> description
    gate: str = ""  # a yes/no question asked before the score
    gates: tuple = ()  # (key, label) yes/no items, for a criterion without a score
    note: str = ""  # guidance shown under the question; not scored

    @property
    def scored(self) -> bool:
        return not self.gates


ANCHORS = {
    1: "Not met: serious problems that would need a new design.",
    2: "Weak: major gaps.",
    3: "Adequate: meets the standard with some gaps.",
    4: "Strong: minor improvements possible.",
    5: "Exemplary: a model for others.",
}

COMPLIANCE_GATES = (
    ("rights", "The authors hold the rights to every part, or cite permission to reuse it."),
    ("privacy", "No identifiable patient information, or documented consent."),
    ("license", "The licence chosen fits the materials and their sources."),
    ("coi", "Conflicts of interest are declared and do not bias the content."),
)

CRITERIA = (
    Criterion(
        "objectives",
        1,
        "Learning objectives fit the learner level",
        "Are the objectives specific, measurable and pitched at the stated learner level?",
        ANCHORS,
        note="Competency alignment: when the authors tagged competencies (AAMC DEI, ACGME), "
        "say in your comments whether the objectives and content really support each one; "
        "tags it does not support should be removed before publication.",
    ),
    Criterion(
        "grounding",
        2,
        "Grounding in the literature",
        "Does the resource build on current evidence and cite it?",
        ANCHORS,
    ),
    Criterion(
        "methods",
        3,
        "Methods fit the objectives",
        "Do the instructional methods suit the objectives and the learners?",
        ANCHORS,
    ),
    Criterion(
        "evaluation",
        4,
        "Implemented and evaluated with learners",
        "How well was the implementation evaluated (reactions, learning, behaviour)?",
        ANCHORS,
        gate="Has the resource been implemented with learners?",
    ),
    Criterion(
        "accuracy",
        5,
        "Content accuracy",
        "Is the content accurate, current and free of errors?",
        ANCHORS,
    ),
    Criterion(
        "significance",
        6,
        "Educational significance",
        "Does it fill a real gap in health-equity teaching?",
        ANCHORS,
    ),
    Criterion(
        "completeness",
        7,
        "Completeness of the implementation materials",
        "Could another educator run it from these materials alone?",
        ANCHORS,
    ),
    Criterion(
        "critique",
        8,
        "Reflective critique",
        "Do the authors discuss limitations and lessons learned?",
        ANCHORS,
    ),
    Criterion(
        "adoptability",
        9,
        "Adoptable elsewhere",
        "Can other institutions and settings adapt it?",
        ANCHORS,
    ),
    Criterion(
        "usability",
        10,
        "Ease of use and accessibility",
        "Are the materials easy to use and accessible (captions, alt text, readable files)?",
        ANCHORS,
    ),
    Criterion(
        "compliance",
        11,
        "Compliance",
        "Answer yes or no to each item.",
        gates=COMPLIANCE_GATES,
    ),
    Criterion(
        "equity_framing",
        12,
        "Equity framing",
        "Does it avoid stereotypes, treat race as a social construct and use respectful language?",
        ANCHORS,
    ),
)

CRITERIA_BY_KEY = {c.key: c for c in CRITERIA}
SCORED_KEYS = tuple(c.key for c in CRITERIA if c.scored)
TEXT_KEYS = ("strengths", "concerns")
MAX_TEXT = 10000


def _as_bool(value: object) -> bool | None | Literal["invalid"]:
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().lower()
    if text in {"yes", "true", "1", "on"}:
        return True
    if text in {"no", "false", "0", "off"}:
        return False
    return "invalid"


def _as_score(value: Any) -> int | None | Literal["invalid"]:
    if value in (None, ""):
        return None
    try:
        score = int(value)
    except (TypeError, ValueError):
        return "invalid"
    return score if score in SCALE else "invalid"


def clean_answers(raw: object) -> tuple[dict[str, dict[str, Any]], Messages]:
    """Normalise submitted answers for a draft: (answers, errors) with field-keyed messages.

    Unknown criteria and keys are dropped; out-of-range values are errors, never saved.
    """
    answers: dict[str, dict[str, Any]] = {}
    errors: Messages = {}
    if not isinstance(raw, dict):
        return {}, {"answers": ["Answers must be an object keyed by criterion."]}
    for criterion in CRITERIA:
        given = raw.get(criterion.key)
        if given is None:
            continue
        if not isinstance(given, dict):
            errors[criterion.key] = ["Give this criterion as an object."]
            continue
        entry: dict[str, Any] = {}
        for text_key in TEXT_KEYS:
            text = given.get(text_key)
            if text not in (None, ""):
                if "\x00" in str(text):  # as a form's CharField: PostgreSQL cannot store one
                    errors[f"{criterion.key}.{text_key}"] = [NUL_MESSAGE]
                    continue
                entry[text_key] = str(text)[:MAX_TEXT]
        if criterion.scored:
            score = _as_score(given.get("score"))
            if score == "invalid":
                errors[f"{criterion.key}.score"] = ["Choose a score from 1 to 5."]
            elif score is not None:
                entry["score"] = score
        if criterion.gate:
            implemented = _as_bool(given.get("implemented"))
            if implemented == "invalid":
                errors[f"{criterion.key}.implemented"] = ["Answer yes or no."]
            elif implemented is not None:
                entry["implemented"] = implemented
        for gate_key, _label in criterion.gates:
            answer = _as_bool(given.get(gate_key))
            if answer == "invalid":
                errors[f"{criterion.key}.{gate_key}"] = ["Answer yes or no."]
            elif answer is not None:
                entry[gate_key] = answer
        if entry:
            answers[criterion.key] = entry
    return answers, errors


def missing_answers(answers: Mapping[str, Any]) -> Messages:
    """Messages for every required answer that a complete review still lacks."""
    errors: Messages = {}
    for criterion in CRITERIA:
        entry = answers.get(criterion.key, {})
        if criterion.gate and entry.get("implemented") is None:
            errors[f"{criterion.key}.implemented"] = [f"{criterion.number}. {criterion.gate}"]
        needs_score = criterion.scored and not (
            criterion.gate and entry.get("implemented") is False
        )
        if needs_score and entry.get("score") is None:
            errors[f"{criterion.key}.score"] = [
                f"{criterion.number}. {criterion.title}: choose a score from 1 to 5."
            ]
        for gate_key, label in criterion.gates:
            if entry.get(gate_key) is None:
                errors[f"{criterion.key}.{gate_key}"] = [
                    f"{criterion.number}. {label} Answer yes or no."
                ]
    return errors


def score_of(answers: Mapping[str, Any] | None, key: str) -> int | None:
    return (answers or {}).get(key, {}).get("score")


def mean_score(answers: Mapping[str, Any] | None) -> float | None:
    """Mean of the scored criteria answered, or None."""
    scores = [s for key in SCORED_KEYS if (s := score_of(answers, key)) is not None]
    return round(mean(scores), 2) if scores else None


def divergence(reviews: Iterable[Reviewed]) -> dict[str, Any]:
    """The divergence rule: a spread ≥ 2 on any criterion, or opposite recommendations.

    `reviews` are objects with `answers` and `recommendation`. Returns
    {"flag": bool, "criteria": [keys with a spread ≥ 2], "recommendations": bool}.
    """
    reviewed = list(reviews)
    spread = []
    for key in SCORED_KEYS:
        scores = [s for r in reviewed if (s := score_of(r.answers, key)) is not None]
        if len(scores) >= 2 and max(scores) - min(scores) >= DIVERGENCE_SPREAD:
            spread.append(key)
    recs = {r.recommendation for r in reviewed if r.recommendation}
    opposite = bool(recs & ACCEPT_SIDE) and bool(recs & REJECT_SIDE)
    return {"flag": bool(spread) or opposite, "criteria": spread, "recommendations": opposite}


GATE_SHORT = {"rights": "rights", "privacy": "patient privacy", "license": "licence", "coi": "COI"}


def compare(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The editor's side-by-side table of one round's completed reviews.

    `rows` are reviews as dicts with "answers" and "recommendation" (anonymity.reviews_for
    for an editor). Returns one row per scored criterion (a cell per review, the mean,
    the spread, whether it diverges), each review's overall mean (`mean_score`) and the
    mean of those, the recommendations, compliance items answered "no", and `divergence`.
    """
    reviews = [
        SimpleNamespace(
            answers=r.get("answers") or {}, recommendation=r.get("recommendation") or ""
        )
        for r in rows
    ]
    verdict = divergence(reviews)
    criteria = []
    for criterion in CRITERIA:
        if not criterion.scored:
            continue
        cells = []
        for review in reviews:
            entry = review.answers.get(criterion.key, {})
            not_implemented = bool(criterion.gate) and entry.get("implemented") is False
            cells.append({"score": entry.get("score"), "not_implemented": not_implemented})
        given = [c["score"] for c in cells if c["score"] is not None]
        criteria.append(
            {
                "criterion": criterion,
                "cells": cells,
                "mean": round(mean(given), 2) if given else None,
                "spread": max(given) - min(given) if len(given) >= 2 else None,
                "divergent": criterion.key in verdict["criteria"],
            }
        )
    means = [mean_score(r.answers) for r in reviews]
    given = [m for m in means if m is not None]
    labels = dict(Recommendation.choices)
    return {
        "reviewers": [r.get("reviewer", "") for r in rows],
        "criteria": criteria,
        "means": means,
        "mean": round(mean(given), 2) if given else None,
        "recommendations": [labels.get(r.recommendation, "") for r in reviews],
        "compliance_no": [
            [
                GATE_SHORT[key]
                for key, _ in COMPLIANCE_GATES
                if r.answers.get("compliance", {}).get(key) is False
            ]
            for r in reviews
        ],
        "divergence": verdict,
        "divergent_titles": [CRITERIA_BY_KEY[key].title for key in verdict["criteria"]],
    }


# --- the currency re-review's short rubric (issue 16 item 4) ------------------------------

CURRENCY_CRITERIA = (
    ("evidence", "Evidence still current", "Do the cited evidence and data still hold?"),
    (
        "terminology",
        "Terminology current",
        "Is the language current and respectful (no outdated or harmful terms)?",
    ),
    ("links", "Links alive", "Do the links and references still lead where they should?"),
    (
        "levels",
        "Still fits the learner levels",
        "Does it still suit the learner levels it is listed for?",
    ),
)
CURRENCY_ANSWERS = (("yes", "Yes"), ("no", "No"), ("concerns", "Concerns"))


def clean_currency_answers(raw: Mapping[str, Any]) -> tuple[dict[str, dict[str, str]], Messages]:
    """The currency rubric from a form or the API: {key: {"answer", "comment"}} and the
    messages for what is missing (every answer; a comment unless the answer is yes)."""
    answers: dict[str, dict[str, str]] = {}
    errors: Messages = {}
    values = {value for value, _ in CURRENCY_ANSWERS}
    for key, title, _question in CURRENCY_CRITERIA:
        entry = raw.get(key)
        given: Mapping[str, Any] = entry if isinstance(entry, Mapping) else {}
        answer = str(given.get("answer") or "").strip()
        comment = str(given.get("comment") or "").strip()[:MAX_TEXT]
        if "\x00" in comment:
            errors[f"{key}_comment"] = [NUL_MESSAGE]
        if answer not in values:
            errors[f"{key}_answer"] = [f"{title}: answer yes, no or concerns."]
        elif answer != "yes" and not comment:
            errors[f"{key}_comment"] = [f"{title}: say what is out of date."]
        answers[key] = {"answer": answer, "comment": comment}
    return answers, errors
