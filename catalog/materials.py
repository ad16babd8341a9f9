"""Everything to run a session, in one download: a version's files and a README, zipped.

The zip holds the public copies of the version's files (the same files the page's download
links serve, cleaned at publication) in a folder named after the resource and version, and
a generated `README.txt`: title, authors, licence, the citation, what the session needs,
the facilitator notes and the external links. A published version never changes, so the
zip is built once per version, on first request, and kept under MEDIA_ROOT/materials/
(written to a temporary file and renamed: several workers may build it at once, a reader
never sees half a zip). The zip's name carries a digest of the version's files, so a
changed file list can never be answered with an old zip.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import textwrap
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.utils.text import get_valid_filename

from . import citations, records
from .models import Resource, ResourceFile
from .records.record import ResourceRecord

BUNDLE_DIR = "materials"
README_WIDTH = 78
# Already-compressed formats are stored as they are; everything else is deflated.
STORED_TYPES = ("application/pdf", "image/", "video/", "audio/", "application/zip")
STORED_SUFFIXES = (".docx", ".pptx", ".xlsx", ".odt", ".odp", ".ods", ".pdf", ".mp4", ".zip")


def bundle_name(record: ResourceRecord) -> str:
    return f"{record.slug}-v{record.number}-materials.zip"


def bundle_path(record: ResourceRecord, rows: list[ResourceFile]) -> Path:
    """Where the version's zip is kept: named by the version and a digest of what it holds
    (its files' ids and the publication time), so no other content can ever be served."""
    digest = hashlib.sha256(
        repr((record.published_at.isoformat(), [str(f.uuid) for f in rows])).encode()
    ).hexdigest()[:16]
    return Path(settings.MEDIA_ROOT) / BUNDLE_DIR / f"{record.slug}-v{record.number}-{digest}.zip"


def _paragraphs(text: str) -> str:
    """Markdown as wrapped plain-text paragraphs."""
    blocks = [records.plain_text(block) for block in text.split("\n\n")]
    return "\n\n".join(textwrap.fill(b, README_WIDTH) for b in blocks if b)


def _section(title: str, body: str) -> str:
    return f"{title}\n{'-' * len(title)}\n{body}\n" if body.strip() else ""


def readme(
    record: ResourceRecord, files: list[tuple[str, str]], links: list[records.FileEntry]
) -> str:
    """The README.txt of the bundle: what the resource is and how to run and credit it."""
    parts = citations.apa_parts(record)
    citation = " ".join(p for p in parts.values() if p)
    authors = "\n".join(
        f"- {a.name}" + (f", {a.affiliation}" if a.affiliation else "") for a in record.authors
    )
    facts = [
        ("Learner levels", ", ".join(lv.name for lv in record.levels)),
        ("Time required", record.time_required),
        ("Group size", record.group_size),
        ("Resource type", record.resource_type.name),
        ("Language", record.language.name),
    ]
    objectives = "\n".join(f"{n}. {text}" for n, text in enumerate(record.objectives, 1))
    contents = "\n".join(
        [f"- {name} ({label})" if label != name else f"- {name}" for name, label in files]
        + [f"- {link.label}: {link.url}" for link in links]
    )
    title = f"{record.title} (version {record.number})"
    text = "\n".join(
        [
            title,
            "=" * min(len(title), README_WIDTH),
            "",
            f"Published by {settings.TOOLKIT_SITE_NAME}, peer reviewed.",
            f"Page: {record.url}",
            "",
            _section("Authors", authors),
            _section(
                "Licence",
                record.license.name + (f"\n{record.license.url}" if record.license.url else ""),
            ),
            _section("How to cite", textwrap.fill(citation, README_WIDTH)),
            _section("At a glance", "\n".join(f"{k}: {v}" for k, v in facts if v)),
            _section("Learning objectives", objectives),
            _section("What is in this folder", contents),
            _section("Materials", _paragraphs(record.materials)),
            _section("Facilitator notes", _paragraphs(record.facilitator_notes)),
            _section("Implementation and evaluation", _paragraphs(record.evaluation)),
        ]
    )
    return text.replace("\n\n\n", "\n\n").strip() + "\n"


def _safe_name(raw: str) -> str:
    """The last part of a file name, with only safe characters; "file" if nothing is left."""
    try:
        return get_valid_filename(raw.replace("\\", "/").rsplit("/", 1)[-1].lstrip("."))
    except SuspiciousFileOperation:
        return "file"


def _archive_names(items: list[ResourceFile]) -> list[str]:
    """A safe, distinct file name for each file (no folders, no clashes)."""
    names: list[str] = []
    for item in items:
        stem, dot, suffix = _safe_name(item.download_name or item.file.name or "").rpartition(".")
        base, ext = (stem, f".{suffix}") if dot else (suffix, "")
        name, n = f"{base}{ext}", 2
        while name.lower() in {x.lower() for x in names} or name.lower() == "readme.txt":
            name, n = f"{base}-{n}{ext}", n + 1
        names.append(name)
    return names


def _compression(item: ResourceFile, name: str) -> int:
    stored = item.content_type.startswith(STORED_TYPES) or name.lower().endswith(STORED_SUFFIXES)
    return zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED


def build_bundle(resource: Resource, record: ResourceRecord) -> Path:
    """The version's zip, built now if it is not on disk yet; returns its path."""
    rows = list(
        ResourceFile.objects.filter(
            version__resource=resource, version__number=record.number
        ).order_by("position")
    )
    target = bundle_path(record, rows)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    items = [
        f for f in rows if not f.is_link and f.file.name and f.file.storage.exists(f.file.name)
    ]
    links = records.file_entries([f for f in rows if f.is_link], record.slug)
    names = _archive_names(items)
    folder = f"{record.slug}-v{record.number}"
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out, zipfile.ZipFile(out, "w") as archive:
            archive.writestr(
                f"{folder}/README.txt",
                readme(
                    record, [(n, i.label or n) for n, i in zip(names, items, strict=True)], links
                ),
                compress_type=zipfile.ZIP_DEFLATED,
            )
            for item, name in zip(items, names, strict=True):
                info = zipfile.ZipInfo(f"{folder}/{name}", date_time=_stamp(record))
                info.compress_type = _compression(item, name)
                with item.file.open("rb") as source, archive.open(info, "w") as sink:
                    shutil.copyfileobj(source, sink, 1 << 20)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _stamp(record: ResourceRecord) -> tuple[int, int, int, int, int, int]:
    moment = record.published_at
    return (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, 0)
