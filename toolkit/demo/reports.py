"""The demo's implementation reports (data/reports.yaml): published reports on two demo
resources (one answered by its author, the contributor), and one waiting on the editor desk.

Made through catalog.reports.services, as people would: posted by the reporter, approved by
the editor, answered by the resource's author. Idempotent: a reporter's report on a resource
that exists is kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from catalog.models import Resource
from catalog.reports import services
from catalog.reports.models import ImplementationReport
from catalog.reports.permissions import author_accounts

from ..accounts.models import User

DATA = Path(__file__).resolve().parent / "data" / "reports.yaml"
FIELDS = ("learner_level", "group_size", "changes", "outcome", "rating")


def load(path: Path = DATA) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def seed_reports(users: dict[str, User], specs: list[dict[str, Any]] | None = None) -> int:
    """Post, approve and answer the demo's reports that do not exist yet; the number made."""
    made = 0
    editor = users["editor"]
    for spec in load() if specs is None else specs:
        reporter = users[spec["reporter"]]
        resource = Resource.objects.get(title=spec["resource"])
        if ImplementationReport.objects.filter(reporter=reporter, resource=resource).exists():
            continue
        report = services.create_report(reporter, resource, {f: spec.get(f) for f in FIELDS})
        if spec["state"] == "published":
            services.approve_report(report, editor)
            if spec.get("answer"):
                author = author_accounts(resource).first()
                if author is not None:
                    services.answer_report(report, author, spec["answer"])
        made += 1
    return made
