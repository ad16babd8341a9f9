"""Office Open XML packages (ECMA-376 part 2): parts found by walking their relationships.

A part is what the package's relationships reach from `_rels/.rels`, whatever its name; its
content type comes from `[Content_Types].xml` (an override by part name, else a default by
extension). Part names compare without regard to case, as the standard says. Members that no
relationship reaches are not parts: Office ignores them, and so does the copy for reviewers.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree

from reviews.sanitize import limits

CONTENT_TYPES = "[content_types].xml"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
RELATIONSHIP = f"{{{_RELS}}}Relationship"
OVERRIDE = f"{{{_TYPES}}}Override"
DEFAULT = f"{{{_TYPES}}}Default"


@dataclass
class Relationship:
    """One relationship: from a part ("" for the package) to a part key or an external target."""

    element: etree._Element
    source: str
    type: str
    external: bool
    target: str

    @property
    def id(self) -> str:
        return self.element.get("Id", "")

    @property
    def kind(self) -> str:
        """The type's last segment, lower case: "core-properties", "package", "hyperlink"…"""
        return self.type.rstrip("/").rsplit("/", 1)[-1].lower()


@dataclass
class Package:
    """Parts, content types and relationships of one package."""

    names: dict[str, str]  # key (lower case, no leading slash) → member name
    types: etree._Element
    relationships: dict[str, tuple[etree._Element, list[Relationship]]] = field(
        default_factory=dict
    )
    reached_by: dict[str, set[str]] = field(default_factory=dict)  # part key → relationship kinds
    overrides: dict[str, str] = field(default_factory=dict)  # part key → content type
    defaults: dict[str, str] = field(default_factory=dict)  # extension → content type

    def __post_init__(self) -> None:
        for element in self.types.iter(OVERRIDE):
            key = element.get("PartName", "").lstrip("/").lower()
            self.overrides[key] = element.get("ContentType", "").lower()
        for element in self.types.iter(DEFAULT):
            extension = element.get("Extension", "").lower()
            self.defaults[extension] = element.get("ContentType", "").lower()

    def content_type(self, key: str) -> str:
        """The part's content type (lower case), "" when the package names none."""
        if key in self.overrides:
            return self.overrides[key]
        return self.defaults.get(key.rpartition(".")[2], "")

    def reachable(self, blocked: Iterable[str] = ()) -> set[str]:
        """Part keys reached from the package's relationships without passing through `blocked`."""
        blocked, seen, queue = set(blocked), set(), [""]
        while queue:
            for rel in self.relationships.get(queue.pop(), (None, []))[1]:
                if rel.external or rel.target in seen or rel.target in blocked:
                    continue
                if rel.target in self.names:
                    seen.add(rel.target)
                    queue.append(rel.target)
        return seen

    def main_part(self) -> str:
        """The key of the part the package's officeDocument relationship reaches, or ""."""
        for rel in self.relationships.get("", (None, []))[1]:
            if rel.kind == "officedocument" and not rel.external:
                return rel.target
        return ""


def rels_key(source: str) -> str:
    """The key of the relationships part of `source` ("" is the package itself)."""
    folder, _, name = source.rpartition("/")
    return posixpath.join(folder, "_rels", f"{name}.rels")


def resolve(source: str, target: str) -> str:
    """The part key a relative or absolute internal target names ("" if outside the package)."""
    path = unquote(target.split("#", 1)[0])
    if path.startswith("/"):
        joined = path
    else:
        joined = "/" + posixpath.join(posixpath.dirname(source), path)
    key = posixpath.normpath(joined).lstrip("/")
    return "" if key.startswith("..") or key in {"", "."} else key.lower()


def _relationships(source: str, root: etree._Element) -> list[Relationship]:
    found = []
    for element in root.iter(RELATIONSHIP):
        target = element.get("Target", "")
        external = element.get("TargetMode", "Internal") == "External"
        found.append(
            Relationship(
                element=element,
                source=source,
                type=element.get("Type", ""),
                external=external,
                target=target if external else resolve(source, target),
            )
        )
    return found


def load(names: Iterable[str], read: Callable[..., bytes]) -> Package:
    """Walk a package's relationships from `_rels/.rels`; `read(name, xml=True)` gives a part."""
    keys = {name.lower(): name for name in names if not name.endswith("/")}
    if CONTENT_TYPES not in keys:
        raise limits.cannot_clean("it has no [Content_Types].xml, so its parts cannot be typed")
    types = limits.parse_xml(read(keys[CONTENT_TYPES], xml=True), CONTENT_TYPES)
    package = Package(names=keys, types=types)
    queue = [""]
    while queue:
        source = queue.pop()
        key = rels_key(source)
        if key not in keys:
            continue
        root = limits.parse_xml(read(keys[key], xml=True), keys[key])
        package.relationships[source] = (root, _relationships(source, root))
        for rel in package.relationships[source][1]:
            if rel.external or rel.target not in keys:
                continue
            if rel.target not in package.reached_by:
                queue.append(rel.target)
            package.reached_by.setdefault(rel.target, set()).add(rel.kind)
    return package
