"""Search index (catalog.search): the stored tsvector and its GIN index on PostgreSQL,
an FTS5 table on SQLite, the catalog generation stamp on both; then index what exists.

Each structure is created only on its own database vendor, hence RunPython.
"""

import django.contrib.postgres.search
from django.db import migrations

GENERATION_DDL = [
    "CREATE TABLE catalog_search_generation (id integer PRIMARY KEY, token varchar(32) NOT NULL)",
    "INSERT INTO catalog_search_generation (id, token) VALUES (1, '')",
]
VENDOR_DDL = {
    "postgresql": [
        "CREATE INDEX catalog_res_search_gin ON catalog_resource USING gin (search_vector)",
        # Keep the vector (a few kB) in the row, compressed, rather than in the TOAST
        # table: ranking reads it for every match, and TOAST fetches doubled that cost.
        "ALTER TABLE catalog_resource SET (toast_tuple_target = 8160)",
        "ALTER TABLE catalog_resource ALTER COLUMN search_vector SET STORAGE MAIN",
    ],
    "sqlite": [
        "CREATE VIRTUAL TABLE catalog_resource_fts USING fts5("
        "title, summary, body, attachments, "
        "tokenize = 'porter unicode61 remove_diacritics 2')",
    ],
}
VENDOR_DROP = {
    "postgresql": [
        "DROP INDEX IF EXISTS catalog_res_search_gin",
        "ALTER TABLE catalog_resource RESET (toast_tuple_target)",
    ],
    "sqlite": ["DROP TABLE IF EXISTS catalog_resource_fts"],
}


def create_search_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in GENERATION_DDL + VENDOR_DDL.get(vendor, []):
        schema_editor.execute(sql)
    Resource = apps.get_model("catalog", "Resource")
    if Resource.objects.using(schema_editor.connection.alias).exists():
        from catalog import search

        search.rebuild_index(using=schema_editor.connection.alias)


def drop_search_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in VENDOR_DROP.get(vendor, []) + ["DROP TABLE IF EXISTS catalog_search_generation"]:
        schema_editor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0003_resources'),
    ]

    operations = [
        migrations.AddField(
            model_name='resource',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_search_index, drop_search_index),
    ]
