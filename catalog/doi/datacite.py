"""DataCite Metadata Schema 4.5 of a version and of its concept DOI.

The metadata is built as the DataCite JSON that the `datacite` package (inveniosoftware,
BSD-3-Clause) validates against the schema's JSON Schema and turns into the kernel-4.5
XML (`datacite.schema45`); `xml()` refuses metadata the schema would not take.
"""

from __future__ import annotations

from typing import Any

from datacite import schema45
from django.conf import settings

from ..citations import edition, genre, version_url
from ..records import Person, ResourceRecord

NS = "http://datacite.org/schema/kernel-4"
# resourceTypeGeneral by resource type; the resource type's name goes in resourceType.
GENERAL_TYPES = {
    "video": "Audiovisual",
    "podcast": "Sound",
    "simulation": "InteractiveResource",
    "workshop-kit": "InteractiveResource",
    "collection": "Collection",
}


class InvalidMetadata(ValueError):
    """The metadata is not valid DataCite 4.5 (a bug, or data the schema cannot hold)."""


def _creator(author: Person) -> dict[str, Any]:
    creator: dict[str, Any]
    if author.is_literal:
        creator = {"name": author.name, "nameType": "Organizational"}
    else:
        creator = {
            "name": author.inverted,
            "nameType": "Personal",
            "givenName": author.given,
            "familyName": author.family,
        }
    if author.affiliation:
        creator["affiliation"] = [{"name": author.affiliation}]
    if author.orcid:
        creator["nameIdentifiers"] = [
            {
                "nameIdentifier": author.orcid_url,
                "nameIdentifierScheme": "ORCID",
                "schemeUri": "https://orcid.org",
            }
        ]
    return creator


def _rights(record: ResourceRecord) -> dict[str, str]:
    licence = record.license
    rights = {"rights": licence.name}
    if licence.url:
        rights["rightsUri"] = licence.url
    if licence.is_open and licence.slug:
        rights.update(rightsIdentifier=licence.slug, rightsIdentifierScheme="SPDX")
    return rights


def metadata(
    record: ResourceRecord, doi: str, *, concept: str = "", versions: tuple[str, ...] = ()
) -> dict[str, Any]:
    """DataCite JSON of `record` under `doi`. A version's names its concept DOI
    (IsVersionOf) and the version before (IsNewVersionOf); the concept's (`concept` empty)
    lists its `versions` (HasVersion)."""
    registrant = settings.TOOLKIT_DOI_REGISTRANT
    creators = [_creator(a) for a in record.authors] or [
        {"name": registrant, "nameType": "Organizational"}
    ]
    related: list[dict[str, str]] = []
    if concept:
        related.append(_related(concept, "IsVersionOf"))
        if record.number > 1:
            related.append(_related(f"{concept}.v{record.number - 1}", "IsNewVersionOf"))
    related += [_related(version, "HasVersion") for version in versions]
    data: dict[str, Any] = {
        "schemaVersion": "http://datacite.org/schema/kernel-4",
        "doi": doi,
        "creators": creators,
        "titles": [{"title": record.title}],
        "publisher": {"name": registrant},
        "publicationYear": str(record.first_published_at.year if not concept else record.year),
        "types": {
            "resourceTypeGeneral": GENERAL_TYPES.get(record.resource_type.slug, "Text"),
            "resourceType": genre(record),
        },
        "subjects": [{"subject": subject} for subject in record.subjects],
        "dates": [
            {"date": record.published_at.date().isoformat(), "dateType": "Issued"},
            {"date": record.reviewed_at.date().isoformat(), "dateType": "Accepted"},
        ],
        "language": record.language.slug,
        "alternateIdentifiers": [
            {
                "alternateIdentifier": version_url(record) if concept else record.resource_url,
                "alternateIdentifierType": "URL",
            }
        ],
        "relatedIdentifiers": related,
        "formats": ["text/html"],
        "version": edition(record) if concept else "",
        "rightsList": [_rights(record)],
        "descriptions": [
            {"description": record.summary_text, "descriptionType": "Abstract"},
        ],
    }
    if not record.summary_text:
        data.pop("descriptions")
    return {key: value for key, value in data.items() if value not in ("", [], None)}


def _related(doi: str, relation: str) -> dict[str, str]:
    return {"relatedIdentifier": doi, "relatedIdentifierType": "DOI", "relationType": relation}


def xml(data: dict[str, Any]) -> str:
    """The kernel-4.5 XML of valid DataCite JSON; InvalidMetadata otherwise."""
    errors = sorted(str(e.message) for e in schema45.validator.iter_errors(data))
    if errors:
        raise InvalidMetadata("; ".join(errors))
    return schema45.tostring(data)
