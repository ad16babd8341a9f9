"""The pages that say what the publication is: about, board, policies, guidelines, contact.

One row per page, seeded with real text (migrations 0002, from content/<slug>.md) and
edited by admins in the admin as Markdown; rendered sanitized (toolkit.text).
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from toolkit.text import render_markdown

# Slug → title, in the order of the footer and the pages' own navigation. The slug is also
# the URL name ("pages:<slug>") and the path under /about/ ("about" is /about/ itself).
PAGES = {
    "about": "About the toolkit",
    "board": "Editorial board",
    "peer-review": "Peer-review policy",
    "authors": "Author guidelines",
    "reviewers": "Reviewer guidelines",
    "privacy": "Privacy",
    "terms": "Terms of use",
    "accessibility": "Accessibility statement",
    "contact": "Contact",
}


class Page(models.Model):
    slug = models.SlugField(unique=True, choices=list(PAGES.items()), editable=False)
    title = models.CharField(max_length=200)
    body_markdown = models.TextField(
        "body",
        blank=True,
        help_text="Markdown: ## for a heading, - for a list, [text](address) for a link. "
        "HTML other than plain formatting is removed.",
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(f"pages:{self.slug}")

    def body_html(self) -> SafeString:
        """The body as sanitized HTML, its headings from <h2> (the title is the <h1>)."""
        return mark_safe(render_markdown(self.body_markdown, top_heading=2))  # noqa: S308 - nh3-sanitized
