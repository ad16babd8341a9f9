"""Controlled vocabularies of the catalog (VOCABULARIES.md), and the published projection."""

from django.db import models


class Stage(models.TextChoices):
    UME = "ume", "UME"
    GME = "gme", "GME"
    CPD = "cpd", "CPD"


STAGE_NAMES = {
    Stage.UME: "Undergraduate medical education",
    Stage.GME: "Graduate medical education",
    Stage.CPD: "Continuing professional development",
}


class VocabularyQuerySet(models.QuerySet):
    def active(self):
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

    def __str__(self):
        return self.name


class LearnerLevel(Vocabulary):
    stage = models.CharField(max_length=3, choices=Stage.choices)

    class Meta(Vocabulary.Meta):
        verbose_name = "learner level"

    def __str__(self):
        return f"{self.get_stage_display()} – {self.name}"

    @property
    def stage_name(self):
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

    def __str__(self):
        return f"{self.name} ({self.code})"


class Topic(Vocabulary):
    class Meta(Vocabulary.Meta):
        verbose_name = "topic"


class License(Vocabulary):
    """A licence, keyed by its SPDX identifier (`slug`)."""

    url = models.URLField(blank=True)

    class Meta(Vocabulary.Meta):
        verbose_name = "licence"
        verbose_name_plural = "licences"

    @property
    def spdx(self):
        return self.slug

    @property
    def is_open(self):
        return self.slug != "all-rights-reserved"


class Language(Vocabulary):
    """A language, keyed by its ISO 639-1 code (`slug`) and named in its own language."""

    english_name = models.CharField(max_length=100)

    class Meta(Vocabulary.Meta):
        verbose_name = "language"

    @property
    def code(self):
        return self.slug
