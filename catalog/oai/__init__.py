"""OAI-PMH 2.0 data provider: the six verbs, oai_dc and LOM, sets, stateless resumption tokens.

Published resources are records; a retired resource stays a record with a deleted
header and its datestamp (deletedRecord "persistent"), so that harvesters remove it.
Unpublished submissions never exist for harvesters.

- Identifiers: ``oai:<host of TOOLKIT_SITE_URL>:<slug>``.
- Datestamps: ``Resource.updated_at`` in UTC, seconds granularity; retiring a resource,
  a new version and renaming a vocabulary term it uses (catalog.oai.datestamps) bump it.
- Sets: ``level``/``level:<slug>``, ``stage``/``stage:ume|gme|cpd``, ``type``/``type:<slug>``.
- Lists are ordered by (updated_at, pk) and paged by keyset. A resumption token is
  signed with ``django.core.signing`` and carries the original arguments, the
  position (last key and cursor) and the harvest's start time: records changed
  after the first page are left to the next incremental harvest, so a harvest
  sees every record of its list exactly once.

`arguments` checks a request's arguments and carries tokens, `queries` finds the
records, `xml` writes them and `verbs` answers each verb.
"""

from .arguments import ListQuery, OAIError
from .verbs import respond

__all__ = ["ListQuery", "OAIError", "respond"]
