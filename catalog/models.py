"""Controlled vocabularies of the catalog (VOCABULARIES.md), and the published projection."""

from __future__ import annotations

import re
import uuid
from typing import Self

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse


class Stage(models.TextChoices):
    UME = "ume", "UME"
    GME = "gme", "GME"
    CPD = "cpd", "CPD"


class Facilitator(models.TextChoices):
    """Who can run a resource (issue 15 item 6); blank: not stated (resources published before)."""

    ANY = "any", "Any instructor, with the facilitator notes"
    SPECIAL = "special", "A facilitator with particular expertise or role"


def group_size_in_order() -> models.Q:
    """The smallest group is not larger than the largest (when both are given)."""
    return (
        models.Q(group_size_min__isnull=True)
        | models.Q(group_size_max__isnull=True)
        | models.Q(group_size_min__lte=models.F("group_size_max"))
    )


def group_range(low: int | None, high: int | None) -> str:
    """ "6–40 learners", "at least 6 learners", "up to 40 learners", or ""."""
    if low and high:
        return (
            f"{low}–{high} learners" if low != high else f"{low} learner{'s' if low != 1 else ''}"
        )
    if low:
        return f"at least {low} learner{'s' if low != 1 else ''}"
    if high:
        return f"up to {high} learner{'s' if high != 1 else ''}"
    return ""


STAGE_NAMES: dict[str, str] = {
    Stage.UME: "Undergraduate medical education",
    Stage.GME: "Graduate medical education",
    Stage.CPD: "Continuing professional development",
}


class VocabularyQuerySet(models.QuerySet):
    def active(self) -> Self:
        return self.filter(is_active=True)


class Vocabulary(models.Model):
    """A term of a controlled vocabulary: the slug is public and never changes."""

    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(
        default=True, help_text="Inactive terms stay on old resources but cannot be chosen."
    )

    objects = VocabularyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class LearnerLevel(Vocabulary):
    stage = models.CharField(max_length=3, choices=Stage.choices)

    class Meta(Vocabulary.Meta):
        verbose_name = "learner level"

    def __str__(self) -> str:
        return f"{self.get_stage_display()} – {self.name}"

    @property
    def stage_name(self) -> str:
        return STAGE_NAMES[self.stage]


class ResourceType(Vocabulary):
    lrmi_type = models.CharField(
        "LRMI learning resource type",
        max_length=100,
        help_text="schema.org learningResourceType used in JSON-LD.",
    )

    class Meta(Vocabulary.Meta):
        verbose_name = "resource type"


class InstructionalMethod(Vocabulary):
    code = models.CharField(max_length=8, unique=True, help_text="AAMC Curriculum Inventory code.")

    class Meta(Vocabulary.Meta):
        verbose_name = "instructional method"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Topic(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = "topic"


class License(Vocabulary):
    """A licence, keyed by its SPDX identifier (`slug`)."""

    # Not a SlugField: SPDX identifiers have dots (CC-BY-4.0, CC0-1.0).
    slug = models.CharField(
        max_length=64,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9.\-]*\Z",
                "Enter an SPDX identifier: letters, digits, dots and hyphens, such as CC-BY-4.0.",
            )
        ],
        help_text="The SPDX identifier, such as CC-BY-4.0.",
    )
    url = models.URLField(blank=True)

    class Meta(Vocabulary.Meta):
        verbose_name = "licence"
        verbose_name_plural = "licences"

    @property
    def spdx(self) -> str:
        return self.slug

    @property
    def is_open(self) -> bool:
        return self.slug != "all-rights-reserved"


class Language(Vocabulary):
    """A language, keyed by its ISO 639-1 code (`slug`) and named in its own language."""

    english_name = models.CharField(max_length=100)

    class Meta(Vocabulary.Meta):
        verbose_name = "language"

    @property
    def code(self) -> str:
        return self.slug


# --- The published projection ----------------------------------------------


CATALOG_PATH = re.compile(r"/catalog/([a-z0-9]+(?:-[a-z0-9]+)*)/")
QUOTED = re.compile(r"[\"“«]([^\"”»\n]{3,300})[\"”»]")


class ResourceQuerySet(models.QuerySet):
    def published(self) -> Self:
        return self.filter(retired_at__isnull=True)

    def mentioned_in(self, text: str, limit: int = 10) -> Self:
        """Published resources a text points to: by address (/catalog/<slug>/) or by a
        quoted title ("…" or “…”), e.g. the newer resources a retirement reason names."""
        slugs = set(CATALOG_PATH.findall(text or ""))
        titles = {title.strip() for title in QUOTED.findall(text or "")}
        if not slugs and not titles:
            return self.none()
        wanted = models.Q(slug__in=slugs)
        for title in sorted(titles)[:limit]:
            wanted |= models.Q(title__iexact=title)
        return self.published().filter(wanted).order_by("title")[:limit]


class Resource(models.Model):
    """The public face of a published submission: the catalog never reads workflow tables.

    Facet values and search text are denormalized here on publish; `versions`
    keep every published version readable at /catalog/<slug>/v<N>/.
    """

    slug = models.SlugField(max_length=120, unique=True)
    version = models.PositiveSmallIntegerField(default=1)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    learning_objectives = models.TextField(blank=True)
    description = models.TextField(blank=True)
    keywords = models.CharField(max_length=300, blank=True)
    references = models.TextField(blank=True)
    resource_type = models.ForeignKey(ResourceType, on_delete=models.PROTECT)
    levels = models.ManyToManyField(LearnerLevel, related_name="resources")
    interprofessional = models.BooleanField(default=False)
    topics = models.ManyToManyField(Topic, related_name="resources", blank=True)
    methods = models.ManyToManyField(InstructionalMethod, related_name="resources", blank=True)
    competencies = models.ManyToManyField(
        "catalog.Competency", related_name="resources", blank=True
    )
    language = models.ForeignKey(Language, on_delete=models.PROTECT)
    license = models.ForeignKey(License, on_delete=models.PROTECT)
    time_required_minutes = models.PositiveIntegerField(null=True, blank=True)
    group_size = models.CharField(max_length=100, blank=True)
    # Preparation (issue 15 item 6): empty on resources published before.
    preparation_time = models.CharField(max_length=100, blank=True)
    facilitator = models.CharField(max_length=8, choices=Facilitator.choices, blank=True)
    facilitator_requirements = models.TextField(blank=True)
    group_size_min = models.PositiveSmallIntegerField(null=True, blank=True)
    group_size_max = models.PositiveSmallIntegerField(null=True, blank=True)
    equipment = models.TextField("equipment or space required", blank=True)
    materials = models.TextField(blank=True)
    facilitator_notes = models.TextField(blank=True)
    evaluation = models.TextField(blank=True)
    acknowledgements = models.TextField(blank=True)
    authors = models.JSONField(default=list, help_text="[{name, affiliation, orcid}] in order.")
    attachment_text = models.TextField(blank=True, help_text="Text extracted from the files.")
    first_published_at = models.DateTimeField()
    published_at = models.DateTimeField(help_text="When the current version was published.")
    reviewed_at = models.DateTimeField(help_text="Date of the accept decision: “peer reviewed on”.")
    # Currency re-review (issue 16 item 4): set on publish and on re-certification.
    review_by = models.DateField(
        null=True, blank=True, help_text="When the next currency review is due."
    )
    retired_at = models.DateTimeField(null=True, blank=True)
    retired_reason = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # DOIs (catalog.doi): the concept DOI, given on first publication when a prefix is set;
    # public from its first successful deposit; `version_doi` is the current version's DOI
    # once deposited (empty until then). Records read these, never the versions' rows.
    doi = models.CharField("concept DOI", max_length=200, blank=True)
    doi_deposited_at = models.DateTimeField(null=True, blank=True)
    version_doi = models.CharField("current version's DOI", max_length=200, blank=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "pk"]
        indexes = [
            models.Index(fields=["-published_at", "id"], name="catalog_res_newest"),
            models.Index(fields=["title"], name="catalog_res_title"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=group_size_in_order(), name="catalog_resource_group_size_in_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return resource_path(self.slug)

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None

    @property
    def year(self) -> int:
        return self.first_published_at.year

    @property
    def public_doi(self) -> str:
        """The concept DOI once deposited, else ""."""
        return self.doi if self.doi_deposited_at else ""

    @property
    def author_names(self) -> list[str]:
        return [a["name"] for a in self.authors]

    def objective_list(self) -> list[str]:
        return [line.strip() for line in self.learning_objectives.splitlines() if line.strip()]


class DoiStatus(models.TextChoices):
    PENDING = "pending", "Pending deposit"
    DEPOSITED = "deposited", "Deposited"
    FAILED = "failed", "Deposit refused"


class ResourceVersion(models.Model):
    """A published version, frozen: what /catalog/<slug>/v<N>/ shows."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    published_at = models.DateTimeField()
    reviewed_at = models.DateTimeField()
    data = models.JSONField(default=dict, help_text="The resource's public fields at publication.")
    change_note = models.TextField(blank=True)
    # Its DOI (empty when DOIs are off) and the deposit's outcome (catalog.doi.deposit).
    doi = models.CharField(max_length=200, blank=True)
    doi_status = models.CharField(max_length=9, choices=DoiStatus.choices, blank=True)
    doi_attempts = models.PositiveSmallIntegerField(default=0)
    doi_last_error = models.TextField(blank=True)
    doi_deposited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["resource", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "number"], name="catalog_version_unique_number"
            ),
            models.UniqueConstraint(
                fields=["doi"], condition=~models.Q(doi=""), name="catalog_version_unique_doi"
            ),
        ]
        indexes = [
            models.Index(
                fields=["doi_status"],
                condition=models.Q(doi_status="pending"),
                name="catalog_version_doi_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.resource} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("catalog:resource-version", args=[self.resource.slug, self.number])

    @property
    def public_doi(self) -> str:
        """The DOI once its deposit succeeded, else "": no DOI is shown before."""
        return self.doi if self.doi_status == DoiStatus.DEPOSITED else ""


class ResourceFile(models.Model):
    """A public file (the sanitized copy) or link of one published version."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    version = models.ForeignKey(ResourceVersion, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveSmallIntegerField(default=1)
    label = models.CharField(max_length=200, blank=True)
    file = models.FileField(max_length=300, blank=True)
    download_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    url = models.URLField(max_length=500, blank=True)

    class Meta:
        ordering = ["version", "position", "pk"]

    def __str__(self) -> str:
        return self.label or self.download_name or self.url

    @property
    def is_link(self) -> bool:
        return bool(self.url)


def resource_path(slug: str) -> str:
    """The page of a published resource: /catalog/<slug>/."""
    return reverse("catalog:resource-detail", args=[slug])


def file_url(slug: str, file_uuid: uuid.UUID | str) -> str:
    """The public download address of a published file: /catalog/<slug>/files/<uuid>/."""
    return reverse("catalog:resource-file", args=[slug, file_uuid])


class SearchLog(models.Model):
    """Zero-result catalog searches of one day: one row per normalised query, with a count.

    Listed for editors to find gaps (catalog.searchlog writes and prunes it). A day keeps
    at most TOOLKIT_SEARCH_LOG_DAILY_CAP queries; the rest of that day's searches are
    counted in one row whose query is empty ("other searches").
    """

    query = models.CharField(
        max_length=500, blank=True, help_text="Case-folded, one space between words."
    )
    day = models.DateField()
    count = models.PositiveIntegerField(default=1)
    last_seen = models.DateTimeField()
    params = models.CharField(
        max_length=1000, blank=True, help_text="The filters of the latest one, as a query."
    )

    class Meta:
        ordering = ["-day", "-count", "query"]
        verbose_name = "zero-result search"
        constraints = [
            models.UniqueConstraint(fields=["query", "day"], name="catalog_searchlog_query_day")
        ]
        # Serves the editors' page (its ORDER BY), the day's count and the pruning.
        indexes = [models.Index(fields=["-day", "-count", "query"], name="catalog_searchlog_list")]

    def __str__(self) -> str:
        return f"{self.query or 'other searches'} ({self.day}: {self.count})"


class UsageCount(models.Model):
    """Page views or downloads of one resource (or one of its files) in one month.

    No personal data: no address, user or session is stored with a count (catalog.usage
    counts a visitor once a day through a salted hash it keeps only in the cache, for that
    day). `target` is "" for the resource page, the downloaded file's UUID, or "materials"
    for the zip of all materials.
    """

    class Kind(models.TextChoices):
        VIEW = "view", "Page views"
        DOWNLOAD = "download", "Downloads"

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="usage")
    target = models.CharField(max_length=36, blank=True)
    month = models.DateField(help_text="The first day of the month.")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["resource", "month", "kind", "target"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "target", "month", "kind"], name="catalog_usage_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.resource_id} {self.month:%Y-%m} {self.kind} {self.target}: {self.count}"


def _term_list(text: str) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


class Synonym(models.Model):
    """Other words for the same thing, applied to searches as they are typed (no re-index).

    An *equivalent* entry's terms each find the others ("implicit bias, unconscious bias");
    a *one-way* entry's terms also find its expansions, not the reverse ("SDOH" finds
    "social determinants of health"). catalog.search.synonyms reads the active entries;
    saving one renews the catalog generation, so every process uses it at once.
    """

    class Kind(models.TextChoices):
        EQUIVALENT = "equivalent", "Equivalent: each term finds the others"
        ONE_WAY = "one_way", "One-way: the terms also find the expansions"

    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.EQUIVALENT)
    terms = models.CharField(
        max_length=500,
        help_text="Comma-separated words or phrases, as a searcher types them "
        "(case and accents do not matter), e.g. “implicit bias, unconscious bias”.",
    )
    expansions = models.CharField(
        max_length=500,
        blank=True,
        help_text="One-way only: comma-separated words or phrases that the terms also find "
        "(“social determinants of health” for “SDOH”). Leave empty for equivalent terms.",
    )
    source = models.CharField(
        max_length=300,
        help_text="Where the equivalence comes from, e.g. “AAMC glossary”, “CDC”, “NIMHD”.",
    )
    is_active = models.BooleanField(default=True, help_text="Untick to stop using the entry.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["terms"]

    def __str__(self) -> str:
        if self.kind == self.Kind.ONE_WAY:
            return f"{self.terms} → {self.expansions}"
        return " = ".join(self.term_list())

    def term_list(self) -> list[str]:
        return _term_list(self.terms)

    def expansion_list(self) -> list[str]:
        return _term_list(self.expansions)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        words = re.compile(r"[^\W_]")
        for name, terms in (("terms", self.term_list()), ("expansions", self.expansion_list())):
            if any(not words.search(t) for t in terms):
                raise ValidationError({name: "Every term needs a letter or a digit."})
        if self.kind == self.Kind.EQUIVALENT:
            if self.expansions.strip():
                raise ValidationError(
                    {"expansions": "Equivalent terms have no expansions: list them all as terms."}
                )
            if len(self.term_list()) < 2:
                raise ValidationError({"terms": "Give at least two equivalent terms."})
        elif not self.expansion_list():
            raise ValidationError({"expansions": "A one-way entry needs at least one expansion."})


# Competency frameworks (issue 16 item 5) and curated collections live in their own
# modules; imported here so that Django finds them.
from .competencies.models import Competency, Framework  # noqa: E402
from .curation.models import (  # noqa: E402
    Collection,
    CollectionItem,
    CollectionLog,
    CollectionQuerySet,
    CollectionState,
)
from .currency.models import LinkCheck, OutdatedTerm, TermFlag  # noqa: E402

__all__ = [
    "CATALOG_PATH",
    "STAGE_NAMES",
    "Collection",
    "CollectionItem",
    "CollectionLog",
    "CollectionQuerySet",
    "CollectionState",
    "DoiStatus",
    "Competency",
    "Facilitator",
    "Framework",
    "InstructionalMethod",
    "Language",
    "LearnerLevel",
    "License",
    "LinkCheck",
    "OutdatedTerm",
    "Resource",
    "ResourceFile",
    "ResourceQuerySet",
    "ResourceType",
    "ResourceVersion",
    "SearchLog",
    "Stage",
    "Synonym",
    "TermFlag",
    "Topic",
    "UsageCount",
    "Vocabulary",
    "VocabularyQuerySet",
    "file_url",
    "group_range",
    "group_size_in_order",
    "resource_path",
]
