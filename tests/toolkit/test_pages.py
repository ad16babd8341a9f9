"""The pages that make the publication trustworthy: about, board, policies, guidelines."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from reviews import rubric
from tests import factories
from toolkit.pages.models import PAGES, Page

pytestmark = pytest.mark.django_db

ADDRESSES = {
    "about": "/about/",
    "board": "/about/board/",
    "peer-review": "/about/peer-review/",
    "authors": "/about/authors/",
    "reviewers": "/about/reviewers/",
    "privacy": "/about/privacy/",
    "terms": "/about/terms/",
    "accessibility": "/about/accessibility/",
    "contact": "/about/contact/",
}


def test_every_site_page_has_its_address():
    assert set(ADDRESSES) == set(PAGES)
    assert {page.slug: page.get_absolute_url() for page in Page.objects.all()} == ADDRESSES


@pytest.mark.parametrize(("slug", "path"), ADDRESSES.items())
def test_every_site_page_renders_its_seeded_text_for_anonymous_visitors(client, slug, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    page = Page.objects.get(slug=slug)
    assert f"<h1>{page.title}</h1>" in html
    assert len(page.body_markdown.split()) >= 40  # real text, not a placeholder
    first_words = " ".join(page.body_markdown.split()[:6])
    assert first_words in " ".join(html.split())


@pytest.mark.parametrize("path", ["/", "/catalog/", "/accounts/login/", "/about/terms/"])
def test_the_footer_links_to_every_site_page(client, path):
    html = client.get(path).content.decode()
    footer = re.search(r'<footer class="site-footer">(.*?)</footer>', html, re.S).group(1)
    for address in ADDRESSES.values():
        assert f'href="{address}"' in footer, address


def test_a_script_in_a_page_body_is_not_rendered(client):
    Page.objects.filter(slug="about").update(
        body_markdown='Hello <script>alert("x")</script> <img src=x onerror="alert(1)"> '
        "[link](javascript:alert(1))\n\n## Heading"
    )
    html = client.get("/about/").content.decode()
    assert "<script>alert" not in html and "alert(1)" not in html and "onerror" not in html
    assert "<h2>Heading</h2>" in html


def test_an_admin_edit_shows_on_the_page(client):
    admin_user = factories.user("boss", roles=["admin"], is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    page = Page.objects.get(slug="contact")
    response = client.post(
        f"/admin/pages/page/{page.pk}/change/",
        {"title": "Write to the editors", "body_markdown": "Call **0800 123** on weekdays."},
    )
    assert response.status_code == 302
    client.logout()
    html = client.get("/about/contact/").content.decode()
    assert "<h1>Write to the editors</h1>" in html
    assert "Call <strong>0800 123</strong> on weekdays." in html


def test_admins_cannot_add_or_delete_a_page_whose_address_is_fixed(client):
    admin_user = factories.user("boss", roles=["admin"], is_staff=True, is_superuser=True)
    client.force_login(admin_user)
    page = Page.objects.get(slug="terms")
    assert client.get("/admin/pages/page/add/").status_code == 403
    assert client.get(f"/admin/pages/page/{page.pk}/delete/").status_code == 403


def test_the_board_lists_editors_with_their_affiliation_and_no_one_else(client):
    factories.user(
        "chief",
        roles=["contributor", "editor"],
        display_name="Dr. Rosa Delgado",
        affiliation="Riverside School of Medicine",
        board_title="Editor-in-chief",
    )
    factories.user("assoc", roles=["editor"], display_name="Dr. Sam Lee", affiliation="Hill U")
    factories.user("hidden", roles=["editor"], display_name="Dr. Not Listed", on_board=False)
    factories.user("gone", roles=["editor"], display_name="Dr. Former", is_active=False)
    factories.user("rev", roles=["contributor", "reviewer"], display_name="Rita Reviewer")
    factories.user("author", roles=["contributor"], display_name="Ada Contributor")
    factories.user("boss", roles=["admin"], is_superuser=True, display_name="Site Admin")
    html = client.get("/about/board/").content.decode()
    members = re.search(r'<ul class="board-list.*?</ul>', html, re.S).group(0)
    assert "Dr. Rosa Delgado</strong>, Editor-in-chief" in members
    assert "Riverside School of Medicine" in members
    assert "Dr. Sam Lee</strong>, Editor" in members and "Hill U" in members
    for name in ("Dr. Not Listed", "Dr. Former", "Rita Reviewer", "Ada Contributor", "Site Admin"):
        assert name not in html


def test_the_peer_review_page_shows_every_rubric_criterion_from_the_code(client, settings):
    settings.TOOLKIT_REVIEWS_REQUIRED = 3
    html = client.get("/about/peer-review/").content.decode()
    assert len(rubric.CRITERIA) == 12
    for criterion in rubric.CRITERIA:
        assert f"<strong>{criterion.title}.</strong>" in html
    for _, label in rubric.COMPLIANCE_GATES:
        assert label in html
    assert "at least 3 completed reviews" in html
    assert "double-anonymous" in html.lower()


def test_the_author_guidelines_list_the_licences_files_and_anonymisation_checklist(client):
    from catalog.models import License

    html = client.get("/about/authors/").content.decode()
    for licence in License.objects.all():
        assert licence.name in html
    assert "CC-BY-4.0" in html and "https://creativecommons.org/licenses/by/4.0/" in html
    assert "PDF, Word (.docx)" in html and "50 MB" in html
    assert "Anonymisation checklist" in html


def test_the_contact_page_gives_the_editorial_address(client, settings):
    settings.TOOLKIT_OAI_ADMIN_EMAIL = "editors@toolkit.example.org"
    html = client.get("/about/contact/").content.decode()
    assert 'href="mailto:editors@toolkit.example.org"' in html


def test_site_pages_answer_only_get(client):
    assert client.post("/about/").status_code == 405


def test_the_header_shows_the_logo_and_the_pages_a_favicon(client):
    html = client.get("/").content.decode()
    header = re.search(r'<header class="site-header">(.*?)</header>', html, re.S).group(1)
    assert re.search(
        r'<a class="brand" href="/"><img class="brand__logo" src="[^"]*logo\.svg"', header
    )
    assert re.search(r'<link rel="icon" href="[^"]*favicon\.svg" type="image/svg\+xml">', html)
    assert re.search(r'<link rel="icon" href="[^"]*favicon\.ico"', html)
    logo = Path(finders.find("toolkit/logo.svg")).read_text()
    assert re.search(r'role="img" aria-labelledby="([^"]+)".*<title id="\1">Health', logo, re.S)
    assert Path(finders.find("toolkit/favicon.ico")).read_bytes()[:4] == b"\x00\x00\x01\x00"
