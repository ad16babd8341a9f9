"""Peak memory of checking one upload, measured in a fresh worker process (issue 11 item 4).

    python -m tests.bench.upload_memory              # every scenario, one process each
    python -m tests.bench.upload_memory docx-bomb    # one scenario (prints JSON)

Each scenario's file is built by the parent and written to a temporary file. The child sets up
Django, imports everything, resets the kernel's high-water mark of its resident memory
(/proc/self/clear_refs) and runs what `reviews.services.add_file` runs before it touches the
database: validate_upload, read, sanitize, extract_text, identity_flags. It reports the new
high-water mark above the idle process, and how long the work took.
"""

import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time

MB = 2**20
ENV = {
    "DJANGO_SETTINGS_MODULE": "toolkit.settings",
    "DJANGO_DEBUG": "0",
    # Random-looking, as the settings refuse placeholder words in a key with DEBUG off.
    "DJANGO_SECRET_KEY": "bEnCh-9Fq2Lz7Wm4Xr8Tp1Ks6Vd3Hy5Nc0Jg-uAoQeIiRbMtYwZxSlPfDk",
}
BUDGET_MB = 256


def _noise(size: int) -> bytes:
    return random.Random(size).randbytes(size)


def _photo(width: int, height: int) -> bytes:
    from PIL import Image

    image = Image.frombytes("RGB", (width, height), _noise(width * height * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def _big_docx() -> bytes:
    """A 7.9 MB document.xml (just under the XML part limit) and photos up to about 45 MB."""
    from tests.reviews.hostile import bombs
    from tests.reviews.hostile.package import REL, Package

    paragraph = bombs.PARAGRAPH.replace(b"<w:p>", b'<w:p w:rsidR="00A1B2C3">')
    body = paragraph * int(7.9 * MB // len(paragraph))
    package = Package(
        bombs.docx_with_document(
            f"<w:document {bombs._W}><w:body>".encode() + body + b"</w:body></w:document>"
        )
    )
    package.default("jpg", "image/jpeg")
    for number in range(6):
        package.put(f"word/media/photo{number}.jpg", _photo(3000, 2000))
        package.relate("word/document.xml", f"{REL}/image", f"media/photo{number}.jpg")
    return package.pack()


def _big_xlsx() -> bytes:
    """Three sheets of 7.9 MB of XML (the part limit is 8 MB; all XML parts, 24 MB)."""
    from tests.reviews.hostile.package import CT, REL, Package
    from tests.reviews.hostile.workbook import simple_workbook

    rows, size, number = [], 0, 0
    while size < 7.9 * MB:
        number += 1
        rows.append(
            f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>Rate per 1000 in '
            f'cohort {number}</t></is></c><c r="B{number}"><v>{number % 97}</v></c></row>'.encode()
        )
        size += len(rows[-1])
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    sheet += b"".join(rows) + b"</sheetData></worksheet>"
    package = Package(simple_workbook())
    for number in range(2, 4):
        name = f"xl/worksheets/sheet{number}.xml"
        package.put(name, sheet, f"{CT}.spreadsheetml.worksheet+xml")
        rid = package.relate("xl/workbook.xml", f"{REL}/worksheet", f"worksheets/sheet{number}.xml")
        package.insert(
            "xl/workbook.xml",
            "</sheets>",
            f'<sheet xmlns:r="{REL}" name="S{number}" sheetId="{number}" r:id="{rid}"/>',
        )
    package.put("xl/worksheets/sheet1.xml", sheet)
    return package.pack()


def _big_pptx() -> bytes:
    """A slide with a 45 MB video."""
    from tests import samples
    from tests.reviews.hostile import media
    from tests.reviews.hostile.package import REL, Package

    video = media.mp4_bytes()[:-8] + media.box(b"mdat", _noise(45 * MB))
    package = Package(samples.pptx_bytes())
    package.default("mp4", "video/mp4")
    package.put("ppt/media/media1.mp4", video)
    package.relate("ppt/slides/slide1.xml", f"{REL}/video", "../media/media1.mp4")
    return package.pack()


def _big_pdf() -> bytes:
    """200 pages of text and 40 MB of photos."""
    import pikepdf

    from tests import samples

    text = "\n".join(f"Line {n} about structural racism and access to care." for n in range(45))
    with pikepdf.open(io.BytesIO(samples.pdf_bytes(text))) as pdf:
        for _ in range(199):
            pdf.pages.append(pdf.pages[0])
        for number in range(8):
            photo = pdf.make_stream(_photo(2500, 2000))
            photo.stream_dict = pikepdf.Dictionary(
                Type=pikepdf.Name.XObject,
                Subtype=pikepdf.Name.Image,
                Width=2500,
                Height=2000,
                ColorSpace=pikepdf.Name.DeviceRGB,
                BitsPerComponent=8,
                Filter=pikepdf.Name.DCTDecode,
            )
            page = pdf.pages[number]
            page.obj.Resources = pikepdf.Dictionary(
                Font=page.Resources.Font, XObject={"/Im1": photo}
            )
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def _big_png() -> bytes:
    """25 million RGBA pixels (the pixel limit), compressed to a small file."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", (6250, 4000), (200, 40, 40, 255)).save(out, "PNG")
    return out.getvalue()


def _big_mp4() -> bytes:
    from tests.reviews.hostile import media

    return media.mp4_bytes()[:-8] + media.box(b"mdat", _noise(48 * MB))


def _bomb(name, **options):
    def make():
        from tests.reviews.hostile import bombs

        return getattr(bombs, name)(**options)

    return make


SCENARIOS = {
    "docx-bomb": ("docx", _bomb("docx_bomb", inflated_mb=400, crc=True)),
    "pdf-bomb": ("pdf", _bomb("pdf_bomb")),
    "png-bomb": ("png", _bomb("png_bomb")),
    "mp4-boxes": ("mp4", _bomb("mp4_with_boxes")),
    "largest-docx": ("docx", _big_docx),
    "largest-xlsx": ("xlsx", _big_xlsx),
    "largest-pptx": ("pptx", _big_pptx),
    "largest-pdf": ("pdf", _big_pdf),
    "largest-jpg": ("jpg", lambda: _photo(6250, 4000)),
    "largest-png": ("png", _big_png),
    "largest-mp4": ("mp4", _big_mp4),
}


# --- The worker -----------------------------------------------------------------------------


def _status(field: str) -> float:
    """A memory figure of this process from /proc/self/status, in MB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    raise LookupError(field)


def _check(extension: str, path: str) -> dict:
    """What add_file does before the database, on the file at `path`."""
    import shutil

    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import TemporaryUploadedFile

    from reviews import files

    uploaded = TemporaryUploadedFile(f"upload.{extension}", "", os.path.getsize(path), None)
    with open(path, "rb") as source:
        shutil.copyfileobj(source, uploaded)  # as Django streams a large upload to disk
    try:
        facts = files.validate_upload(uploaded)
        uploaded.seek(0)
        data = uploaded.read()
        clean = files.sanitize(data, facts.extension)
        text = files.extract_text(clean, facts.extension)
        flags = files.identity_flags(clean, facts.extension, ["Zebedee Xanthos", "Xanthos"])
        return {"outcome": "accepted", "text": len(text), "flags": len(flags)}
    except ValidationError as error:
        return {"outcome": f"refused ({error.code})", "message": error.messages[0]}
    finally:
        uploaded.close()


def child(extension: str, path: str) -> None:
    import gc

    import django

    django.setup()
    import reviews.files  # noqa: F401 - every library loaded before the idle reading

    gc.collect()
    idle = _status("VmRSS")
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")  # the high-water mark starts again from here
    start = time.perf_counter()
    result = _check(extension, path)
    result |= {
        "idle_mb": round(idle, 1),
        "peak_above_idle_mb": round(_status("VmHWM") - idle, 1),
        "seconds": round(time.perf_counter() - start, 2),
    }
    print(json.dumps(result))


# --- The runner -----------------------------------------------------------------------------


def measure(scenario: str) -> dict:
    """Build the scenario's file here, check it in a fresh process, return its figures."""
    extension, make = SCENARIOS[scenario]
    data = make()
    with tempfile.NamedTemporaryFile(suffix=f".{extension}") as upload:
        upload.write(data)
        upload.flush()
        command = [sys.executable, "-m", "tests.bench.upload_memory", "--child", extension]
        done = subprocess.run(  # noqa: S603 - our own module, with our own arguments
            [*command, upload.name],
            capture_output=True,
            text=True,
            env={**os.environ, **ENV},
            check=True,
        )
    return {"scenario": scenario, "size_mb": round(len(data) / MB, 1)} | json.loads(
        done.stdout.splitlines()[-1]
    )


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        child(*argv[1:])
        return
    for scenario in argv or SCENARIOS:
        figures = measure(scenario)
        print(
            f"{figures['scenario']:14} {figures['size_mb']:6} MB  "
            f"peak +{figures['peak_above_idle_mb']:6} MB  {figures['seconds']:6} s  "
            f"{figures['outcome']}",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
