"""Identity fields inside Office XML parts: blanked, removed, or the whole part emptied.

Every function changes a parsed part in place and returns the strings it took out, which
`metadata_text` reports. Attributes are blanked rather than removed where the schema requires
them (a tracked change must keep a `w:author`), so the copy still opens in Office.
"""

from lxml import etree

_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WORD_2012 = "http://schemas.microsoft.com/office/word/2012/wordml"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
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


def local(name) -> str:
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


def _references(element: etree._Element, dropped: frozenset[str]) -> list[str]:
    """Names of the element's attributes that point at a dropped relationship."""
    return [
        name
        for name, value in element.attrib.items()
        if value in dropped
        and (etree.QName(name).namespace in _RELATIONSHIP_NAMESPACES or local(name) == "relid")
    ]


def _is_removed(element: etree._Element, dropped: frozenset[str]) -> bool:
    name = etree.QName(element)
    if name.localname in _REMOVED or (name.localname, name.namespace) == ("person", _WORD_2012):
        return True
    return name.localname not in _KEPT_WITHOUT_REFERENCE and bool(_references(element, dropped))


def _scrub_attributes(element: etree._Element, names: frozenset[str], dropped) -> list[str]:
    found = []
    for name in _references(element, dropped):
        del element.attrib[name]
    for name, value in element.attrib.items():
        qname = etree.QName(name)
        if qname.localname in names and value:
            found.append(value)
            element.set(name, "")
        elif qname.namespace == _WORD and qname.localname.startswith("rsid"):
            del element.attrib[name]
    return found


def scrub(root: etree._Element, content_type: str, dropped: frozenset[str]) -> list[str]:
    """Blank identity fields, remove identifying elements and references to dropped parts."""
    names = _PEOPLE_ATTRIBUTES if lists_people(content_type) else _IDENTITY_ATTRIBUTES
    found = []
    for element in list(root.iter(etree.Element)):
        if element is not root and _is_removed(element, dropped):
            if element.getparent() is not None:
                found += strings(element)
                _remove(element)
            continue
        if local(element) in _IDENTITY_TEXTS and (element.text or len(element)):
            found += strings(element)
            element.text = None
            del element[:]
        found += _scrub_attributes(element, names, dropped)
    return found
