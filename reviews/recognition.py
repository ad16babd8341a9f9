"""Reviewer recognition (issue 16 item 6): what reviewers did, for them, the public and editors.

- `history`: a reviewer's completed reviews, on time or late, per year (the My reviewing page).
- `certificate_pdf`: a yearly certificate of peer review (fpdf2). It names the reviewer, the
  year and how many reviews: never a submission's title (in double-anonymous review a title
  can name its authors) nor anything else of the authors.
- `thanked` / `thanked_years`: the public "Thank you to our reviewers" page, per year, only
  for reviewers who opted in on their profile (`User.thanked_publicly`).
- `times_for` / `record_for`: for editors, each reviewer's response time (invited → accepted
  or declined) and completion time (accepted → review submitted), with the helpfulness
  ratings editors gave (reviews.services.recognition). Never shown to the reviewer.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby
from pathlib import Path
from statistics import mean
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from fpdf import FPDF

from .choices import AssignmentState
from .metrics import _days, _median
from .models import HelpfulnessRating, ReviewAssignment

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from django.db.models import QuerySet

    from toolkit.accounts.models import User
    from toolkit.accounts.permissions import Person

A = AssignmentState


# --- the reviewer's own history ---------------------------------------------------------


@dataclass(frozen=True)
class Done:
    """One completed review, for its reviewer: when, against which due date, how long."""

    assignment: ReviewAssignment
    completed_at: datetime
    on_time: bool
    days: float | None  # accepted → submitted


@dataclass
class Year:
    year: int
    reviews: list[Done] = field(default_factory=list)

    @property
    def completed(self) -> int:
        return len(self.reviews)

    @property
    def on_time(self) -> int:
        return sum(r.on_time for r in self.reviews)

    @property
    def late(self) -> int:
        return self.completed - self.on_time

    @property
    def average_days(self) -> float | None:
        return _average(r.days for r in self.reviews)


def _average(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(mean(known), 1) if known else None


def completed_assignments(user: Person) -> QuerySet[ReviewAssignment]:
    """The person's completed reviews, newest first."""
    return ReviewAssignment.objects.filter(
        reviewer=user.pk, state=A.COMPLETED, completed_at__isnull=False
    ).order_by("-completed_at", "-pk")


def _done(assignment: ReviewAssignment) -> Done:
    completed_at = cast("datetime", assignment.completed_at)  # completed_assignments: not null
    responded = assignment.responded_at
    return Done(
        assignment=assignment,
        completed_at=completed_at,
        on_time=timezone.localdate(completed_at) <= assignment.review_due,
        days=round(_days(completed_at - responded), 1) if responded else None,
    )


def history(user: Person) -> list[Year]:
    """The person's completed reviews by year (latest first), each with its reviews."""
    done = [_done(a) for a in completed_assignments(user).select_related("round__version")]
    return [
        Year(year, list(reviews))
        for year, reviews in groupby(done, key=lambda d: timezone.localtime(d.completed_at).year)
    ]


def totals(years: list[Year]) -> dict:
    reviews = [r for y in years for r in y.reviews]
    return {
        "completed": len(reviews),
        "on_time": sum(r.on_time for r in reviews),
        "late": sum(not r.on_time for r in reviews),
        "average_days": _average(r.days for r in reviews),
    }


def completed_in(user: Person, year: int) -> int:
    return completed_assignments(user).filter(completed_at__year=year).count()


# --- the yearly certificate ---------------------------------------------------------------

# A Unicode font for names Helvetica cannot write (Debian's fonts-dejavu-core), if present.
UNICODE_FONTS = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),)


def _latin1(text: str) -> str:
    """Text Helvetica (Latin-1) can write: accents kept where Latin-1 has them, others
    dropped from their letter, anything else as "?"."""
    out = []
    for char in text:
        if char.encode("latin-1", "ignore"):
            out.append(char)
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        out.append("".join(c for c in base if not unicodedata.combining(c)) or "?")
    return "".join(out)


def _as_written(text: str) -> str:
    return text


def certificate_pdf(user: User, year: int, count: int) -> bytes:
    """A one-page certificate: "<name> completed <count> reviews for <site> in <year>"."""
    site = settings.TOOLKIT_SITE_NAME
    name = user.display_name or user.username
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_auto_page_break(False)
    family = "helvetica"
    text: Callable[[str], str] = _latin1
    if any(not c.encode("latin-1", "ignore") for c in name + site):
        font = next((path for path in UNICODE_FONTS if path.exists()), None)
        if font is not None:
            pdf.add_font("unicode", "", str(font))
            family, text = "unicode", _as_written
    pdf.set_title(text(f"Certificate of peer review, {year}"))
    pdf.set_author(text(site))
    pdf.set_creator(text(site))
    pdf.add_page()
    pdf.set_draw_color(40, 70, 110)
    pdf.set_line_width(1.2)
    pdf.rect(12, 12, pdf.w - 24, pdf.h - 24)
    width = pdf.w - 40
    pdf.set_xy(20, 40)
    pdf.set_font(family, "", 14)
    pdf.cell(width, 10, text(site), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(20, 58)
    pdf.set_font(family, "", 30)
    pdf.cell(width, 16, "Certificate of peer review", align="C")
    pdf.set_xy(20, 90)
    pdf.set_font(family, "", 14)
    pdf.cell(width, 10, "This certifies that", align="C")
    pdf.set_xy(20, 104)
    pdf.set_font(family, "", 26)
    pdf.cell(width, 14, text(name), align="C")
    pdf.set_xy(20, 126)
    pdf.set_font(family, "", 14)
    reviews = f"{count} review{'s' if count != 1 else ''}"
    pdf.multi_cell(width, 9, text(f"completed {reviews} for the {site} in {year}."), align="C")
    pdf.set_xy(20, 160)
    pdf.set_font(family, "", 11)
    pdf.multi_cell(
        width,
        7,
        "Reviews are double-anonymous: this certificate names no resource and no author.\n"
        f"Issued on {timezone.localdate():%-d %B %Y}.",
        align="C",
    )
    return bytes(pdf.output())


# --- the public thank-you page ------------------------------------------------------------


def thanked(year: int) -> list[str]:
    """Display names of the active reviewers who opted in and completed a review in `year`."""
    people = (
        get_user_model()
        .objects.filter(
            thanked_publicly=True,
            is_active=True,
            assignments__state=A.COMPLETED,
            assignments__completed_at__year=year,
        )
        .distinct()
        .order_by("display_name", "username")
    )
    return [person.display_name or person.username for person in people]


def thanked_years() -> list[int]:
    """The years in which someone who opted in completed a review, latest first."""
    moments = ReviewAssignment.objects.filter(
        state=A.COMPLETED,
        reviewer__thanked_publicly=True,
        reviewer__is_active=True,
        completed_at__isnull=False,
    ).datetimes("completed_at", "year", order="DESC")
    return [moment.year for moment in moments]


# --- for editors: response and completion times, helpfulness -------------------------------


@dataclass
class Times:
    """One reviewer's record as an editor sees it (medians in days)."""

    invited: int = 0
    responded: int = 0
    completed: int = 0
    median_days_to_respond: float | None = None
    median_days_to_complete: float | None = None
    rated: int = 0
    mean_helpfulness: float | None = None


def _times(assignments: list[ReviewAssignment], scores: list[int]) -> Times:
    responded = [a for a in assignments if a.responded_at]
    completed = [a for a in assignments if a.completed_at and a.responded_at]
    return Times(
        invited=len(assignments),
        responded=len(responded),
        completed=len(completed),
        median_days_to_respond=_median(_days(a.responded_at - a.invited_at) for a in responded),  # type: ignore[operator]
        median_days_to_complete=_median(
            _days(a.completed_at - a.responded_at)  # type: ignore[operator]
            for a in completed
        ),
        rated=len(scores),
        mean_helpfulness=round(mean(scores), 1) if scores else None,
    )


def _seen_by(editor: Person) -> QuerySet[ReviewAssignment]:
    """The assignments an editor may know of (not those of their own work)."""
    return ReviewAssignment.objects.visible_to(editor)


def times_for(editor: Person, reviewers: Iterable[int]) -> dict[int, Times]:
    """Each reviewer's Times (by primary key), from the assignments this editor may see."""
    pks = list(reviewers)
    assignments = list(
        _seen_by(editor)
        .filter(reviewer__in=pks)
        .only("reviewer_id", "invited_at", "responded_at", "completed_at")
    )
    ratings = HelpfulnessRating.objects.filter(review__assignment__in=assignments).values_list(
        "review__assignment__reviewer_id", "score"
    )
    scores: dict[int, list[int]] = {}
    for reviewer_id, score in ratings:
        scores.setdefault(reviewer_id, []).append(score)
    by_reviewer: dict[int, list[ReviewAssignment]] = {}
    for assignment in assignments:
        by_reviewer.setdefault(assignment.reviewer_id, []).append(assignment)
    return {pk: _times(by_reviewer.get(pk, []), scores.get(pk, [])) for pk in pks}


def record_for(editor: Person, reviewer: User) -> tuple[Times, list[dict]]:
    """A reviewer's Times and every assignment this editor may see, newest first, each with
    its days to respond and to complete and the helpfulness rating."""
    assignments = list(
        _seen_by(editor)
        .filter(reviewer=reviewer)
        .select_related("round__submission", "review__helpfulness")
        .order_by("-invited_at", "-pk")
    )
    rows = []
    scores = []
    for a in assignments:
        rating = getattr(getattr(a, "review", None), "helpfulness", None)
        if rating is not None:
            scores.append(rating.score)
        rows.append(
            {
                "assignment": a,
                "submission": a.round.submission,
                "days_to_respond": round(_days(a.responded_at - a.invited_at), 1)
                if a.responded_at
                else None,
                "days_to_complete": round(_days(a.completed_at - a.responded_at), 1)
                if a.completed_at and a.responded_at
                else None,
                "on_time": timezone.localdate(a.completed_at) <= a.review_due
                if a.completed_at
                else None,
                "helpfulness": rating,
            }
        )
    return _times(assignments, scores), rows
