"""Hiding places every Office package has: properties, custom XML, thumbnails, stray members,
embedded objects and packages, macros and ActiveX controls."""

from tests.reviews.hostile import media
from tests.reviews.hostile.canary import EMAIL, HOME, NAME, ORCID, USERNAME
from tests.reviews.hostile.package import CT, MS, REL, Package, R

_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
GUID = "{11111111-2222-3333-4444-555555555555}"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + f"Package {NAME} {HOME}".encode("utf-16-le")
_VBA = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1Sub AutoOpen(): Shell calc: End Sub " + NAME.encode()


# --- Everywhere in a package --------------------------------------------------------------------


def _core_under_another_name(package: Package) -> None:
    """Core properties moved to meta/zx.xml (found through _rels/.rels); a stale copy stays."""
    core = package.members["docProps/core.xml"]
    package.put("meta/zx.xml", core, "application/vnd.openxmlformats-package.core-properties+xml")
    rels = package.members["_rels/.rels"].decode()
    package.put("_rels/.rels", rels.replace('Target="docProps/core.xml"', 'Target="meta/zx.xml"'))


def _properties(package: Package) -> None:
    """App properties (company, manager, link base, template) and a custom property."""
    app = (
        f"<Company>{NAME}</Company><Manager>{EMAIL}</Manager>"
        f"<HyperlinkBase>{HOME}</HyperlinkBase><Template>{USERNAME}.dotm</Template>"
    )
    package.insert("docProps/app.xml", "</Properties>", app)
    custom = (
        f'<Properties xmlns="{_CUSTOM}" xmlns:vt="{_VT}"><property fmtid="{GUID}" pid="2" '
        f'name="ORCID"><vt:lpwstr>{ORCID}</vt:lpwstr></property></Properties>'
    )
    package.add(
        "", f"{REL}/custom-properties", "docProps/custom.xml", custom, f"{CT}.custom-properties+xml"
    )


def _custom_xml(package: Package, main: str) -> None:
    """A custom XML data item (as SharePoint writes them) with its properties part."""
    item = f"<owner><name>{NAME}</name><mail>{EMAIL}</mail></owner>"
    package.add(
        main, f"{REL}/customXml", "customXml/item9.xml", item, target="/customXml/item9.xml"
    )
    props = (
        '<ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'customXml" ds:itemID="{GUID}"><ds:schemaRefs/></ds:datastoreItem>'
    )
    package.add(
        "customXml/item9.xml",
        f"{REL}/customXmlProps",
        "customXml/itemProps9.xml",
        props,
        f"{CT}.customXmlProperties+xml",
    )


def _thumbnail(package: Package) -> None:
    if "docProps/thumbnail.jpeg" not in package.members:
        package.relate("", f"{_PKG}/metadata/thumbnail", "docProps/thumbnail.jpeg")
        if 'Extension="jpeg"' not in package.members["[Content_Types].xml"].decode():
            package.default("jpeg", "image/jpeg")
    package.members["docProps/thumbnail.jpeg"] = media.jpeg_everywhere()


def everywhere(package: Package, main: str) -> None:
    _core_under_another_name(package)
    _properties(package)
    _custom_xml(package, main)
    _thumbnail(package)
    package.put("secret/unreferenced.xml", f"<note>{NAME}</note>")
    package.comment = f"Zipped by {USERNAME}".encode()


def ole_object(package: Package, source: str, name: str) -> str:
    package.override(name, f"{CT}.oleObject")
    return package.add(source, f"{REL}/oleObject", name, OLE)


def embedded_package(package: Package, source: str, name: str, data: bytes, kind: str) -> str:
    package.override(name, f"{CT}.{kind}")
    return package.add(source, f"{REL}/package", name, data)


def macros(package: Package, main: str, macro_type: str) -> None:
    """A VBA project, with the main part announcing macros as Office writes it."""
    package.retype(main, macro_type)
    name = f"{main.split('/')[0]}/vbaProject.bin"
    package.override(name, "application/vnd.ms-office.vbaProject")
    package.add(main, f"{MS}/2006/relationships/vbaProject", name, _VBA)


def active_x(package: Package, source: str, folder: str) -> str:
    """An ActiveX control and its binary; returns the control's relationship id."""
    package.put(f"{folder}/activeX/activeX1.bin", OLE, "application/vnd.ms-office.activeX")
    binary = package.relate(
        f"{folder}/activeX/activeX1.xml",
        f"{MS}/2006/relationships/activeXControlBinary",
        "activeX1.bin",
    )
    control = (
        f'<ax:ocx xmlns:ax="{MS}/2006/activeX" {R} ax:classid="{GUID}" '
        f'ax:persistence="persistStreamInit" r:id="{binary}">'
        f'<ax:ocxPr ax:name="Caption" ax:value="{NAME}"/></ax:ocx>'
    )
    name = f"{folder}/activeX/activeX1.xml"
    return package.add(
        source, f"{REL}/control", name, control, "application/vnd.ms-office.activeX+xml"
    )
