"""Office Open XML (docx, pptx, xlsx): copies that carry no identity and no active content.

The package is walked through its relationships (see `opc`), and each part is handled by what
its content type and the relationships reaching it say it is, never by its name:

- core, app and custom properties are emptied (app properties keep only document statistics);
- XML parts lose comment and revision authors, people lists, editing-session ids, document
  variables, a workbook's folder and a pivot cache's `refreshedBy` (see `xmlparts`);
- pictures are re-encoded from their pixels, videos lose their tags;
- embedded Office packages are cleaned the same way, up to MAX_NESTING levels deep;
- thumbnails, custom XML data, printer settings, fonts, signatures, revision logs, add-in
  tags, links to other workbooks and glossaries are dropped, and so is active content:
  macros (VBA, Excel 4 macro sheets), ActiveX controls, OLE objects, add-ins and ribbon
  customisations;
- relationships to the outside (an attached template on `C:\\Users\\…`, a remote template,
  a linked workbook or picture) are dropped, except hyperlinks, which a reader must click;
- members that no relationship reaches are dropped.

A part that cannot be cleaned with certainty (a binary part of unknown kind, XML that does not
parse, a package nested too deeply) refuses the whole file with a message naming it.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from reviews.sanitize import limits, media, opc, xmlparts

# Relationship kinds (a relationship type's last segment, lower case) whose parts are dropped.
_DROPPED_KINDS = frozenset(
    {
        "customxml",
        "customxmlprops",
        "thumbnail",
        "printersettings",
        "font",
        "glossarydocument",
        "recipientdata",
        "revisionheaders",
        "usernames",
        "revisioninfo",
        "changesinfo",
        "origin",
        "signature",
        "certificate",
        "classificationlabels",
        "hdphoto",
        "tags",
        "externallink",
        # active content
        "vbaproject",
        "vbaprojectsignature",
        "vbaprojectsignatureagile",
        "vbaprojectsignaturev3",
        "wordvbadata",
        "control",
        "activexcontrolbinary",
        "oleobject",
        "attachedtoolbars",
        "keymapcustomizations",
        "extensibility",
        "usercustomization",
        "xlmacrosheet",
        "xlintlmacrosheet",
        "webextension",
        "webextensiontaskpanes",
    }
)
_DROPPED_TYPES = (
    "vbaproject",
    "vbadata",
    "activex",
    "oleobject",
    "macrosheet",
    "printersettings",
    "customxmlproperties",
    "fontdata",
    "obfuscatedfont",
    "x-font",
    "font/",
    "digital-signature",
    "webextension",
    "classificationlabels",
    "keymapcustomizations",
    "attachedtoolbars",
    "vnd.ms-photo",
)
_PICTURES: tuple[str, ...] = (
    "image/png",
    "image/jpeg",
    "image/jpg",
    "image/pjpeg",
    "image/gif",
    "image/bmp",
)
_PICTURES += ("image/tiff",)
_VECTOR_PICTURES = ("image/x-emf", "image/emf", "image/x-wmf", "image/wmf")  # kept, scanned
_PACKAGE_ENDINGS = (".sheet", ".document", ".presentation", ".template", ".slideshow", ".12")
_OOXML = "application/vnd.openxmlformats-officedocument"
_MAIN_CONTENT_TYPES = {  # by a marker of the application, the plain document's main part
    "wordprocessingml": f"{_OOXML}.wordprocessingml.document.main+xml",
    "ms-word": f"{_OOXML}.wordprocessingml.document.main+xml",
    "spreadsheetml": f"{_OOXML}.spreadsheetml.sheet.main+xml",
    "ms-excel": f"{_OOXML}.spreadsheetml.sheet.main+xml",
    "presentationml": f"{_OOXML}.presentationml.presentation.main+xml",
    "ms-powerpoint": f"{_OOXML}.presentationml.presentation.main+xml",
}
LINK_SCHEMES = ("http://", "https://", "mailto:")


def _is_xml(content_type: str) -> bool:
    return (
        content_type.endswith("+xml")
        or content_type in {"application/xml", "text/xml"}
        or ("vmldrawing" in content_type)
    )


def _is_package(content_type: str, kinds: set[str]) -> bool:
    return "package" in kinds or (
        not content_type.endswith("+xml")
        and ("officedocument" in content_type or "macroenabled" in content_type)
        and content_type.endswith(_PACKAGE_ENDINGS)
    )


_PROPERTIES = {
    "core-properties": "core",
    "extended-properties": "app",
    "custom-properties": "custom",
}


def action(content_type: str, kinds: set[str], name: str) -> str:
    """What becomes of a part: core, app, custom, xml, picture, video, package, keep or drop."""
    if kinds & _DROPPED_KINDS or any(marker in content_type for marker in _DROPPED_TYPES):
        return "drop"
    for kind, todo in _PROPERTIES.items():
        if kind in kinds or content_type.endswith(f"{kind}+xml"):
            return todo
    if _is_package(content_type, kinds):
        return "package"
    if _is_xml(content_type):
        return "xml"
    if content_type in _PICTURES:
        return "picture"
    if content_type in _VECTOR_PICTURES:
        return "keep"
    if content_type == "video/mp4":
        return "video"
    what = f"{content_type} data" if content_type else "data of no declared type"
    raise limits.cannot_clean(f"it holds {name} ({what}), which we cannot check for names")


def is_safe_link(rel: opc.Relationship) -> bool:
    """An external hyperlink a reader must click (web or e-mail), not a path on someone's disk."""
    return rel.kind == "hyperlink" and rel.target.strip().lower().startswith(LINK_SCHEMES)


@dataclass
class _Cleaner:
    """One package being cleaned; `removed` collects the identity strings taken out."""

    members: limits.Members
    depth: int
    removed: list[str]
    collect: bool
    package: opc.Package = field(init=False)  # read by plan()
    actions: dict[str, str] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)
    dropped_ids: dict[str, frozenset[str]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # relationships part → its source

    def plan(self) -> None:
        """Type every part, decide what becomes of it, and drop the relationships that go."""
        self.package = opc.load(self.members.archive.namelist(), self.members.read)
        names = self.package.names
        self.actions = {
            key: action(self.package.content_type(key), kinds, names[key])
            for key, kinds in self.package.reached_by.items()
        }
        self.kept = self.package.reachable(k for k, todo in self.actions.items() if todo == "drop")
        for source, (_, relationships) in self.package.relationships.items():
            if source == "" or source in self.kept:
                self.sources[opc.rels_key(source)] = source
            gone = [rel for rel in relationships if not self._keeps(rel)]
            for rel in gone:
                self.removed.append(rel.target if rel.external else "")
                rel.element.getparent().remove(rel.element)
            self.dropped_ids[source] = frozenset(rel.id for rel in gone)

    def _keeps(self, rel: opc.Relationship) -> bool:
        return is_safe_link(rel) if rel.external else rel.target in self.kept

    def output(self, key: str) -> bytes | None:
        """The member's bytes in the copy, or None if it is left out."""
        if key == opc.CONTENT_TYPES:
            return self._content_types()
        if key in self.sources:
            return limits.serialize_xml(self.package.relationships[self.sources[key]][0])
        if key in self.kept:
            return self._part(key)
        if self.collect and self.actions.get(key) == "drop":
            self._collect_dropped(key)
        return None

    def _content_types(self) -> bytes:
        types = self.package.types
        main = self.package.main_part()
        for element in list(types.iter(opc.OVERRIDE)):
            key = element.get("PartName", "").lstrip("/").lower()
            if key not in self.kept:
                types.remove(element)
            elif key == main and self.depth == 0:
                element.set("ContentType", _plain_main(element.get("ContentType", "")))
        return limits.serialize_xml(types)

    def _collect_dropped(self, key: str) -> None:
        """For metadata_text: the strings in a dropped XML part (custom XML data)."""
        if _is_xml(self.package.content_type(key)):
            body = self.members.read(self.package.names[key], xml=True)
            self.removed += xmlparts.strings(limits.parse_xml(body, self.package.names[key]))

    def _part(self, key: str) -> bytes:
        name, todo = self.package.names[key], self.actions[key]
        xml = todo in {"core", "app", "custom", "xml"}
        body = self.members.read(name, xml=xml)
        if todo == "picture":
            if self.collect:
                self.removed += media.image_metadata(body)
            return media.clean_image(body)
        if todo == "video":
            if self.collect:
                self.removed += media.mp4_metadata(body)
            return media.clean_mp4(body)
        if todo == "package":
            return self._embedded(name, body)
        if todo == "keep":
            return body
        return self._xml(key, name, body, todo)

    def _xml(self, key: str, name: str, body: bytes, todo: str) -> bytes:
        root = limits.parse_xml(body, name)
        if todo in {"core", "custom"}:
            self.removed += xmlparts.empty(root)
        elif todo == "app":
            self.removed += xmlparts.keep_children(root, xmlparts.APP_PROPERTIES_KEPT)
        else:
            content_type = self.package.content_type(key)
            dropped = self.dropped_ids.get(key, frozenset())
            if not xmlparts.needs_scrub(body, content_type, dropped):
                return body if xmlparts.is_plain(body) else limits.serialize_xml(root)
            self.removed += xmlparts.scrub(root, content_type, dropped)
        return limits.serialize_xml(root)

    def _embedded(self, name: str, body: bytes) -> bytes:
        if self.depth + 1 > limits.MAX_NESTING:
            raise limits.cannot_clean(f"{name} is a package nested too deeply")
        if not body.startswith(b"PK"):
            raise limits.cannot_clean(f"{name} is not an Office package we can check")
        return clean_package(body, self.members.budget, self.depth + 1, self.removed, self.collect)


def _plain_main(content_type: str) -> str:
    """The upload's main content type as a plain document's: macros are dropped, so a
    macro-enabled (or template) type would make Office refuse the .docx, .xlsx or .pptx."""
    lowered = content_type.lower()
    for marker, plain in _MAIN_CONTENT_TYPES.items():
        if marker in lowered:
            return plain
    return content_type


def _write(target: zipfile.ZipFile, name: str, body: bytes) -> None:
    member = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
    member.compress_type = zipfile.ZIP_DEFLATED
    target.writestr(member, body)


def clean_package(
    data: bytes,
    budget: limits.Budget | None = None,
    depth: int = 0,
    removed: list[str] | None = None,
    collect: bool = False,
) -> bytes:
    """The package rebuilt from its cleaned parts, in the original member order."""
    removed = [] if removed is None else removed
    out = io.BytesIO()
    with limits.Members(data, budget) as members:
        cleaner = _Cleaner(members, depth, removed, collect)
        cleaner.plan()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in members.infolist():
                body = cleaner.output(info.filename.lower())
                if body is not None:
                    _write(target, info.filename, body)
    return out.getvalue()


def clean_office(data: bytes) -> bytes:
    return clean_package(data)


def office_metadata(data: bytes) -> list[str]:
    """Every identity-bearing string the cleaning takes out."""
    removed: list[str] = []
    clean_package(data, removed=removed, collect=True)
    return [text for text in removed if text]
