"""The site pages with their first text, written for this toolkit (content/<slug>.md)."""

from pathlib import Path

from django.db import migrations

CONTENT = Path(__file__).resolve().parent.parent / "content"
TITLES = {
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


def seed(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    for slug, title in TITLES.items():
        body = (CONTENT / f"{slug}.md").read_text(encoding="utf-8")
        Page.objects.get_or_create(slug=slug, defaults={"title": title, "body_markdown": body})


def unseed(apps, schema_editor):
    apps.get_model("pages", "Page").objects.filter(slug__in=TITLES).delete()


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
