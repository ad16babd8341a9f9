"""A curriculum map: which competencies each resource of a collection or saved list teaches.

One matrix, two renderings: CSV for a spreadsheet (every text cell made formula-safe with
the usage export's helper) and a printable page. The columns are the competencies at
least one of the resources is tagged with, in framework order; the competencies of those
frameworks that none of them covers are listed apart as the gaps.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.text import slugify

from toolkit.site import absolute

from ..models import Resource
from ..usage import csv_safe
from .models import Competency, Framework

MARK = "X"


@dataclass(frozen=True)
class Row:
    resource: Resource
    cells: tuple[bool, ...]  # one per column: does the resource teach that competency?


@dataclass(frozen=True)
class CurriculumMap:
    title: str
    columns: tuple[Competency, ...]
    rows: tuple[Row, ...]
    gaps: tuple[Competency, ...]  # active competencies of the frameworks in use, uncovered

    @property
    def totals(self) -> tuple[int, ...]:
        """How many resources teach each column's competency."""
        return tuple(sum(row.cells[i] for row in self.rows) for i in range(len(self.columns)))

    @property
    def frameworks(self) -> list[Framework]:
        seen: dict[int, Framework] = {}
        for competency in self.columns:
            seen.setdefault(competency.framework_id, competency.framework)
        return list(seen.values())

    @property
    def filename(self) -> str:
        return f"{slugify(self.title)[:60].strip('-') or 'curriculum'}-curriculum-map.csv"


def build(title: str, resources: Sequence[Resource]) -> CurriculumMap:
    """The map of `resources` (in the order given): two queries whatever their number."""
    ids = [resource.pk for resource in resources]
    links = Resource.competencies.through.objects.filter(resource_id__in=ids)
    taught = {(link.resource_id, link.competency_id) for link in links}
    used = {competency_id for _, competency_id in taught}
    in_use = Competency.objects.filter(pk__in=used).values("framework")
    every = list(Competency.objects.select_related("framework").filter(framework__in=in_use))
    columns = tuple(c for c in every if c.pk in used)
    gaps = tuple(c for c in every if c.pk not in used and c.is_active)
    rows = tuple(
        Row(resource, tuple((resource.pk, c.pk) in taught for c in columns))
        for resource in resources
    )
    return CurriculumMap(title, columns, rows, gaps)


def as_csv(curriculum: CurriculumMap) -> str:
    """One row per resource: title, address, then X under each competency it teaches."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["Resource", "Address", *(csv_safe(f"{c.code} {c}") for c in curriculum.columns)]
    )
    for row in curriculum.rows:
        writer.writerow(
            [
                csv_safe(row.resource.title),
                absolute(row.resource.get_absolute_url()),
                *(MARK if cell else "" for cell in row.cells),
            ]
        )
    writer.writerow(["Resources teaching it", "", *curriculum.totals])
    return out.getvalue()
