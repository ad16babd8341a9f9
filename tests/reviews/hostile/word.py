"""A Word document with the canary in every hiding place listed in issue 11."""

import io

import docx
from docx.shared import Inches

from tests.reviews.hostile import media, parts
from tests.reviews.hostile.canary import EMAIL, HOME, NAME, ORCID, TEMPLATE, USERNAME
from tests.reviews.hostile.package import CT, MS, REL, Package
from tests.reviews.hostile.workbook import simple_workbook

BODY = "Structural racism shapes access to care."
_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- Word ---------------------------------------------------------------------------------------


def _word_settings(package: Package) -> None:
    """An attached template in the author's folder, document variables and a mail merge."""
    settings = "word/settings.xml"
    template = package.relate(
        settings, f"{REL}/attachedTemplate", f"file:///{TEMPLATE}", external=True
    )
    source = package.relate(
        settings, f"{REL}/mailMergeSource", f"file:///{HOME}\\contacts.xlsx", external=True
    )
    package.insert(
        settings,
        "</w:settings>",
        f'<w:attachedTemplate r:id="{template}"/>'
        '<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:connectString '
        f'w:val="Provider=Microsoft.ACE.OLEDB.12.0;User ID={USERNAME};Data Source={HOME}"/>'
        f'<w:dataSource r:id="{source}"/></w:mailMerge>'
        f'<w:docVars><w:docVar w:name="Reviewer" w:val="{NAME}"/></w:docVars>',
    )


def _word_people(package: Package) -> None:
    people = (
        f'<w15:people xmlns:w15="{_W15}"><w15:person w15:author="{NAME}">'
        f'<w15:presenceInfo w15:providerId="AD" w15:userId="{EMAIL}"/></w15:person></w15:people>'
    )
    package.add(
        "word/document.xml",
        f"{MS}/2011/relationships/people",
        "word/people.xml",
        people,
        f"{CT}.wordprocessingml.people+xml",
    )


def _word_hidden_parts(package: Package) -> None:
    """A glossary of building blocks and an embedded font, both naming the author."""
    glossary = (
        '<w:glossaryDocument xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
        f'main"><w:docParts><w:docPart><w:docPartBody><w:p><w:r><w:t>{NAME}, {EMAIL}</w:t>'
        "</w:r></w:p></w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>"
    )
    package.add(
        "word/document.xml",
        f"{REL}/glossaryDocument",
        "word/glossary/document.xml",
        glossary,
        f"{CT}.wordprocessingml.document.glossary+xml",
    )
    package.put("word/fonts/font1.odttf", parts.OLE, f"{CT}.obfuscatedFont")
    font = package.relate("word/fontTable.xml", f"{REL}/font", "fonts/font1.odttf")
    package.insert(
        "word/fontTable.xml",
        "</w:font>",
        f'<w:embedRegular r:id="{font}" w:fontKey="{parts.GUID}"/>',
    )


def _word_body(package: Package, ids: dict[str, str]) -> None:
    """References from the body: objects, a control, a linked picture, two hyperlinks."""
    objects = "".join(
        f'<w:p><w:r><w:object><o:OLEObject Type="Embed" ProgID="{prog}" ShapeID="_x0000_i10{n}" '
        f'DrawAspect="Icon" ObjectID="_{n}" r:id="{ids[key]}"/></w:object></w:r></w:p>'
        for n, (key, prog) in enumerate((("ole", "Package"), ("workbook", "Excel.Sheet.12")))
    )
    package.insert(
        "word/document.xml",
        "<w:sectPr",
        f"<!-- Drafted by {NAME} --><?zx-editor {USERNAME}?>{objects}"
        f'<w:p><w:r><w:object><w:control r:id="{ids["control"]}" w:name="CommandButton1"/>'
        f'</w:object></w:r></w:p><w:p><w:r><w:pict><v:shape id="zx"><v:imagedata '
        f'r:id="{ids["remote"]}" o:title=""/></v:shape></w:pict></w:r></w:p>'
        f'<w:p><w:hyperlink r:id="{ids["local"]}"><w:r><w:t>My notes</w:t></w:r></w:hyperlink>'
        f'<w:hyperlink r:id="{ids["web"]}"><w:r><w:t>WHO guidance</w:t></w:r></w:hyperlink></w:p>',
    )


def word_bytes() -> bytes:
    """A Word document with the canary in every hiding place listed in issue 11."""
    document = docx.Document()
    paragraph = document.add_paragraph(BODY)
    document.add_comment(paragraph.runs, "Cite this.", NAME, "ZX")
    document.add_picture(io.BytesIO(media.jpeg_everywhere()), width=Inches(1))
    document.core_properties.author = NAME
    document.core_properties.last_modified_by = USERNAME
    document.core_properties.comments = EMAIL
    document.core_properties.identifier = ORCID
    revised = f'<w:ins w:id="901" w:author="{NAME}" w:date="2025-01-01T00:00:00Z"><w:r>'
    revised += f'<w:t> Revised.</w:t></w:r></w:ins><w:del w:id="902" w:author="{USERNAME}">'
    revised += "<w:r><w:delText> Old.</w:delText></w:r></w:del>"
    package = Package(saved(document))
    package.insert("word/document.xml", "</w:p>", revised)
    main = "word/document.xml"
    parts.everywhere(package, main)
    _word_settings(package)
    _word_people(package)
    _word_hidden_parts(package)
    ids = {
        "ole": parts.ole_object(package, main, "word/embeddings/oleObject1.bin"),
        "workbook": parts.embedded_package(
            package,
            main,
            "word/embeddings/Workbook1.xlsx",
            simple_workbook(),
            "spreadsheetml.sheet",
        ),
        "control": parts.active_x(package, main, "word"),
        "remote": package.relate(main, f"{REL}/image", media.REMOTE_PICTURE, external=True),
        "local": package.relate(main, f"{REL}/hyperlink", f"file:///{HOME}\\notes.docx", True),
        "web": package.relate(main, f"{REL}/hyperlink", "https://www.who.int/", external=True),
    }
    _word_body(package, ids)
    parts.macros(package, main, "application/vnd.ms-word.document.macroEnabled.main+xml")
    return package.pack()
