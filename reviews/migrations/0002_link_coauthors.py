"""Link every author row to the account with its e-mail address (see reviews.authorship).

Before this, only the submitting author's own row was linked, so co-authors with
accounts could be invited to review their own work.
"""

from django.conf import settings
from django.db import migrations

from toolkit.accounts.validators import email_key, normalize_email


def link_authors(apps, schema_editor):
    user_model = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    author_model = apps.get_model("reviews", "SubmissionAuthor")
    accounts = {}
    for pk, email in user_model.objects.order_by("-pk").values_list("pk", "email"):
        accounts[email_key(email)] = pk  # the oldest account wins a shared key
    for author in author_model.objects.all():
        author.email = normalize_email(author.email)
        author.user_id = accounts.get(email_key(author.email)) if "@" in author.email else None
        author.save(update_fields=["email", "user"])


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(link_authors, migrations.RunPython.noop)]
