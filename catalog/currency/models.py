"""Link status and outdated-term flags of published resources, kept for the editors' queue."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class LinkCheck(models.Model):
    """The last check of one external link of one published resource (`manage.py check_links`)."""

    resource = models.ForeignKey(
        "catalog.Resource", on_delete=models.CASCADE, related_name="link_checks"
    )
    url = models.URLField(max_length=500)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    final_url = models.URLField(max_length=500, blank=True, help_text="After redirects.")
    checked_at = models.DateTimeField(default=timezone.now)
    consecutive_failures = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["resource", "url"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "url"], name="catalog_linkcheck_unique")
        ]

    def __str__(self) -> str:
        return f"{self.url}: {self.status_code or self.error or 'unchecked'}"

    @property
    def is_broken(self) -> bool:
        return self.consecutive_failures > 0


class OutdatedTerm(models.Model):
    """A term editors want flagged in published resources, with a suggested replacement and
    the guidance it comes from (editable in the admin; seeded by a data migration)."""

    term = models.CharField(
        max_length=120, unique=True, help_text="Matched as whole words, in any case."
    )
    replacement = models.CharField("suggested replacement", max_length=300, blank=True)
    note = models.TextField(blank=True, help_text="Why it is outdated or harmful.")
    source = models.CharField(max_length=300, help_text="The guidance this entry follows.")
    source_url = models.URLField(blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term


class TermFlag(models.Model):
    """An outdated term found in a published resource's text (catalog.currency.services)."""

    resource = models.ForeignKey(
        "catalog.Resource", on_delete=models.CASCADE, related_name="term_flags"
    )
    term = models.ForeignKey(OutdatedTerm, on_delete=models.CASCADE, related_name="flags")
    field = models.CharField(max_length=40)
    excerpt = models.CharField(max_length=300, blank=True)
    found_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["resource", "term__term", "field"]
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "term", "field"], name="catalog_termflag_unique"
            )
        ]

    def __str__(self) -> str:
        return f"“{self.term}” in {self.resource} ({self.field})"
