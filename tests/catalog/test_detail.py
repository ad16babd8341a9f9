"""Resource pages: what an instructor needs, versions, tombstones and downloads."""

import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog import services
from catalog.models import InstructionalMethod, Resource
from catalog.records import human_duration, split_name
from catalog.services import PublicFile
from tests import factories

pytestmark = pytest.mark.django_db


def stored(name="guide.pdf", content=b"%PDF-1.7\n% test file\n", content_type="application/pdf"):
    """A PublicFile whose bytes are saved in default storage, as publishing leaves them."""
    path = default_storage.save(f"public/{uuid.uuid4().hex}", ContentFile(content))
    return PublicFile(
        label=f"The {name}",
        file=path,
        download_name=name,
        content_type=content_type,
        size=len(content),
    )


def full_resource(**fields):
    defaults = {
        "levels": ("ume-preclerkship", "ume-clerkship", "gme-residency"),
        "type": "case",
        "topics": ["language-access", "health-literacy"],
        "methods": list(InstructionalMethod.objects.filter(code__in=["IM022", "IM008"])),
        "authors": [
            {
                "name": "Dr. Amara Okafor",
                "affiliation": "Riverside School of Medicine",
                "orcid": "https://orcid.org/0000-0002-1825-0097",
            },
            {"name": "Luis Fernández", "affiliation": "Lakeshore University", "orcid": ""},
        ],
        "summary": "A **role-play** case about working with interpreters.",
        "learning_objectives": "- Brief an interpreter before the visit\n- Speak to the patient",
        "interprofessional": True,
        "time_required_minutes": 90,
        "group_size": "6–12 learners",
        "materials": "Printed *case cards*",
        "facilitator_notes": "Start with a two-minute demonstration.",
        "evaluation": "Piloted with 120 clerkship students.",
        "description": "The long description of the case.",
        "references": "1. Karliner LS. Interpreters and outcomes. 2007.",
        "keywords": "interpreters; teach-back",
    }
    defaults.update(fields)
    title = defaults.pop("title", "Working with medical interpreters")
    return factories.resource(title, **defaults)


def test_detail_page_shows_everything_an_instructor_needs_to_run_it(client):
    resource = full_resource()
    response = client.get(f"/catalog/{resource.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Working with medical interpreters" in html
    assert "Dr. Amara Okafor" in html and "Riverside School of Medicine" in html
    assert 'href="https://orcid.org/0000-0002-1825-0097"' in html
    assert "<strong>role-play</strong>" in html  # summary through the markdown filter
    assert "<li>Brief an interpreter before the visit</li>" in html  # markers stripped
    assert '<abbr title="Undergraduate medical education">UME</abbr>' in html
    assert "Pre-clerkship" in html and "Clerkship" in html and "Residency" in html
    assert "Interprofessional" in html
    assert "Case (paper case" in html
    assert '<time datetime="PT90M">1 h 30 min</time>' in html
    assert "6–12 learners" in html
    assert "Role Play/Dramatization" in html and "IM022" in html and "IM008" in html
    assert "<em>case cards</em>" in html
    assert "two-minute demonstration" in html
    assert "Piloted with 120 clerkship students" in html
    assert "The long description of the case." in html
    assert "Karliner LS" in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html
    assert "CC BY 4.0" in html
    assert "Peer reviewed</span> on <time" in html
    assert f'href="/catalog/{resource.slug}/v1/"' in html
    for fmt in ("ris", "bib", "json"):
        assert f'href="/catalog/{resource.slug}/cite.{fmt}"' in html
    assert "<dl" in html and "<dt>Time required</dt>" in html


def test_the_resource_page_says_peer_reviewed_and_shows_the_licence_once(client):
    resource = full_resource()
    html = client.get(f"/catalog/{resource.slug}/").content.decode()
    body = html[html.index("<main") : html.index("</main>")]
    assert body.count(">Peer reviewed<") == 1
    assert "Peer reviewed on" not in body  # the badge says it; the date follows it
    assert body.count('rel="license"') == 1


def test_markdown_fields_are_sanitized(client):
    resource = full_resource(
        description='Fine <script>alert("x")</script> [link](javascript:alert(1))',
        title="<b>Bold</b> title",
    )
    html = client.get(f"/catalog/{resource.slug}/").content.decode()
    assert '<script>alert("x")' not in html
    assert "javascript:alert" not in html
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt; title" in html


@pytest.mark.parametrize(
    ("minutes", "text"), [(90, "1 h 30 min"), (120, "2 h"), (45, "45 min"), (None, "")]
)
def test_time_required_is_written_for_people(minutes, text):
    assert human_duration(minutes) == text


def test_files_are_listed_with_type_and_size_and_links_stay_links(client):
    resource = full_resource(
        files=[
            stored("guide.pdf"),
            PublicFile(label="Demonstration video", url="https://video.example.org/watch/1"),
        ]
    )
    html = client.get(f"/catalog/{resource.slug}/").content.decode()
    file = resource.versions.get().files.get(url="")
    assert f'href="/catalog/{resource.slug}/files/{file.uuid}/"' in html
    assert "PDF, 21\xa0bytes" in html  # type and human size (filesizeformat)
    assert 'href="https://video.example.org/watch/1"' in html and "External link" in html


def test_related_resources_share_topics_and_levels_most_overlap_first_published_only(client):
    resource = factories.resource(
        "Anchor", topics=["language-access", "health-literacy"], levels=("gme-residency",)
    )
    factories.resource(
        "Close match", topics=["language-access", "health-literacy"], levels=("gme-residency",)
    )
    factories.resource("Loose match", topics=["language-access"], levels=("cpd-faculty",))
    factories.resource("Unrelated", topics=["rural-health"], levels=("cpd-faculty",))
    retired = factories.resource(
        "Retired match", topics=["language-access", "health-literacy"], levels=("gme-residency",)
    )
    services.retire_resource(retired, "Outdated")
    html = client.get(f"/catalog/{resource.slug}/").content.decode()
    related = html.split('id="related-title"')[1]
    assert "Close match" in related and "Loose match" in related
    assert related.index("Close match") < related.index("Loose match")
    assert "Unrelated" not in related and "Retired match" not in related
    assert "Anchor" not in related


def test_at_most_four_related_resources_are_shown(client):
    resource = factories.resource("Anchor")
    for n in range(6):
        factories.resource(f"Sibling {n}")
    html = client.get(f"/catalog/{resource.slug}/").content.decode()
    assert html.split('id="related-title"')[1].count('class="card resource-card"') == 4


def test_detail_page_needs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    resource = full_resource(files=[stored("a.pdf"), stored("b.pdf")])
    for n in range(5):
        factories.resource(f"Sibling {n}", topics=["language-access"])
    client.get("/catalog/")  # builds the facet index (related resources are counted on it)
    # 14 (its competencies included), the collections it is part of, its usage, its published
    # implementation reports, and its id and dates with the generation (the cache's key,
    # looked up first)
    with django_assert_max_num_queries(17):
        assert client.get(f"/catalog/{resource.slug}/").status_code == 200


def test_unknown_slug_is_404(client):
    assert client.get("/catalog/no-such-resource/").status_code == 404
    assert client.get("/catalog/no-such-resource/v1/").status_code == 404
    assert client.get("/catalog/no-such-resource/cite.ris").status_code == 404


def test_detail_page_answers_post_with_405(client):
    resource = factories.resource()
    assert client.post(f"/catalog/{resource.slug}/").status_code == 405


def test_detail_page_has_a_canonical_link_on_the_site_url(client, settings):
    settings.TOOLKIT_SITE_URL = "https://toolkit.example.org"
    resource = factories.resource()
    html = client.get(f"/catalog/{resource.slug}/").content.decode()
    assert (
        f'<link rel="canonical" href="https://toolkit.example.org/catalog/{resource.slug}/">'
        in html
    )


# --- versions ---------------------------------------------------------------


def republish(resource, **fields):
    data = {
        "title": resource.title,
        "resource_type": resource.resource_type,
        "language": resource.language,
        "license": resource.license,
        "levels": list(resource.levels.all()),
        "authors": resource.authors,
        **fields,
    }
    return services.publish_resource(services.Publication(**data), resource=resource)


def test_an_old_version_shows_its_frozen_content_and_points_to_the_current_one(client, settings):
    settings.TOOLKIT_SITE_URL = "https://toolkit.example.org"
    resource = factories.resource("Interpreters, first edition", time_required_minutes=45)
    republish(resource, title="Interpreters, second edition", time_required_minutes=120)
    old = client.get(f"/catalog/{resource.slug}/v1/")
    assert old.status_code == 200
    html = old.content.decode()
    assert "Interpreters, first edition" in html and "45 min" in html
    assert "You are viewing version 1; the current version is 2." in html
    assert f'href="/catalog/{resource.slug}/"' in html
    canonical = f"https://toolkit.example.org/catalog/{resource.slug}/v1/"
    assert f'<link rel="canonical" href="{canonical}">' in html
    current = client.get(f"/catalog/{resource.slug}/").content.decode()
    assert "Interpreters, second edition" in current and "2 h" in current
    assert "You are viewing version" not in current
    assert f'href="/catalog/{resource.slug}/v1/"' in current  # version history


def test_the_current_version_number_also_works_without_a_notice(client):
    resource = factories.resource("Only edition")
    republish(resource, title="Second edition")
    response = client.get(f"/catalog/{resource.slug}/v2/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Second edition" in html and "You are viewing version" not in html


@pytest.mark.parametrize("number", ["3", "0", "99999999999999999999"])
def test_an_unknown_version_is_404(client, number):
    resource = factories.resource()
    republish(resource, title="Second")
    assert client.get(f"/catalog/{resource.slug}/v{number}/").status_code == 404


def test_files_of_an_old_version_stay_downloadable(client):
    resource = factories.resource(files=[stored("first.pdf", b"%PDF first")])
    old_file = resource.versions.get(number=1).files.get()
    republish(resource, files=[stored("second.pdf", b"%PDF second")])
    response = client.get(f"/catalog/{resource.slug}/files/{old_file.uuid}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF first"
    assert "first.pdf" in client.get(f"/catalog/{resource.slug}/v1/").content.decode()
    assert "first.pdf" not in client.get(f"/catalog/{resource.slug}/").content.decode()


# --- tombstones ---------------------------------------------------------------


def test_a_retired_resource_is_a_410_tombstone_with_date_and_reason(client):
    resource = factories.resource("Outdated algorithm teaching", files=[stored()])
    file = resource.versions.get().files.get()
    services.retire_resource(resource, "Superseded by the **2024** guideline.")
    for url in (
        f"/catalog/{resource.slug}/",
        f"/catalog/{resource.slug}/v1/",
        f"/catalog/{resource.slug}/files/{file.uuid}/",
        f"/catalog/{resource.slug}/cite.ris",
    ):
        response = client.get(url)
        assert response.status_code == 410, url
        html = response.content.decode()
        assert "Outdated algorithm teaching" in html
        assert "Superseded by the <strong>2024</strong> guideline." in html
        assert "retired on" in html
        assert 'action="/catalog/"' in html and 'role="search"' in html
        assert "Content-Disposition" not in response


def test_a_tombstone_names_the_authors_gives_the_citation_and_links_the_newer_resources_named(
    client,
):
    newer = factories.resource("Race-conscious kidney function teaching")
    other = factories.resource("Interpreters at the bedside, second edition")
    old = factories.resource("Outdated algorithm teaching")
    services.retire_resource(
        old,
        f"Superseded by “Race-conscious kidney function teaching” and {other.get_absolute_url()}.",
    )
    html = client.get(f"/catalog/{old.slug}/").content.decode()
    names = ", ".join(old.author_names)
    assert names and names in html
    assert 'class="citation"' in html and "Outdated algorithm teaching" in html
    newer_section = html[html.index('id="tombstone-newer"') :]
    assert f'<a href="/catalog/{newer.slug}/">' in newer_section
    assert f'<a href="/catalog/{other.slug}/">' in newer_section


def test_a_tombstone_links_no_resource_when_the_reason_names_none(client):
    factories.resource("Another resource")
    old = factories.resource("Outdated algorithm teaching")
    services.retire_resource(old, "Outdated: the guideline changed.")
    html = client.get(f"/catalog/{old.slug}/").content.decode()
    assert 'id="tombstone-newer"' not in html


def test_an_unknown_version_of_a_retired_resource_is_still_404(client):
    resource = factories.resource()
    services.retire_resource(resource, "Gone")
    assert client.get(f"/catalog/{resource.slug}/v7/").status_code == 404


# --- downloads ---------------------------------------------------------------


def test_a_download_is_an_attachment_with_its_name_type_and_nosniff(client):
    content = b"PK\x03\x04 not really a docx"
    resource = factories.resource(
        files=[
            stored(
                "Session plan.docx",
                content,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
        ]
    )
    file = resource.versions.get().files.get()
    response = client.get(f"/catalog/{resource.slug}/files/{file.uuid}/")
    assert response.status_code == 200
    assert response["Content-Type"] == file.content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and "Session plan.docx" in disposition
    assert b"".join(response.streaming_content) == content


def test_a_file_of_another_resource_is_404(client):
    mine = factories.resource("Mine", files=[stored()])
    other = factories.resource("Other")
    file = mine.versions.get().files.get()
    assert client.get(f"/catalog/{other.slug}/files/{file.uuid}/").status_code == 404
    assert client.get(f"/catalog/{mine.slug}/files/{uuid.uuid4()}/").status_code == 404
    assert client.get(f"/catalog/{mine.slug}/files/not-a-uuid/").status_code == 404


def test_links_and_missing_files_are_not_downloaded(client):
    resource = factories.resource(
        files=[PublicFile(label="Video", url="https://video.example.org/1"), stored()]
    )
    link = resource.versions.get().files.get(file="")
    assert client.get(f"/catalog/{resource.slug}/files/{link.uuid}/").status_code == 404
    stored_file = resource.versions.get().files.exclude(file="").get()
    default_storage.delete(stored_file.file.name)
    assert client.get(f"/catalog/{resource.slug}/files/{stored_file.uuid}/").status_code == 404


def test_name_splitting_for_citations_handles_honorifics_particles_and_suffixes():
    assert split_name("Dr. Amara Okafor") == ("Amara", "Okafor", "")
    assert split_name("Ludwig van Beethoven") == ("Ludwig", "van Beethoven", "")
    assert split_name("García Márquez, María José") == ("María José", "García Márquez", "")
    assert split_name("Martin Luther King, Jr.") == ("Martin Luther", "King", "Jr.")
    assert split_name("UNESCO") == ("", "UNESCO", "")


def test_anonymous_visitors_get_the_cached_page_until_the_resource_changes(
    client, django_assert_num_queries
):
    resource = factories.resource("Working with interpreters", summary="Old words.")
    assert "Old words." in client.get(f"/catalog/{resource.slug}/").content.decode()
    with django_assert_num_queries(1):  # the resource's id and dates, the catalog generation
        assert "Old words." in client.get(f"/catalog/{resource.slug}/").content.decode()
    publication = services.Publication(
        title="Working with interpreters",
        summary="New words.",
        resource_type=resource.resource_type,
        language=resource.language,
        license=resource.license,
        levels=list(resource.levels.all()),
    )
    services.publish_resource(publication, resource)
    html = client.get(f"/catalog/{resource.slug}/").content.decode()
    assert "New words." in html and "Old words." not in html


def test_a_cached_page_is_found_by_one_small_query_without_the_resources_row(client):
    resource = factories.resource("Working with interpreters")
    client.get(f"/catalog/{resource.slug}/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/catalog/{resource.slug}/").status_code == 200
    sql = [q["sql"] for q in queries.captured_queries]
    assert len(sql) == 1  # the resource's id and dates, the catalog generation
    assert not any("JOIN" in s or "attachment_text" in s for s in sql)


def test_a_cached_page_is_not_served_once_the_resource_is_retired_behind_the_services(client):
    resource = factories.resource("Working with interpreters")
    assert client.get(f"/catalog/{resource.slug}/").status_code == 200
    # retired in the database alone: neither updated_at nor the catalog generation change
    Resource.objects.filter(pk=resource.pk).update(retired_at=timezone.now())
    assert client.get(f"/catalog/{resource.slug}/").status_code == 410


def test_a_client_asking_for_json_ld_gets_it_even_when_the_page_is_cached(client):
    resource = factories.resource("Working with interpreters")
    client.get(f"/catalog/{resource.slug}/")
    response = client.get(f"/catalog/{resource.slug}/", HTTP_ACCEPT="application/ld+json")
    assert response["Content-Type"].startswith("application/ld+json")
    assert response.json()["name"] == "Working with interpreters"
    assert "Accept" in response["Vary"]


def test_the_cached_page_varies_with_accept_and_cookie_as_the_rendered_one(client):
    resource = factories.resource("Working with interpreters")
    rendered = client.get(f"/catalog/{resource.slug}/")
    cached = client.get(f"/catalog/{resource.slug}/")
    assert cached.content == rendered.content
    assert cached["Vary"] == rendered["Vary"]
    assert {"Accept", "Cookie"} <= {v.strip() for v in cached["Vary"].split(",")}


def test_a_published_neighbour_shows_up_in_a_cached_pages_related_resources(client):
    resource = factories.resource("Anchor", topics=["language-access"])
    assert 'id="related-title"' not in client.get(f"/catalog/{resource.slug}/").content.decode()
    factories.resource("Neighbour", topics=["language-access"])
    assert "Neighbour" in client.get(f"/catalog/{resource.slug}/").content.decode()


def test_signed_in_visitors_get_the_page_rendered_for_them(client, editor):
    resource = factories.resource("Working with interpreters")
    client.get(f"/catalog/{resource.slug}/")
    client.force_login(editor)
    html = client.get(f"/catalog/{resource.slug}/").content.decode()
    assert "Sign out" in html and "Sign in" not in html
