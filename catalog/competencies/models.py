"""Competency frameworks and their competencies: two controlled vocabularies."""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from ..models import Vocabulary, VocabularyQuerySet


class CompetencyQuerySet(VocabularyQuerySet):
    def facet_terms(self) -> CompetencyQuerySet:
        """The facet's terms with their framework (its short name is in every label)."""
        return self.select_related("framework")


class Framework(Vocabulary):
    """A published competency framework, e.g. the ACGME Core Competencies."""

    short_name = models.CharField(max_length=40, help_text="Shown before each code, e.g. ACGME.")
    publisher = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    url = models.URLField("source", help_text="Where the framework is published.")

    class Meta(Vocabulary.Meta):
        verbose_name = "competency framework"


class Competency(Vocabulary):
    """One competency of a framework, grouped by level and domain where the framework has them.

    `code` is stable and ours (framework:level:domain[:number]); `name` is a short name in
    our own words, not the framework's text; `url` points to the source.
    """

    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="competencies")
    code = models.CharField(max_length=64, unique=True, help_text="Stable code, e.g. acgme:pc.")
    level = models.CharField(
        max_length=120, blank=True, help_text="The framework's learner level, if it has levels."
    )
    domain = models.CharField(max_length=120, blank=True, help_text="The framework's domain.")
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The framework's own number, when it numbers them."
    )
    url = models.URLField("source", blank=True, help_text="Empty: the framework's source.")

    objects: ClassVar[models.Manager[Competency]] = CompetencyQuerySet.as_manager()

    class Meta(Vocabulary.Meta):
        verbose_name = "competency"
        verbose_name_plural = "competencies"
        ordering = ["framework__position", "position", "code"]

    def __str__(self) -> str:
        return f"{self.framework.short_name}: {self.label}"

    @property
    def group(self) -> str:
        """ "Level – Domain", or whichever of the two the framework has."""
        return " – ".join(part for part in (self.level, self.domain) if part)

    @property
    def label(self) -> str:
        """The name with its level, e.g. "Belonging in care and learning — Entering residency …"."""
        return f"{self.name} — {self.level}" if self.level else self.name

    @property
    def source_url(self) -> str:
        return self.url or self.framework.url
