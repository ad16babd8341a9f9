"""The files and links of a published version, with their public download URLs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.template.defaultfilters import filesizeformat

from ..models import Resource, ResourceFile, file_url
from .formats import absolute, file_type_label


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


def file_entries(files: Iterable[ResourceFile], slug: str) -> list[FileEntry]:
    """The files and links of a version, in order, with their public download URLs."""
    entries = []
    for f in files:
        if f.url:
            entries.append(FileEntry(label=f.label or f.url, url=f.url, is_link=True))
            continue
        name = f.download_name or (f.file.name or "").rsplit("/", 1)[-1]
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
