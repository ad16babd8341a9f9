"""Everything to run it: "Download all materials" (a zip built once per version) and the
printable facilitator sheet."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from catalog import materials, services
from catalog.services import PublicFile
from tests import factories
from tests.catalog.test_detail import full_resource, republish, stored

pytestmark = pytest.mark.django_db


def download(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/zip"
    assert response["X-Content-Type-Options"] == "nosniff"
    return response, zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def bundles(settings):
    return sorted(p.name for p in (Path(settings.MEDIA_ROOT) / "materials").glob("*"))


def test_download_all_materials_zips_the_files_and_a_readme_in_one_folder(client):
    resource = full_resource(
        files=[
            stored("guide.pdf", b"%PDF-1.7 guide"),
            stored("guide.pdf", b"%PDF-1.7 another guide"),
            stored("../../etc/passwd", b"not a path", "text/plain"),
            PublicFile(label="Trigger video", url="https://video.example.org/1"),
        ]
    )
    response, archive = download(client, f"/catalog/{resource.slug}/materials.zip")
    folder = f"{resource.slug}-v1"
    assert f'filename="{resource.slug}-v1-materials.zip"' in response["Content-Disposition"]
    assert sorted(archive.namelist()) == sorted(
        [f"{folder}/README.txt", f"{folder}/guide.pdf", f"{folder}/guide-2.pdf", f"{folder}/passwd"]
    )
    assert archive.read(f"{folder}/guide.pdf") == b"%PDF-1.7 guide"
    assert archive.read(f"{folder}/guide-2.pdf") == b"%PDF-1.7 another guide"
    assert archive.testzip() is None


def test_the_readme_gives_title_authors_licence_citation_and_facilitator_notes(client):
    resource = full_resource(files=[stored("guide.pdf")])
    _, archive = download(client, f"/catalog/{resource.slug}/materials.zip")
    readme = archive.read(f"{resource.slug}-v1/README.txt").decode()
    assert readme.startswith("Working with medical interpreters (version 1)\n")
    assert "- Dr. Amara Okafor, Riverside School of Medicine" in readme
    assert "- Luis Fernández, Lakeshore University" in readme
    assert "Creative Commons Attribution 4.0" in readme
    assert "https://creativecommons.org/licenses/by/4.0/" in readme
    assert "How to cite" in readme and "Okafor, A., & Fernández, L." in readme
    assert "Facilitator notes" in readme and "Start with a two-minute demonstration." in readme
    assert "1. Brief an interpreter before the visit" in readme
    assert "- guide.pdf (The guide.pdf)" in readme
    assert "Printed case cards" in readme  # Markdown becomes plain text
    assert "<" not in readme and "*" not in readme


def test_the_zip_is_built_once_per_version_and_then_served_from_disk(client, settings, monkeypatch):
    resource = factories.resource(files=[stored()])
    download(client, f"/catalog/{resource.slug}/materials.zip")
    assert len(bundles(settings)) == 1

    def fail(*args, **kwargs):
        raise AssertionError("the zip was built again")

    monkeypatch.setattr(materials, "readme", fail)
    download(client, f"/catalog/{resource.slug}/materials.zip")
    assert len(bundles(settings)) == 1


def test_each_version_has_its_own_zip_and_the_old_one_stays_downloadable(client, settings):
    resource = factories.resource(files=[stored("first.pdf", b"%PDF first")])
    republish(resource, files=[stored("second.pdf", b"%PDF second")])
    _, current = download(client, f"/catalog/{resource.slug}/materials.zip")
    _, old = download(client, f"/catalog/{resource.slug}/v1/materials.zip")
    assert current.namelist() == [
        f"{resource.slug}-v2/README.txt",
        f"{resource.slug}-v2/second.pdf",
    ]
    assert old.namelist() == [f"{resource.slug}-v1/README.txt", f"{resource.slug}-v1/first.pdf"]
    assert len(bundles(settings)) == 2


def test_a_file_missing_from_storage_is_left_out_rather_than_failing(client):
    resource = factories.resource(files=[stored("kept.pdf"), stored("lost.pdf")])
    lost = resource.versions.get().files.get(download_name="lost.pdf")
    default_storage.delete(lost.file.name)
    _, archive = download(client, f"/catalog/{resource.slug}/materials.zip")
    assert [n.rsplit("/", 1)[1] for n in archive.namelist()] == ["README.txt", "kept.pdf"]


def test_a_resource_without_files_still_gets_its_readme_and_links(client):
    resource = factories.resource(
        files=[PublicFile(label="Trigger video", url="https://video.example.org/1")]
    )
    _, archive = download(client, f"/catalog/{resource.slug}/materials.zip")
    readme = archive.read(f"{resource.slug}-v1/README.txt").decode()
    assert "- Trigger video: https://video.example.org/1" in readme


def test_materials_of_a_retired_resource_are_gone_and_unknown_ones_404(client):
    resource = factories.resource(files=[stored()])
    services.retire_resource(resource, "Outdated")
    assert client.get(f"/catalog/{resource.slug}/materials.zip").status_code == 410
    assert client.get(f"/catalog/{resource.slug}/facilitator-sheet/").status_code == 410
    assert client.get("/catalog/no-such-thing/materials.zip").status_code == 404
    assert client.get(f"/catalog/{resource.slug}/v9/materials.zip").status_code == 404


def test_materials_and_sheet_answer_only_safe_methods(client):
    resource = factories.resource()
    assert client.post(f"/catalog/{resource.slug}/materials.zip").status_code == 405
    assert client.post(f"/catalog/{resource.slug}/facilitator-sheet/").status_code == 405


def test_the_resource_page_offers_all_materials_and_the_facilitator_sheet(client):
    resource = full_resource(files=[stored("a.pdf"), stored("b.pdf")])
    html = client.get(f"/catalog/{resource.slug}/").content.decode()
    assert f'href="/catalog/{resource.slug}/materials.zip"' in html
    assert "Download all materials" in html and "the 2 files and a README" in html
    assert f'href="/catalog/{resource.slug}/facilitator-sheet/"' in html


def test_the_facilitator_sheet_has_what_a_facilitator_needs_and_nothing_unsafe(client):
    resource = full_resource(
        facilitator_notes="1. Demonstrate.\n2. Role-play <script>alert(1)</script> in threes.",
        evaluation="Ask: *what surprised you?*",
    )
    response = client.get(f"/catalog/{resource.slug}/facilitator-sheet/")
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("Learning objectives", "Preparation and materials", "Steps", "Debrief"):
        assert heading in html
    assert "Brief an interpreter before the visit" in html and "1 h 30 min" in html or "90" in html
    assert "6–12 learners" in html
    assert "<script>alert(1)</script>" not in html
    assert '<meta name="robots" content="noindex">' in html
    assert f'<link rel="canonical" href="http://testserver/catalog/{resource.slug}/">' in html
