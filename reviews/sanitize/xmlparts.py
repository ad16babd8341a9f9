"""Identity fields inside Office XML parts: blanked, removed, or the whole part emptied.

Every function changes a parsed part in place and returns the strings it took out, which
`metadata_text` reports. Attributes are blanked rather than removed where the schema requires
them (a tracked change must keep a `w:author`), so the copy still opens in Office.
"""

from __future__ import annotations

from lxml import etree

_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WORD_2012 = "http://schemas.microsoft.com/office/word/2012/wordml"
_RELATIONSHIP_NAMESPACES = frozenset(
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    }
)
# Who wrote, commented, revised, shared or refreshed, and where the files were.
_IDENTITY_ATTRIBUTES = frozenset(
    {
        "author",
        "initials",
        "userId",
        "providerId",
        "displayName",
        "userName",
        "refreshedBy",
        "odcFile",
        "sourceFile",
        "connection",
    }
)
# Parts that list people (comment authors, revision user names) also name them in `name`.
_PEOPLE_ATTRIBUTES = _IDENTITY_ATTRIBUTES | {"name"}
_PEOPLE_PARTS = ("commentauthors", "authors+xml", "usernames", "people+xml", "person+xml")
_IDENTITY_TEXTS = frozenset({"author"})  # a workbook's comment authors
# Editing sessions (rsids), document variables, mail-merge sources, the attached template,
# document ids that link copies, a workbook's folder (absPath) and its cloud revision pointer.
_REMOVED = frozenset(
    {"rsids", "docVars", "mailMerge", "attachedTemplate", "docId", "absPath", "revisionPtr"}
)
# Elements that stay, without the reference, when what they point at is dropped: page set-up
# (printer settings) and hyperlinks (their text stays; a link to a local file goes).
_KEPT_WITHOUT_REFERENCE = frozenset(
    {"pageSetup", "hyperlink", "hlinkClick", "hlinkHover", "hlinkMouseOver"}
)
# Containers left meaningless once empty.
_EMPTY_CONTAINERS = frozenset(
    {"AlternateContent", "Choice", "Fallback", "oleObjects", "controls", "object"}
    | {"externalReferences"}
)
APP_PROPERTIES_KEPT = frozenset(
    {
        "Application",
        "AppVersion",
        "DocSecurity",
        "ScaleCrop",
        "LinksUpToDate",
        "SharedDoc",
        "HyperlinksChanged",
        "TotalTime",
        "Pages",
        "Words",
        "Characters",
        "CharactersWithSpaces",
        "Lines",
        "Paragraphs",
        "PresentationFormat",
        "Slides",
        "Notes",
        "HiddenSlides",
        "MMClips",
    }
)


def local(name: str | bytes | etree.QName) -> str:
    return etree.QName(name).localname


def strings(element: etree._Element) -> list[str]:
    """The text and attribute values in an element and its descendants."""
    found = ["".join(element.itertext())]
    for node in element.iter(etree.Element):
        found.extend(node.attrib.values())
    return [text for text in found if text.strip()]


def lists_people(content_type: str) -> bool:
    return any(marker in content_type for marker in _PEOPLE_PARTS)


def empty(root: etree._Element) -> list[str]:
    """Remove everything inside the root (core and custom properties)."""
    found = [text for child in root for text in strings(child)]
    root.text = None
    del root[:]
    return found


def keep_children(root: etree._Element, kept: frozenset[str]) -> list[str]:
    """Remove the root's children whose local names are not in `kept` (app properties)."""
    found = []
    for child in list(root):
        if not isinstance(child.tag, str) or local(child) not in kept:
            found += strings(child) if isinstance(child.tag, str) else []
            root.remove(child)
    return found


def _remove(element: etree._Element) -> None:
    """Detach an element, then any container it leaves empty."""
    parent = element.getparent()
    parent.remove(element)
    while parent is not None and local(parent) in _EMPTY_CONTAINERS and len(parent) == 0:
        element, parent = parent, parent.getparent()
        if parent is not None:
            parent.remove(element)


def _detach(element: etree._Element) -> list[str]:
    """Remove an element still in the tree; the strings it held."""
    if element.getparent() is None:
        return []
    found = strings(element)
    _remove(element)
    return found


_WORD_PREFIX = f"{{{_WORD}}}rsid"
_PERSON = f"{{{_WORD_2012}}}person"


class _Scrub:
    """One pass over a part's elements (plain string tests: a million elements in a second)."""

    def __init__(self, content_type: str, dropped: frozenset[str]) -> None:
        self.names = _PEOPLE_ATTRIBUTES if lists_people(content_type) else _IDENTITY_ATTRIBUTES
        self.dropped = dropped
        self.found: list[str] = []
        self.detached: list[etree._Element] = []

    def _is_reference(self, name: str, value: str) -> bool:
        if value not in self.dropped:
            return False
        return name.rpartition("}")[0][1:] in _RELATIONSHIP_NAMESPACES or name.endswith("relid")

    def attributes(self, element: etree._Element) -> None:
        for name in element.keys():
            local_name = name.rpartition("}")[2]
            if local_name in self.names:
                self.found.append(element.get(name))
                element.set(name, "")
            elif name.startswith(_WORD_PREFIX):
                del element.attrib[name]
            elif self.dropped and self._is_reference(name, element.get(name)):
                if element.tag.rpartition("}")[2] not in _KEPT_WITHOUT_REFERENCE:
                    self.detached.append(element)
                del element.attrib[name]

    def element(self, element: etree._Element) -> None:
        local_name = element.tag.rpartition("}")[2]
        if local_name in _REMOVED or element.tag == _PERSON:
            self.detached.append(element)
        elif local_name in _IDENTITY_TEXTS and (element.text or len(element)):
            self.found += strings(element)
            element.text = None
            del element[:]
        if len(element.attrib):
            self.attributes(element)


# Byte strings one of which any part that scrub() would change contains (names are literal in
# XML: no entity or character reference can spell one, and DTDs are refused).
_TRIGGERS = tuple(
    name.encode()
    for name in _IDENTITY_ATTRIBUTES | _IDENTITY_TEXTS | _REMOVED | {"rsid", "person", "relid"}
)


def _single_byte(body: bytes) -> bool:
    """UTF-8 or another encoding in which ASCII names are their own bytes (not UTF-16/32)."""
    return b"\x00" not in body[:4] and not body.startswith((b"\xff\xfe", b"\xfe\xff"))


def needs_scrub(body: bytes, content_type: str, dropped: frozenset[str]) -> bool:
    """Whether a part may hold anything scrub() changes, by a plain search of its bytes: a
    large worksheet with none of the names is not walked element by element."""
    if lists_people(content_type) or not _single_byte(body):
        return True
    return any(trigger in body for trigger in _TRIGGERS) or any(
        rid.encode() in body for rid in dropped
    )


def is_plain(body: bytes) -> bool:
    """No comment or processing instruction (beyond the XML declaration) for the parser to drop,
    so a part that needs no scrubbing is kept byte for byte once it has parsed."""
    declared = body.lstrip(b"\xef\xbb\xbf").startswith(b"<?xml")
    return _single_byte(body) and b"<!--" not in body and body.count(b"<?") <= int(declared)


def scrub(root: etree._Element, content_type: str, dropped: frozenset[str]) -> list[str]:
    """Blank identity fields, remove identifying elements and references to dropped parts."""
    scrubbing = _Scrub(content_type, dropped)
    for element in root.iter(etree.Element):
        scrubbing.element(element)
    for element in scrubbing.detached:
        if element is not root:
            scrubbing.found += _detach(element)
    return [text for text in scrubbing.found if text]
