"""Carry DRF authtoken keys over as digests, and delete the plain keys.

`rest_framework.authtoken` kept each key in plain text (table authtoken_token). The app is
no longer installed; where its table exists, each key becomes an ApiToken holding the
key's SHA-256, so existing clients keep working with the key they have, and the plain keys
are deleted. (The emptied table is left in place: dropping it would break a later
re-install of the app, whose migrations are recorded as applied.) Irreversible in effect:
going back removes the hashed tokens, and the plain keys cannot be recovered.
"""

import hashlib
from datetime import UTC, datetime

from django.db import migrations
from django.utils import timezone
from django.utils.dateparse import parse_datetime

DRF_TABLE = "authtoken_token"


def as_datetime(value) -> datetime:
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is None:
        return timezone.now()
    return value if timezone.is_aware(value) else value.replace(tzinfo=UTC)


def hash_drf_tokens(apps, schema_editor):
    connection = schema_editor.connection
    if DRF_TABLE not in connection.introspection.table_names():
        return
    api_token = apps.get_model("accounts", "ApiToken")
    table, key = connection.ops.quote_name(DRF_TABLE), connection.ops.quote_name("key")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {key}, user_id, created FROM {table}")  # noqa: S608
        rows = cursor.fetchall()
        api_token.objects.bulk_create(
            api_token(
                user_id=user_id,
                digest=hashlib.sha256(plain.encode()).hexdigest(),
                created=as_datetime(created),
            )
            for plain, user_id, created in rows
        )
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_api_token")]
    operations = [migrations.RunPython(hash_drf_tokens, migrations.RunPython.noop)]
