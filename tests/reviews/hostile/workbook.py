"""Excel workbooks with the canary in every hiding place listed in issue 11."""

import io

import openpyxl
from openpyxl.comments import Comment

from tests.reviews.hostile import parts
from tests.reviews.hostile.canary import EMAIL, HOME, NAME, USERNAME
from tests.reviews.hostile.package import CT, MS, REL, Package, R

_X = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_AC = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"
_XR = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision"
_WORKBOOK = "xl/workbook.xml"
_SHEET = "xl/worksheets/sheet1.xml"


def simple_workbook() -> bytes:
    """A workbook whose properties and comment name the canary (embedded in other files)."""
    workbook = openpyxl.Workbook()
    workbook.active["A1"], workbook.active["B1"] = "Rate", 42
    workbook.active["A1"].comment = Comment("Cite this.", NAME)
    workbook.properties.creator = NAME
    workbook.properties.lastModifiedBy = USERNAME
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _workbook_settings(package: Package) -> None:
    """The sharing user, the folder it was saved in (absPath) and the cloud revision pointer."""
    package.insert(
        _WORKBOOK,
        "<bookViews>",
        f'<fileSharing userName="{NAME}"/><mc:AlternateContent xmlns:mc="{_MC}">'
        f'<mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="{_AC}" url="{HOME}\\"/>'
        f'</mc:Choice></mc:AlternateContent><xr:revisionPtr xmlns:xr="{_XR}" '
        f'revIDLastSave="0" documentId="13_ncr:1_{{{USERNAME}}}"/>',
    )


def _pivot_cache(package: Package) -> str:
    records = package.relate(
        "xl/pivotCache/pivotCacheDefinition1.xml",
        f"{REL}/pivotCacheRecords",
        "pivotCacheRecords1.xml",
    )
    package.put(
        "xl/pivotCache/pivotCacheRecords1.xml",
        f'<pivotCacheRecords xmlns="{_X}" count="0"/>',
        f"{CT}.spreadsheetml.pivotCacheRecords+xml",
    )
    definition = (
        f'<pivotCacheDefinition xmlns="{_X}" {R} r:id="{records}" refreshedBy="{NAME}" '
        'refreshedDate="45000" recordCount="0"><cacheSource type="worksheet"><worksheetSource '
        'ref="A1:B1" sheet="Sheet"/></cacheSource><cacheFields count="1"><cacheField '
        'name="Rate" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>'
    )
    return package.add(
        _WORKBOOK,
        f"{REL}/pivotCacheDefinition",
        "xl/pivotCache/pivotCacheDefinition1.xml",
        definition,
        f"{CT}.spreadsheetml.pivotCacheDefinition+xml",
    )


def _people(package: Package) -> str:
    """Threaded-comment people and the shared workbook's revision log of user names."""
    persons = (
        f'<personList xmlns="{MS}/spreadsheetml/2018/threadedcomments"><person '
        f'displayName="{NAME}" id="{parts.GUID}" userId="{EMAIL}" providerId="AD"/></personList>'
    )
    package.add(
        _WORKBOOK,
        f"{MS}/2017/10/relationships/person",
        "xl/persons/person.xml",
        persons,
        "application/vnd.ms-excel.person+xml",
    )
    package.add(
        "xl/revisions/revisionHeaders.xml",
        f"{REL}/usernames",
        "xl/revisions/userNames.xml",
        f'<users xmlns="{_X}" count="1"><userInfo guid="{parts.GUID}" name="{NAME}" id="1" '
        'dateTime="2025-01-01T00:00:00"/></users>',
        f"{CT}.spreadsheetml.userNames+xml",
    )
    headers = (
        f'<headers xmlns="{_X}" guid="{parts.GUID}"><header guid="{parts.GUID}" '
        f'dateTime="2025-01-01T00:00:00" maxSheetId="2" userName="{NAME}"/></headers>'
    )
    return package.add(
        _WORKBOOK,
        f"{REL}/revisionHeaders",
        "xl/revisions/revisionHeaders.xml",
        headers,
        f"{CT}.spreadsheetml.revisionHeaders+xml",
    )


def _outside(package: Package) -> str:
    """Printer settings naming the author's PC, a linked workbook, a data connection."""
    package.default("bin", f"{CT}.spreadsheetml.printerSettings")
    printer = package.add(
        _SHEET,
        f"{REL}/printerSettings",
        "xl/printerSettings/printerSettings1.bin",
        f"\\\\{USERNAME.upper()}-PC\\HP LaserJet".encode("utf-16-le"),
    )
    package.insert(
        _SHEET, "</worksheet>", f'<pageSetup {R} orientation="landscape" r:id="{printer}"/>'
    )
    path = package.relate(
        "xl/externalLinks/externalLink1.xml",
        f"{REL}/externalLinkPath",
        f"file:///{HOME}\\Budget.xlsx",
        external=True,
    )
    link = package.add(
        _WORKBOOK,
        f"{REL}/externalLink",
        "xl/externalLinks/externalLink1.xml",
        f'<externalLink xmlns="{_X}" {R}><externalBook r:id="{path}"><sheetNames>'
        '<sheetName val="Budget"/></sheetNames></externalBook></externalLink>',
        f"{CT}.spreadsheetml.externalLink+xml",
    )
    package.add(
        _WORKBOOK,
        f"{REL}/connections",
        "xl/connections.xml",
        f'<connections xmlns="{_X}"><connection id="1" name="Query" type="1" '
        f'odcFile="{HOME}\\My Data Sources\\query.odc"><dbPr connection="Provider=SQLOLEDB;'
        f'User ID={USERNAME};Data Source=SRV" command="select 1"/></connection></connections>',
        f"{CT}.spreadsheetml.connections+xml",
    )
    return link


def _macro_sheet(package: Package) -> str:
    sheet = (
        f'<xm:macrosheet xmlns="{_X}" xmlns:xm="{MS}/excel/2006/main"><sheetData><row r="1">'
        f'<c r="A1" t="str"><f>EXEC("calc")</f><v>{NAME}</v></c></row></sheetData>'
        "</xm:macrosheet>"
    )
    return package.add(
        _WORKBOOK,
        f"{MS}/2006/relationships/xlMacrosheet",
        "xl/macrosheets/sheet2.xml",
        sheet,
        "application/vnd.ms-excel.macrosheet+xml",
    )


def workbook_bytes() -> bytes:
    """A workbook with the canary in every hiding place listed in issue 11."""
    package = Package(simple_workbook())
    parts.everywhere(package, _WORKBOOK)
    _workbook_settings(package)
    pivot, link = _pivot_cache(package), _outside(package)
    _people(package)
    macro = _macro_sheet(package)
    package.insert(
        _WORKBOOK,
        "</sheets>",
        f'<sheet {R} name="Macro1" sheetId="2" r:id="{macro}"/>',
    )
    package.insert(
        _WORKBOOK,
        "</workbook>",
        f'<externalReferences {R}><externalReference r:id="{link}"/></externalReferences>'
        f'<pivotCaches {R}><pivotCache cacheId="1" r:id="{pivot}"/></pivotCaches>',
    )
    parts.macros(package, _WORKBOOK, "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    return package.pack()
