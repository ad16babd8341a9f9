"""The demo's currency re-review (issue 16 item 4): one resource due for its currency review
in 30 days (set by the editor), and the outdated terms flagged across the catalog."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from catalog.currency.services import flag_terms
from catalog.models import Resource
from reviews.services import currency

from ..accounts.models import User

DUE_SOON = "working-with-a-professional-medical-interpreter-a-ten-minute-osce-station"
DUE_IN_DAYS = 30


def seed_currency(editor: User) -> None:
    resource = Resource.objects.published().filter(slug=DUE_SOON).first()
    if resource is not None:
        currency.set_review_by(
            resource, editor, review_by=timezone.localdate() + timedelta(days=DUE_IN_DAYS)
        )
    flag_terms()  # e.g. “race correction” in the eGFR session, “non-compliant” in Words Matter
