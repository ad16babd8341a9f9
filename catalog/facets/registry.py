"""The catalog's facets, each declared once (DESIGN §9).

A `Facet` says everything the catalog needs to know of one filter with counts:
its query parameter, its legend, where its values come from (a lookup from
Resource, such as `topics__slug`) and its terms. From `FACETS` come the
FilterSet's filters (so the page, the API and the feed), the facet index's
bitmaps and counts, the sidebar of the page, the API's `?facets=1` answer and
the OpenAPI parameters. A new facet is one more line in `FACETS`.

A vocabulary's terms are all its rows, or, when its queryset has a `facet_terms()`
method, the rows that gives: curated collections count only when published.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from django.db import models
from django.db.models.signals import post_delete, post_save

from .. import search
from ..models import (
    STAGE_NAMES,
    Collection,
    Competency,
    Facilitator,
    Framework,
    InstructionalMethod,
    Language,
    LearnerLevel,
    License,
    ResourceType,
    Stage,
    Topic,
)

BOOLEAN_TERMS = (("true", "Yes"), ("false", "No"))
Terms = list[tuple[str, str]]


def _name(term: models.Model) -> str:
    return term.name  # type: ignore[attr-defined]


def _value(raw: object) -> str:
    """A database value as a facet value: booleans are "true"/"false", the rest str()."""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    return str(raw)


@dataclass(frozen=True)
class Facet:
    """One facet: a repeatable filter (OR within, AND with the others) with disjunctive counts.

    `kind`: "terms" (values of a vocabulary or of `choices`, checkboxes), "boolean"
    (one of `choices` at a time, radio buttons) or "years" (whole numbers). Without a
    vocabulary or choices, the values found in the catalog are the terms, highest first.
    """

    name: str  # the query parameter and the key of the API's facet counts
    legend: str  # the sidebar's legend, the chips' and the API documentation's label
    path: str  # a lookup from Resource to the value, e.g. "topics__slug"
    noun: str = ""  # in "“x” is not a known <noun>."
    help_text: str = ""
    vocabulary: type[models.Model] | None = None  # its rows (slug, label) are the terms
    label: Callable[..., str] = _name  # of a vocabulary row
    choices: tuple[tuple[str, str], ...] = ()  # fixed terms (when no vocabulary)
    kind: Literal["terms", "boolean", "years"] = "terms"
    to_value: Callable[[object], str] = _value  # of what `path` reads
    open: bool = False  # shown unfolded even with nothing selected

    def terms(self) -> Terms:
        """(value, label) of the vocabulary or the choices, in display order."""
        if self.vocabulary is not None:
            rows = self.vocabulary._default_manager.all()
            if hasattr(rows, "facet_terms"):
                rows = rows.facet_terms()
            return [(term.slug, self.label(term)) for term in rows]  # type: ignore[attr-defined]
        return list(self.choices)

    @property
    def open_ended(self) -> bool:
        """Its terms are the values found in the catalog (publication years)."""
        return self.vocabulary is None and not self.choices


def _level_label(level: LearnerLevel) -> str:
    return f"{level.name} ({level.get_stage_display()})"


def _method_label(method: InstructionalMethod) -> str:
    return f"{method.name} ({method.code})"


def _year(moment: object) -> str:
    return str(moment.year)  # type: ignore[attr-defined]


STAGE_TERMS = tuple((s.value, f"{s.label}: {STAGE_NAMES[s]}") for s in Stage)
FACILITATOR_TERMS = (
    (Facilitator.ANY.value, "No special facilitator needed"),
    (Facilitator.SPECIAL.value, "Special facilitator needed"),
)

# In sidebar order.
FACETS: tuple[Facet, ...] = (
    Facet(
        "level",
        "Learner level",
        "levels__slug",
        noun="learner level",
        help_text="Repeatable, e.g. gme-residency (see /api/v1/learner-levels/).",
        vocabulary=LearnerLevel,
        label=_level_label,
        open=True,
    ),
    Facet(
        "stage",
        "Stage",
        "levels__stage",
        noun="stage",
        help_text="Repeatable: ume, gme or cpd; matches every learner level of the stage.",
        choices=STAGE_TERMS,
    ),
    Facet(
        "type",
        "Resource type",
        "resource_type__slug",
        noun="resource type",
        help_text="Repeatable, e.g. case (see /api/v1/resource-types/).",
        vocabulary=ResourceType,
    ),
    Facet(
        "topic",
        "Topic",
        "topics__slug",
        noun="topic",
        help_text="Repeatable, e.g. structural-racism (see /api/v1/topics/).",
        vocabulary=Topic,
    ),
    Facet(
        "method",
        "Instructional method",
        "methods__slug",
        noun="instructional method",
        help_text="Repeatable, e.g. im022 (see /api/v1/instructional-methods/).",
        vocabulary=InstructionalMethod,
        label=_method_label,
    ),
    Facet(
        "language",
        "Language",
        "language__slug",
        noun="language code",
        help_text="Repeatable ISO 639-1 code, e.g. es (see /api/v1/languages/).",
        vocabulary=Language,
    ),
    Facet(
        "license",
        "Licence",
        "license__slug",
        noun="licence",
        help_text="Repeatable SPDX identifier, e.g. CC-BY-4.0 (see /api/v1/licenses/).",
        vocabulary=License,
    ),
    Facet(
        "collection",
        "Collection",
        "collections__slug",
        noun="collection",
        help_text="Repeatable, e.g. structural-racism-in-clinical-reasoning "
        "(see /api/v1/collections/).",
        vocabulary=Collection,
    ),
    Facet(
        "competency",
        "Competency",
        "competencies__slug",
        noun="competency",
        help_text="Repeatable, e.g. acgme-sbp or aamc-dei-2022-msg-d3 (see /api/v1/competencies/).",
        vocabulary=Competency,
        label=str,
    ),
    Facet(
        "facilitator",
        "Facilitator",
        "facilitator",
        noun="kind of facilitator",
        help_text="any: no special facilitator needed; special: needs particular expertise "
        "or a role (see facilitator_requirements).",
        choices=FACILITATOR_TERMS,
    ),
    Facet(
        "interprofessional",
        "Interprofessional",
        "interprofessional",
        help_text="true or false.",
        choices=BOOLEAN_TERMS,
        kind="boolean",
    ),
    Facet(
        "year",
        "Year published",
        "first_published_at",
        help_text="Repeatable; any of the years.",
        kind="years",
        to_value=_year,
    ),
)


def facets() -> tuple[Facet, ...]:
    """The declared facets, in sidebar order (read at run time: tests may declare more)."""
    return FACETS


def facet_names() -> tuple[str, ...]:
    return tuple(f.name for f in facets())


def _vocabulary_changed(sender: type, using: str = "default", **kwargs: object) -> None:
    """Saving or deleting a term renews the catalog generation: every process reloads it."""
    search.renew_generation(using)


def connect_vocabulary_signals() -> None:
    """Renew the catalog generation when a term of any facet's vocabulary changes."""
    for facet in FACETS:
        if facet.vocabulary is not None:
            uid = f"catalog-facets-{facet.name}"
            post_save.connect(_vocabulary_changed, sender=facet.vocabulary, dispatch_uid=uid)
            post_delete.connect(_vocabulary_changed, sender=facet.vocabulary, dispatch_uid=uid)
    # A framework's short name is part of every competency's label.
    post_save.connect(
        _vocabulary_changed, sender=Framework, dispatch_uid="catalog-facets-framework"
    )


connect_vocabulary_signals()
