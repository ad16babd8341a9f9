"""Accent-insensitive search on PostgreSQL: "atencion" finds "atención" and the reverse.

A text search configuration, `toolkit_search`: the `english` one with words passed
through `unaccent` before stemming (catalog.search.postgres uses it for the stored vectors,
the queries and ts_headline, which still shows the accented text). Where the `unaccent`
extension cannot be created, the configuration is a plain copy of `english` (accents then
matter, as before). The vectors are computed again. SQLite's FTS5 table already folds
accents (`unicode61 remove_diacritics 2`, migration 0004).
"""

from django.db import DatabaseError, migrations, transaction

CONFIG = "toolkit_search"


def create_configuration(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        unaccent = True
    except DatabaseError:
        unaccent = False
    schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = english)")
    if unaccent:
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
            "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem"
        )
    Resource = apps.get_model("catalog", "Resource")
    if Resource.objects.using(connection.alias).exists():
        from catalog import search

        search.rebuild_index(using=connection.alias)


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0008_seed_synonyms"),
    ]

    operations = [migrations.RunPython(create_configuration, drop_configuration)]
