"""One normalized, read-only view of a published version of a resource."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from django.urls import reverse

from ..models import (
    STAGE_NAMES,
    Competency,
    Facilitator,
    InstructionalMethod,
    LearnerLevel,
    Resource,
    ResourceType,
    ResourceVersion,
    Stage,
    group_range,
    resource_path,
)
from ..services import snapshot
from .formats import absolute, human_duration, iso_duration, license_badge, plain_text, site_host
from .people import Person, person

OBJECTIVE_MARKER_RE = re.compile(r"^(?:[-*+•]|\d{1,2}[.)])\s+")
KEYWORD_SPLIT_RE = re.compile(r"[;,\n]")


@dataclass(frozen=True)
class Term:
    """A vocabulary term as shown on a version: slug and name, plus per-vocabulary extras."""

    slug: str
    name: str
    code: str = ""  # AAMC code of an instructional method
    stage: str = ""  # stage of a learner level (ume, gme, cpd)
    lrmi_type: str = ""  # schema.org learningResourceType of a resource type
    url: str = ""  # canonical URL of a licence

    @property
    def badge(self) -> str:
        return license_badge(self.slug)

    @property
    def is_open(self) -> bool:
        return self.slug != "all-rights-reserved"


@dataclass(frozen=True)
class LevelGroup:
    stage: str
    label: str
    name: str
    levels: tuple[Term, ...]


class Vocabularies:
    """Stage, LRMI type and AAMC code by slug, competencies by code: four small queries per
    request at most (the competencies only for a record that has some)."""

    @cached_property
    def levels(self) -> dict:
        return {level.slug: level for level in LearnerLevel.objects.all()}

    @cached_property
    def types(self) -> dict:
        return {rtype.slug: rtype for rtype in ResourceType.objects.all()}

    @cached_property
    def methods(self) -> dict:
        return {method.slug: method for method in InstructionalMethod.objects.all()}

    @cached_property
    def competencies(self) -> dict:
        return {c.code: c for c in Competency.objects.select_related("framework")}


@dataclass(frozen=True)
class ResourceRecord:
    """The public fields of one version of a resource, normalized for every output."""

    slug: str
    number: int
    current_number: int
    title: str
    summary: str
    objectives: tuple[str, ...]
    description: str
    keywords: tuple[str, ...]
    references: str
    group_size: str
    preparation_time: str
    facilitator: str
    facilitator_requirements: str
    equipment: str
    group_size_min: int | None
    group_size_max: int | None
    materials: str
    facilitator_notes: str
    evaluation: str
    acknowledgements: str
    authors: tuple[Person, ...]
    interprofessional: bool
    minutes: int | None
    resource_type: Term
    language: Term
    license: Term
    levels: tuple[Term, ...]
    topics: tuple[Term, ...]
    methods: tuple[Term, ...]
    published_at: datetime  # of this version: the citation date
    reviewed_at: datetime
    first_published_at: datetime
    updated_at: datetime
    # DOIs once deposited (catalog.doi), else "": this version's, and the resource's concept DOI.
    doi: str = ""
    concept_doi: str = ""

    @property
    def doi_url(self) -> str:
        return doi_url(self.doi)

    @property
    def concept_doi_url(self) -> str:
        return doi_url(self.concept_doi)

    review_by: date | None = None  # the next currency review (current version only)
    competencies: tuple[Competency, ...] = ()  # the terms as they are now, in framework order

    @property
    def is_current(self) -> bool:
        return self.number == self.current_number

    @property
    def resource_path(self) -> str:
        return resource_path(self.slug)

    @property
    def path(self) -> str:
        """The page of this version: the resource page when it is the current one."""
        if self.is_current:
            return self.resource_path
        return reverse("catalog:resource-version", args=[self.slug, self.number])

    @property
    def url(self) -> str:
        return absolute(self.path)

    @property
    def share_image_path(self) -> str:
        """The picture shown when a link to this version is shared (catalog.share_image)."""
        return reverse("catalog:resource-share-image", args=[self.slug, self.number])

    @property
    def share_image_url(self) -> str:
        return absolute(self.share_image_path)

    @property
    def resource_url(self) -> str:
        return absolute(self.resource_path)

    @property
    def oai_identifier(self) -> str:
        return oai_identifier(self.slug)

    @property
    def year(self) -> int:
        return self.published_at.year

    @property
    def time_required(self) -> str:
        return human_duration(self.minutes)

    @property
    def group_range(self) -> str:
        return group_range(self.group_size_min, self.group_size_max)

    @property
    def facilitator_label(self) -> str:
        return str(dict(Facilitator.choices).get(self.facilitator, ""))

    @property
    def has_preparation(self) -> bool:
        return bool(
            self.preparation_time
            or self.facilitator
            or self.facilitator_requirements
            or self.equipment
            or self.group_range
        )

    @property
    def iso_duration(self) -> str:
        return iso_duration(self.minutes)

    @property
    def summary_text(self) -> str:
        return plain_text(self.summary)

    @property
    def subjects(self) -> list[str]:
        """Topic names then free keywords, without duplicates (case-insensitive)."""
        seen, subjects = set(), []
        for subject in [t.name for t in self.topics] + list(self.keywords):
            if subject.lower() not in seen:
                seen.add(subject.lower())
                subjects.append(subject)
        return subjects

    @property
    def level_groups(self) -> list[LevelGroup]:
        groups = []
        for stage in Stage:
            levels = tuple(lv for lv in self.levels if lv.stage == stage)
            if levels:
                groups.append(LevelGroup(stage.value, stage.label, STAGE_NAMES[stage], levels))
        return groups


def doi_url(doi: str) -> str:
    """The resolver address of a DOI (https://doi.org/10.…), or "" for none."""
    return f"https://doi.org/{doi}" if doi else ""


def oai_identifier(slug: str) -> str:
    return f"oai:{site_host()}:{slug}"


def _term(data: object, **extra: str) -> Term:
    data = data if isinstance(data, dict) else {}
    return Term(slug=str(data.get("slug", "")), name=str(data.get("name", "")), **extra)


def _terms(items: Iterable[object] | None) -> list[dict]:
    return [item for item in items or [] if isinstance(item, dict)]


def objectives(text: str) -> tuple[str, ...]:
    """One objective per non-empty line, without list markers ("- ", "1. ")."""
    lines = (OBJECTIVE_MARKER_RE.sub("", line.strip()) for line in (text or "").splitlines())
    return tuple(line for line in lines if line)


def keywords(text: str) -> tuple[str, ...]:
    return tuple(k.strip() for k in KEYWORD_SPLIT_RE.split(text or "") if k.strip())


def _version_data(resource: Resource, version: ResourceVersion | None) -> tuple:
    """(data, number, published_at, reviewed_at) of the version: the live resource for the
    current one, the frozen `ResourceVersion.data` for an older one."""
    if version is None or version.number == resource.version:
        return snapshot(resource), resource.version, resource.published_at, resource.reviewed_at
    data = version.data if isinstance(version.data, dict) else {}
    return data, version.number, version.published_at, version.reviewed_at


def _levels(data: dict, vocab: Vocabularies) -> tuple[Term, ...]:
    levels = []
    for item in _terms(data.get("levels")):
        level = vocab.levels.get(item.get("slug"))
        levels.append(_term(item, stage=level.stage if level else ""))
    return tuple(levels)


def _methods(data: dict, vocab: Vocabularies) -> tuple[Term, ...]:
    methods = []
    for item in _terms(data.get("methods")):
        method = vocab.methods.get(item.get("slug"))
        methods.append(
            _term(item, code=method.code if method else str(item.get("slug", "")).upper())
        )
    return tuple(methods)


def _competencies(data: dict, vocab: Vocabularies) -> tuple[Competency, ...]:
    codes = {item.get("code") for item in _terms(data.get("competencies"))}
    if not codes:
        return ()
    return tuple(c for code, c in vocab.competencies.items() if code in codes)


def _resource_type(data: dict, vocab: Vocabularies) -> Term:
    rtype = data.get("resource_type") or {}
    known_type = vocab.types.get(rtype.get("slug")) if isinstance(rtype, dict) else None
    return _term(rtype, lrmi_type=known_type.lrmi_type if known_type else "")


def _license(data: dict) -> Term:
    licence = data.get("license") or {}
    return _term(licence, url=str(licence.get("url", "")) if isinstance(licence, dict) else "")


def _text_fields(data: dict) -> dict[str, str]:
    names = (
        "summary",
        "description",
        "references",
        "group_size",
        "preparation_time",
        "facilitator",
        "facilitator_requirements",
        "equipment",
        "materials",
        "facilitator_notes",
        "evaluation",
        "acknowledgements",
    )
    return {name: str(data.get(name, "")) for name in names}


def build(
    resource: Resource,
    version: ResourceVersion | None = None,
    *,
    vocab: Vocabularies | None = None,
) -> ResourceRecord:
    """The record of `resource` as published in `version` (default: the current version).

    The current version reads the live resource (prefetch levels, topics and methods
    when building many); an older one reads its frozen `ResourceVersion.data`.
    """
    data, number, published_at, reviewed_at = _version_data(resource, version)
    current = version is None or version.number == resource.version
    return record_of(
        resource,
        data,
        number,
        published_at,
        reviewed_at,
        vocab=vocab,
        doi=resource.version_doi if current else version.public_doi,  # type: ignore[union-attr]
    )


def record_of(
    resource: Resource,
    data: dict,
    number: int,
    published_at: datetime,
    reviewed_at: datetime,
    *,
    vocab: Vocabularies | None = None,
    doi: str = "",
) -> ResourceRecord:
    """The record of version `number` of `resource`, whose public fields are `data` (a
    snapshot): a published version, or one about to be (catalog.services.unpublished).
    `doi` is the version's deposited DOI; the concept DOI is the resource's, once deposited."""
    vocab = vocab or Vocabularies()
    return ResourceRecord(
        slug=resource.slug,
        number=number,
        current_number=resource.version,
        title=str(data.get("title", resource.title)),
        objectives=objectives(str(data.get("learning_objectives", ""))),
        keywords=keywords(str(data.get("keywords", ""))),
        **_text_fields(data),
        authors=tuple(
            person(a) for a in data.get("authors") or [] if isinstance(a, dict) and a.get("name")
        ),
        interprofessional=bool(data.get("interprofessional")),
        minutes=data.get("time_required_minutes") or None,
        group_size_min=data.get("group_size_min") or None,
        group_size_max=data.get("group_size_max") or None,
        resource_type=_resource_type(data, vocab),
        language=_term(data.get("language")),
        license=_license(data),
        levels=_levels(data, vocab),
        topics=tuple(_term(t) for t in _terms(data.get("topics"))),
        methods=_methods(data, vocab),
        published_at=published_at,
        reviewed_at=reviewed_at,
        first_published_at=resource.first_published_at,
        updated_at=resource.updated_at,
        doi=doi,
        concept_doi=resource.public_doi,
        review_by=resource.review_by if number == resource.version else None,
        competencies=_competencies(data, vocab),
    )
