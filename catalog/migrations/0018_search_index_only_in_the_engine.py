"""The search is the engine's alone (catalog.search.engine, a tantivy index beside the
database): drop what the database kept for it and no longer reads, which every publish
wrote. SQLite: the FTS5 table `catalog_resource_fts`. PostgreSQL: the stored tsvector
`search_vector` with its GIN index (dropped with the column), the row-size setting made
for it, and the `toolkit_search` text search configuration (the `unaccent` extension is
left: dropping an extension may need rights the application does not have).

Going back recreates the structures empty; `manage.py rebuild_index` would not fill
them any more (the code that wrote them is gone).
"""

from django.db import DatabaseError, migrations, transaction

CONFIG = "toolkit_search"
DROP = {
    "postgresql": [
        f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}",
        "ALTER TABLE catalog_resource RESET (toast_tuple_target)",
    ],
    "sqlite": ["DROP TABLE IF EXISTS catalog_resource_fts"],
}
CREATE = {
    "postgresql": [
        "CREATE INDEX catalog_res_search_gin ON catalog_resource USING gin (search_vector)",
        "ALTER TABLE catalog_resource SET (toast_tuple_target = 8160)",
        "ALTER TABLE catalog_resource ALTER COLUMN search_vector SET STORAGE MAIN",
        f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = english)",
    ],
    "sqlite": [
        "CREATE VIRTUAL TABLE catalog_resource_fts USING fts5("
        "title, summary, body, attachments, "
        "tokenize = 'porter unicode61 remove_diacritics 2')",
    ],
}


def drop_database_search(apps, schema_editor):
    for sql in DROP.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def create_database_search(apps, schema_editor):
    connection = schema_editor.connection
    for sql in CREATE.get(connection.vendor, []):
        schema_editor.execute(sql)
    if connection.vendor == "postgresql":
        try:
            with transaction.atomic(using=connection.alias):
                schema_editor.execute(
                    f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
                    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem"
                )
        except DatabaseError:
            pass  # no unaccent: the plain english copy, as migration 0009 made it then


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0017_seed_competency_frameworks"),
    ]

    operations = [
        migrations.RunPython(drop_database_search, create_database_search),
        migrations.RemoveField(
            model_name="resource",
            name="search_vector",
        ),
    ]
