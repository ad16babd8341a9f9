"""Django's database sessions, read by one statement written out (SESSION_ENGINE).

Every signed-in request reads its session first. Django's store builds that query with the
ORM each time, which cost more than running it (~250 µs of Python against a ~100 µs round
trip on PostgreSQL); this store runs the same SELECT as raw SQL, with the same conditions
(the key, not expired), on the database the ORM would read from. Everything else (saving,
cycling keys, expiry, clearsessions) is Django's; a cookie's key is taken only if Django
could have made it.
"""

from __future__ import annotations

from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.contrib.sessions.base_session import AbstractBaseSession
from django.contrib.sessions.models import Session
from django.db import connections, router
from django.utils import timezone

MAX_KEY = Session._meta.get_field("session_key").max_length or 40
_KEY_CHARS = frozenset(VALID_KEY_CHARS)
SESSION_SQL = (
    f'SELECT session_data FROM "{Session._meta.db_table}" '  # noqa: S608 - constant SQL
    "WHERE session_key = %s AND expire_date > %s"
)


class SessionStore(DatabaseStore):
    def _validate_session_key(self, key: str | None) -> bool:
        """Only a key Django could have made (VALID_KEY_CHARS, at most the column's 40):
        anything else in the cookie, say a NUL written as an octal escape in a quoted
        value, which PostgreSQL refuses in a query (a 500), is no session at all."""
        return bool(key) and 8 <= len(key) <= MAX_KEY and set(key) <= _KEY_CHARS  # type: ignore[arg-type]

    def _get_session_from_db(self) -> AbstractBaseSession | None:
        """The session row's data if the key is known and not expired (else None, and the
        key is dropped, as Django's store does)."""
        connection = connections[router.db_for_read(self.model)]
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(SESSION_SQL, [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return self.model(session_key=self.session_key or "", session_data=row[0])
