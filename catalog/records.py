"""One normalized, read-only view of a published version of a resource.

The detail page, the version pages, the citation formats, the JSON-LD, the
Highwire tags and the OAI-PMH records all read a `ResourceRecord`, built from the
same JSON snapshot that `catalog.services.snapshot` freezes in `ResourceVersion.data`:
the live resource for the current version, the frozen data for older ones.
"""

import html
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import strip_tags

from toolkit.site import absolute as absolute
from toolkit.site import site_host as site_host
from toolkit.site import site_url as site_url
from toolkit.text import render_markdown

from .models import (
    STAGE_NAMES,
    InstructionalMethod,
    LearnerLevel,
    Resource,
    ResourceFile,
    ResourceType,
    Stage,
    file_url,
    resource_path,
)
from .services import snapshot

ORCID_RE = re.compile(r"(?:^|/)(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$")
HONORIFICS = {"dr", "prof", "professor", "mr", "mrs", "ms", "mx"}  # compared without "."
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
OBJECTIVE_MARKER_RE = re.compile(r"^(?:[-*+•]|\d{1,2}[.)])\s+")
KEYWORD_SPLIT_RE = re.compile(r"[;,\n]")

FILE_TYPE_LABELS = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (
        "PowerPoint (PPTX)"
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (XLSX)",
    "image/png": "PNG image",
    "image/jpeg": "JPEG image",
    "video/mp4": "MP4 video",
}


def plain_text(markdown_text: str) -> str:
    """Markdown as one paragraph of plain text (for abstracts, descriptions, meta tags)."""
    text = html.unescape(strip_tags(render_markdown(markdown_text or "")))
    return " ".join(text.split())


def iso_duration(minutes: int | None) -> str:
    """ISO 8601 duration of a number of minutes: 90 → "PT90M"."""
    return f"PT{minutes}M" if minutes else ""


def human_duration(minutes: int | None) -> str:
    """A duration for people: 90 → "1 h 30 min", 120 → "2 h", 45 → "45 min"."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} h"] if hours else []
    if rest or not hours:
        parts.append(f"{rest} min")
    return " ".join(parts)


def normalize_orcid(value: str) -> str:
    """The bare ORCID iD (0000-0002-1825-0097) of an id or orcid.org URL; "" if malformed.

    The last character is checked with ORCID's ISO 7064 11,2 checksum.
    """
    match = ORCID_RE.search((value or "").strip().rstrip("/").upper())
    if not match:
        return ""
    orcid = match.group(1)
    total = 0
    for digit in orcid.replace("-", "")[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    return orcid if orcid[-1] == ("X" if check == 10 else str(check)) else ""


def license_badge(spdx: str) -> str:
    """The short Creative Commons badge text of an SPDX id: CC-BY-NC-4.0 → "CC BY-NC 4.0"."""
    if spdx.startswith("CC0"):
        return spdx.replace("-", " ")
    if spdx.startswith("CC-"):
        parts = spdx.split("-")
        return f"CC {'-'.join(parts[1:-1])} {parts[-1]}"
    return ""


def file_type_label(content_type: str, name: str = "") -> str:
    if content_type in FILE_TYPE_LABELS:
        return FILE_TYPE_LABELS[content_type]
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    return extension.upper() or "File"


# Characters XML 1.0 cannot carry at all: dropped from anything the XML formats (OAI-PMH,
# Atom) echo or publish, wherever the text came from.
XML_INVALID_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text) -> str:
    """`text` as XML 1.0 can carry it."""
    return XML_INVALID_RE.sub("", str(text))


@dataclass(frozen=True)
class Person:
    """An author, with the name split for citations (family/given, BibTeX-style particles)."""

    name: str
    affiliation: str = ""
    orcid: str = ""
    given: str = ""
    family: str = ""
    suffix: str = ""

    @property
    def orcid_url(self) -> str:
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""

    @property
    def is_literal(self) -> bool:
        """A one-word name or an organization: cited as written."""
        return not self.given

    @property
    def inverted(self) -> str:
        """ "Family, Given" (plus ", Jr."), the form RIS, BibTeX and Highwire expect."""
        if self.is_literal:
            return self.family or self.name
        text = f"{self.family}, {self.given}"
        return f"{self.family}, {self.suffix}, {self.given}" if self.suffix else text

    @property
    def initials(self) -> str:
        """APA initials of the given names: "Mei-Ling Ann" → "M.-L. A."."""
        words = []
        for word in self.given.split():
            words.append("-".join(f"{part[0]}." for part in word.split("-") if part))
        return " ".join(words)

    @property
    def apa(self) -> str:
        if self.is_literal:
            return self.family or self.name
        name = f"{self.family}, {self.initials}"
        return f"{name}, {self.suffix}" if self.suffix else name


def split_name(name: str) -> tuple[str, str, str]:
    """(given, family, suffix) of a display name; ("", name, "") when it cannot be split.

    Accepts "Given Family", "Family, Given" and "Family, Jr., Given"; drops honorifics
    ("Dr."); keeps lower-case particles with the family name ("Ludwig van Beethoven").
    The splitting itself is BibTeX's, through bibtexparser.
    """
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    text = " ".join(words)
    suffix = ""
    if "," in text:
        head, _, tail = text.rpartition(",")
        if tail.strip().lower().rstrip(".") in SUFFIXES and "," not in head:  # "Martin King, Jr."
            text, suffix = head.strip(), tail.strip()
    if not text or "{" in text or "}" in text:
        return "", name.strip(), ""
    try:
        parts = parse_single_name_into_parts(text, strict=True)
    except (InvalidNameError, ValueError, IndexError):
        return "", name.strip(), ""
    given = " ".join(parts.first)
    family = " ".join([*parts.von, *parts.last])
    suffix = suffix or " ".join(parts.jr)
    if not given or not family:
        return "", name.strip(), ""
    return given, family, suffix


def person(author: dict) -> Person:
    name = " ".join(str(author.get("name") or "").split())
    given, family, suffix = split_name(name)
    return Person(
        name=name,
        affiliation=" ".join(str(author.get("affiliation") or "").split()),
        orcid=normalize_orcid(str(author.get("orcid") or "")),
        given=given,
        family=family,
        suffix=suffix,
    )


@dataclass(frozen=True)
class Term:
    """A vocabulary term as shown on a version: slug and name, plus per-vocabulary extras."""

    slug: str
    name: str
    code: str = ""  # AAMC code of an instructional method
    stage: str = ""  # stage of a learner level (ume, gme, cpd)
    lrmi_type: str = ""  # schema.org learningResourceType of a resource type
    url: str = ""  # canonical URL of a licence

    @property
    def badge(self) -> str:
        return license_badge(self.slug)

    @property
    def is_open(self) -> bool:
        return self.slug != "all-rights-reserved"


@dataclass(frozen=True)
class LevelGroup:
    stage: str
    label: str
    name: str
    levels: tuple[Term, ...]


@dataclass(frozen=True)
class FileEntry:
    """A file (download through the checked view) or an external link of a version."""

    label: str
    url: str
    is_link: bool
    content_type: str = ""
    size: int = 0
    type_label: str = ""

    @property
    def size_label(self) -> str:
        return filesizeformat(self.size) if self.size else ""

    @property
    def absolute_url(self) -> str:
        return self.url if self.is_link else absolute(self.url)

    @property
    def is_pdf(self) -> bool:
        return self.content_type == "application/pdf"


class Vocabularies:
    """Stage, LRMI type and AAMC code by slug: three small queries per request at most."""

    @cached_property
    def levels(self) -> dict:
        return {level.slug: level for level in LearnerLevel.objects.all()}

    @cached_property
    def types(self) -> dict:
        return {rtype.slug: rtype for rtype in ResourceType.objects.all()}

    @cached_property
    def methods(self) -> dict:
        return {method.slug: method for method in InstructionalMethod.objects.all()}


@dataclass(frozen=True)
class ResourceRecord:
    """The public fields of one version of a resource, normalized for every output."""

    slug: str
    number: int
    current_number: int
    title: str
    summary: str
    objectives: tuple[str, ...]
    description: str
    keywords: tuple[str, ...]
    references: str
    group_size: str
    materials: str
    facilitator_notes: str
    evaluation: str
    acknowledgements: str
    authors: tuple[Person, ...]
    interprofessional: bool
    minutes: int | None
    resource_type: Term
    language: Term
    license: Term
    levels: tuple[Term, ...]
    topics: tuple[Term, ...]
    methods: tuple[Term, ...]
    published_at: datetime  # of this version: the citation date
    reviewed_at: datetime
    first_published_at: datetime
    updated_at: datetime

    @property
    def is_current(self) -> bool:
        return self.number == self.current_number

    @property
    def resource_path(self) -> str:
        return resource_path(self.slug)

    @property
    def path(self) -> str:
        """The page of this version: the resource page when it is the current one."""
        if self.is_current:
            return self.resource_path
        return reverse("catalog:resource-version", args=[self.slug, self.number])

    @property
    def url(self) -> str:
        return absolute(self.path)

    @property
    def resource_url(self) -> str:
        return absolute(self.resource_path)

    @property
    def oai_identifier(self) -> str:
        return oai_identifier(self.slug)

    @property
    def year(self) -> int:
        return self.published_at.year

    @property
    def time_required(self) -> str:
        return human_duration(self.minutes)

    @property
    def iso_duration(self) -> str:
        return iso_duration(self.minutes)

    @property
    def summary_text(self) -> str:
        return plain_text(self.summary)

    @property
    def subjects(self) -> list[str]:
        """Topic names then free keywords, without duplicates (case-insensitive)."""
        seen, subjects = set(), []
        for subject in [t.name for t in self.topics] + list(self.keywords):
            if subject.lower() not in seen:
                seen.add(subject.lower())
                subjects.append(subject)
        return subjects

    @property
    def level_groups(self) -> list[LevelGroup]:
        groups = []
        for stage in Stage:
            levels = tuple(lv for lv in self.levels if lv.stage == stage)
            if levels:
                groups.append(LevelGroup(stage.value, stage.label, STAGE_NAMES[stage], levels))
        return groups


def oai_identifier(slug: str) -> str:
    return f"oai:{site_host()}:{slug}"


def _term(data, **extra) -> Term:
    data = data if isinstance(data, dict) else {}
    return Term(slug=str(data.get("slug", "")), name=str(data.get("name", "")), **extra)


def _terms(items) -> list[dict]:
    return [item for item in items or [] if isinstance(item, dict)]


def objectives(text: str) -> tuple[str, ...]:
    """One objective per non-empty line, without list markers ("- ", "1. ")."""
    lines = (OBJECTIVE_MARKER_RE.sub("", line.strip()) for line in (text or "").splitlines())
    return tuple(line for line in lines if line)


def keywords(text: str) -> tuple[str, ...]:
    return tuple(k.strip() for k in KEYWORD_SPLIT_RE.split(text or "") if k.strip())


def build(resource: Resource, version=None, *, vocab: Vocabularies | None = None):
    """The record of `resource` as published in `version` (default: the current version).

    The current version reads the live resource (prefetch levels, topics and methods
    when building many); an older one reads its frozen `ResourceVersion.data`.
    """
    vocab = vocab or Vocabularies()
    if version is None or version.number == resource.version:
        data, number = snapshot(resource), resource.version
        published_at, reviewed_at = resource.published_at, resource.reviewed_at
    else:
        data = version.data if isinstance(version.data, dict) else {}
        number, published_at, reviewed_at = (
            version.number,
            version.published_at,
            version.reviewed_at,
        )
    levels = []
    for item in _terms(data.get("levels")):
        level = vocab.levels.get(item.get("slug"))
        levels.append(_term(item, stage=level.stage if level else ""))
    rtype = data.get("resource_type") or {}
    known_type = vocab.types.get(rtype.get("slug")) if isinstance(rtype, dict) else None
    methods = []
    for item in _terms(data.get("methods")):
        method = vocab.methods.get(item.get("slug"))
        methods.append(
            _term(item, code=method.code if method else str(item.get("slug", "")).upper())
        )
    licence = data.get("license") or {}
    return ResourceRecord(
        slug=resource.slug,
        number=number,
        current_number=resource.version,
        title=str(data.get("title", resource.title)),
        summary=str(data.get("summary", "")),
        objectives=objectives(str(data.get("learning_objectives", ""))),
        description=str(data.get("description", "")),
        keywords=keywords(str(data.get("keywords", ""))),
        references=str(data.get("references", "")),
        group_size=str(data.get("group_size", "")),
        materials=str(data.get("materials", "")),
        facilitator_notes=str(data.get("facilitator_notes", "")),
        evaluation=str(data.get("evaluation", "")),
        acknowledgements=str(data.get("acknowledgements", "")),
        authors=tuple(
            person(a) for a in data.get("authors") or [] if isinstance(a, dict) and a.get("name")
        ),
        interprofessional=bool(data.get("interprofessional")),
        minutes=data.get("time_required_minutes") or None,
        resource_type=_term(rtype, lrmi_type=known_type.lrmi_type if known_type else ""),
        language=_term(data.get("language")),
        license=_term(
            licence, url=str(licence.get("url", "")) if isinstance(licence, dict) else ""
        ),
        levels=tuple(levels),
        topics=tuple(_term(t) for t in _terms(data.get("topics"))),
        methods=tuple(methods),
        published_at=published_at,
        reviewed_at=reviewed_at,
        first_published_at=resource.first_published_at,
        updated_at=resource.updated_at,
    )


def file_entries(files, slug: str) -> list[FileEntry]:
    """The files and links of a version, in order, with their public download URLs."""
    entries = []
    for f in files:
        if f.url:
            entries.append(FileEntry(label=f.label or f.url, url=f.url, is_link=True))
            continue
        name = f.download_name or f.file.name.rsplit("/", 1)[-1]
        entries.append(
            FileEntry(
                label=f.label or name,
                url=file_url(slug, f.uuid),
                is_link=False,
                content_type=f.content_type,
                size=f.size,
                type_label=file_type_label(f.content_type, name),
            )
        )
    return entries


def version_files(resource: Resource, number: int) -> list[FileEntry]:
    files = ResourceFile.objects.filter(version__resource=resource, version__number=number)
    return file_entries(files, resource.slug)


def related_resources(resource: Resource, limit: int = 4) -> list[Resource]:
    """Published resources sharing the most topics and learner levels with `resource`.

    One query (plus the levels of the cards): the overlaps are counted in subqueries.
    """

    def shared(through, column):
        mine = through.objects.filter(resource=resource.pk).values(column)
        rows = through.objects.filter(resource=OuterRef("pk"), **{f"{column}__in": mine})
        counted = rows.values("resource").annotate(n=Count("pk")).values("n")
        return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))

    return list(
        Resource.objects.published()
        .exclude(pk=resource.pk)
        .annotate(
            shared_topics=shared(Resource.topics.through, "topic"),
            shared_levels=shared(Resource.levels.through, "learnerlevel"),
        )
        .annotate(overlap=F("shared_topics") + F("shared_levels"))
        .filter(overlap__gt=0)
        .order_by("-overlap", "-shared_topics", "-published_at", "pk")
        .select_related("resource_type")
        .prefetch_related("levels")
        .defer("attachment_text")[:limit]
    )
