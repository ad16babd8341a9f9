"""One normalized, read-only view of a published version of a resource.

The detail page, the version pages, the citation formats, the JSON-LD, the
Highwire tags and the OAI-PMH records all read a `ResourceRecord` (`record`), built from
the same JSON snapshot that `catalog.services.snapshot` freezes in `ResourceVersion.data`:
the live resource for the current version, the frozen data for older ones. `people`
splits author names, `files` lists a version's files, `related` finds similar
resources and `formats` holds the text formats the outputs share.
"""

from .files import FileEntry, file_entries, version_files
from .formats import (
    FILE_TYPE_LABELS,
    absolute,
    file_type_label,
    human_duration,
    iso_duration,
    license_badge,
    normalize_orcid,
    plain_text,
    site_host,
    site_url,
    xml_text,
)
from .people import Person, person, split_name
from .record import (
    LevelGroup,
    ResourceRecord,
    Term,
    Vocabularies,
    build,
    doi_url,
    keywords,
    oai_identifier,
    objectives,
    record_of,
)
from .related import related_resources

__all__ = [
    "FILE_TYPE_LABELS",
    "FileEntry",
    "LevelGroup",
    "Person",
    "ResourceRecord",
    "Term",
    "Vocabularies",
    "absolute",
    "build",
    "doi_url",
    "file_entries",
    "file_type_label",
    "human_duration",
    "iso_duration",
    "keywords",
    "license_badge",
    "normalize_orcid",
    "oai_identifier",
    "objectives",
    "person",
    "plain_text",
    "record_of",
    "related_resources",
    "site_host",
    "site_url",
    "split_name",
    "version_files",
    "xml_text",
]
