"""The database the catalog reads from now: a replica on public pages, else the primary.

`django.db.router` decides (toolkit.replicas when DATABASE_REPLICA_URLS is set, otherwise
always "default"); the raw SQL of search and of the generation stamp asks here so that it
reads the same database as the ORM queries of the same request.
"""

from __future__ import annotations

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper

from ..models import Resource


def read_alias() -> str:
    """The alias that reads of published resources use at this moment."""
    return str(router.db_for_read(Resource))


def read_connection() -> BaseDatabaseWrapper:
    return connections[read_alias()]
