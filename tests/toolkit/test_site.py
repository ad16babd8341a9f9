import re
from unittest import mock

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError
from django.urls import set_script_prefix

from catalog.models import InstructionalMethod, LearnerLevel, License, ResourceType, Topic
from toolkit.middleware import NUL_MESSAGE

pytestmark = pytest.mark.django_db


def test_healthz_reports_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_503_when_the_database_is_down(client):
    with mock.patch("toolkit.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_robots_txt_keeps_crawlers_out_of_private_areas_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /reviews/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_home_page_has_a_search_box_and_a_skip_link(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="search"' in html
    assert 'name="q"' in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert "Residency" in html  # browse by learner level


def test_the_header_links_follow_the_address_prefix_the_site_is_served_under(client):
    set_script_prefix("/toolkit/")  # as the WSGI handler does (the test client does not)
    try:
        html = client.get("/catalog/", SCRIPT_NAME="/toolkit").content.decode()
    finally:
        set_script_prefix("/")
    assert '<a href="/toolkit/catalog/" aria-current="page">Catalog</a>' in html
    assert '<a href="/toolkit/accounts/login/">Sign in</a>' in html
    html = client.get("/catalog/").content.decode()  # the same process, served at the root
    assert '<a href="/catalog/" aria-current="page">Catalog</a>' in html
    assert '<a href="/accounts/login/">Sign in</a>' in html


def test_navigation_shows_each_role_its_own_areas(client, contributor, editor):
    html = client.get("/").content.decode()
    assert "Sign in" in html and "Editor desk" not in html
    client.force_login(contributor)
    html = client.get("/").content.decode()
    assert "My submissions" in html and "Editor desk" not in html and "My reviews" not in html
    client.force_login(editor)
    assert "Editor desk" in client.get("/").content.decode()


def test_api_docs_and_schema_are_served_without_a_cdn(client):
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "swagger-ui" in html
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/learner-levels/" in schema.content


def test_unknown_pages_get_the_site_styled_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/api/v1/submissions/not-a-uuid/", "/api/v1/no-such-thing/", "/api/v2/"]
)
def test_an_unknown_api_address_gets_a_json_404_like_the_api(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_vocabularies_exist_after_migrate():
    assert LearnerLevel.objects.count() == 7
    assert ResourceType.objects.count() == 11
    assert InstructionalMethod.objects.count() == 31
    assert Topic.objects.count() == 23


def test_learner_levels_api_returns_the_migration_content_in_order(client):
    response = client.get("/api/v1/learner-levels/")
    assert response.status_code == 200
    rows = response.json()
    assert [(r["slug"], r["stage"]) for r in rows] == [
        ("ume-preclerkship", "ume"),
        ("ume-clerkship", "ume"),
        ("ume-postclerkship", "ume"),
        ("gme-residency", "gme"),
        ("gme-fellowship", "gme"),
        ("cpd-clinicians", "cpd"),
        ("cpd-faculty", "cpd"),
    ]
    assert rows[3]["name"] == "Residency"
    assert rows[3]["stage_name"] == "Graduate medical education"


def test_resource_types_api_carries_the_lrmi_types(client):
    rows = client.get("/api/v1/resource-types/").json()
    assert len(rows) == 11
    assert {"slug": "case", "lrmi_type": "case study"}.items() <= rows[2].items()


def test_instructional_methods_api_uses_aamc_codes_with_lower_case_slugs(client):
    rows = client.get("/api/v1/instructional-methods/").json()
    assert len(rows) == 31
    assert (rows[21]["code"], rows[21]["slug"], rows[21]["name"]) == (
        "IM022",
        "im022",
        "Role Play/Dramatization",
    )


def test_topics_api_lists_the_health_disparities_themes(client):
    rows = client.get("/api/v1/topics/").json()
    assert len(rows) == 23
    assert rows[0]["slug"] == "structural-racism"
    assert client.get("/api/v1/topics/language-access/").json()["name"] == (
        "Language access and working with interpreters"
    )


def test_licences_and_languages_are_readable_too(client):
    licences = {r["slug"]: r["url"] for r in client.get("/api/v1/licenses/").json()}
    assert licences["CC-BY-4.0"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "all-rights-reserved" in licences
    languages = {r["slug"]: r["name"] for r in client.get("/api/v1/languages/").json()}
    assert languages["es"] == "Español"
    assert len(languages) >= 11


def test_a_licence_is_found_by_its_spdx_identifier_with_dots(client):
    response = client.get("/api/v1/licenses/CC-BY-4.0/")
    assert response.status_code == 200
    assert response.json()["slug"] == "CC-BY-4.0"
    assert client.get("/api/v1/licenses/CC0-1.0/").json()["slug"] == "CC0-1.0"
    assert client.get("/api/v1/licenses/no-such-licence/").status_code == 404


def test_the_schema_lets_licence_identifiers_have_dots(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    slug = schema["components"]["schemas"]["License"]["properties"]["slug"]
    assert re.search(slug.get("pattern", ""), "CC-BY-4.0")


def test_an_admin_can_add_a_licence_whose_spdx_identifier_has_dots():
    License(slug="Apache-2.0", name="Apache 2.0").full_clean()
    with pytest.raises(ValidationError) as caught:
        License(slug="not an id!", name="Nope").full_clean()
    assert caught.value.message_dict["slug"] == [
        "Enter an SPDX identifier: letters, digits, dots and hyphens, such as CC-BY-4.0."
    ]


@pytest.mark.parametrize(
    "path", ["/catalog/a%00b/", "/catalog/a%00b/cite.ris", "/editor/submissions/%00/"]
)
def test_a_nul_character_in_a_page_address_is_a_400_with_a_message(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "The address contains a NUL character (%00)" in response.content.decode()


@pytest.mark.parametrize("path", ["/api/v1/topics/a%00b/", "/api/v1/resources/%00/"])
def test_a_nul_character_in_an_api_address_is_a_400_with_a_message(client, path):
    """PostgreSQL cannot compare text with a NUL: the slug lookups used to fail with a 500."""
    response = client.get(path)
    assert response.status_code == 400
    assert response.json() == {"detail": NUL_MESSAGE}


def test_a_nul_character_in_an_admin_list_filter_is_a_400(client):
    from tests import factories

    boss = factories.user("boss", roles=["admin"], is_staff=True, is_superuser=True)
    client.force_login(boss)
    response = client.get("/admin/reviews/submission/", {"state": "\x00"})
    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode()
    assert client.get("/admin/reviews/submission/", {"state": "draft"}).status_code == 200


def test_a_nul_character_in_a_catalog_search_is_still_dropped_not_refused(client):
    assert client.get("/catalog/", {"q": "inter\x00preters"}).status_code == 200


def test_pages_allow_only_their_own_scripts_and_styles_and_no_framing(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert client.get("/catalog/")["Content-Security-Policy"] == policy
    assert client.get("/no-such-page/")["Content-Security-Policy"] == policy


def test_the_swagger_page_loads_its_set_up_script_from_the_site_under_the_same_policy(client):
    docs = client.get("/api/docs/")
    assert docs["Content-Security-Policy"] == client.get("/")["Content-Security-Policy"]
    html = docs.content.decode()
    assert re.search(r"<script>\s*\S", html) is None  # no inline script
    script_url = re.search(r'<script src="(/api/docs/\?[^"]*script=[^"]*)"', html).group(1)
    script = client.get(script_url.replace("&amp;", "&"))
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in script.content.decode()


def test_vocabularies_are_read_only_through_the_api(client, editor):
    client.force_login(editor)
    response = client.post("/api/v1/topics/", {"slug": "x", "name": "X"})
    assert response.status_code == 405


def test_seed_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="refuses to run with DEBUG off"):
        call_command("seed_demo")


def test_seed_demo_builds_a_real_catalog_and_every_workflow_state_idempotently(client):
    from collections import Counter

    from django.contrib.auth import get_user_model

    from catalog.models import Resource, ResourceType, Topic
    from reviews.models import ReviewAssignment, Submission

    out = open("/dev/null", "w")  # noqa: SIM115
    call_command("seed_demo", "--force", stdout=out)
    counts = (
        Submission.objects.count(),
        Resource.objects.count(),
        ReviewAssignment.objects.count(),
    )
    call_command("seed_demo", "--force", stdout=out)
    assert (
        Submission.objects.count(),
        Resource.objects.count(),
        ReviewAssignment.objects.count(),
    ) == counts
    users = get_user_model().objects.filter(
        username__in=["contributor", "reviewer1", "reviewer2", "reviewer3", "editor", "admin"]
    )
    assert users.count() == 6
    assert users.get(username="editor").role_names == {"contributor", "editor"}
    mine = Counter(
        Submission.objects.filter(owner__username="contributor").values_list("state", flat=True)
    )
    assert set(mine) == {
        "draft",
        "submitted",
        "in_review",
        "revisions_requested",
        "accepted",
        "published",
        "rejected",
        "appealed",  # issue 16 item 7: an appeal in progress
        "withdrawn",
        "retired",
    }
    published = Resource.objects.published()
    assert published.count() >= 40
    assert set(LearnerLevel.objects.values_list("slug", flat=True)) == set(
        published.values_list("levels__slug", flat=True)
    )
    assert set(ResourceType.objects.values_list("slug", flat=True)) == set(
        published.values_list("resource_type__slug", flat=True)
    )
    assert set(Topic.objects.values_list("slug", flat=True)) == set(
        published.values_list("topics__slug", flat=True)
    )
    assert published.filter(versions__number=2).exists()
    for name in ("reviewer1", "reviewer2"):
        states = set(
            ReviewAssignment.objects.filter(reviewer__username=name).values_list("state", flat=True)
        )
        assert {"invited", "accepted", "completed"} <= states, name
        draft = ReviewAssignment.objects.get(reviewer__username=name, state="accepted").review
        assert draft.answers and draft.submitted_at is None
    response = client.post("/accounts/login/", {"username": "editor", "password": "toolkit-demo"})
    assert response.status_code == 302


def test_every_model_of_the_product_is_in_the_admin():
    ours = [
        model
        for app in ("accounts", "catalog", "reviews", "lists")
        for model in apps.get_app_config(app).get_models()
        if not model._meta.auto_created
    ]
    assert ours
    assert [m.__name__ for m in ours if not admin.site.is_registered(m)] == []


def test_admin_lists_load_with_search_for_every_product_model(client):
    from tests import factories

    boss = factories.user("boss", roles=["admin"], is_staff=True, is_superuser=True)
    client.force_login(boss)
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in ("accounts", "catalog", "reviews", "lists"):
            continue
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        query = "?q=a" if model_admin.search_fields else ""
        assert client.get(url + query).status_code == 200, url


def test_every_many_to_many_field_of_the_admin_refuses_a_number_too_large_for_the_database():
    """Django's own field crashed with an OverflowError on SQLite for such a POST (a 500)."""
    from django.db.models import ManyToManyField

    from toolkit.forms import ModelMultipleChoiceField

    checked = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in ("accounts", "catalog", "reviews"):
            continue
        for field in model._meta.get_fields():
            # One through an explicit model (a collection's resources) has no form field:
            # its rows are an inline of their own.
            if isinstance(field, ManyToManyField) and field.remote_field.through._meta.auto_created:
                formfield = model_admin.formfield_for_manytomany(field, None)
                assert isinstance(formfield, ModelMultipleChoiceField), (model, field.name)
                checked.append(field.name)
    assert {"expertise_levels", "learner_levels", "levels", "topics"} <= set(checked)


def test_an_admin_form_with_a_huge_choice_number_answers_with_a_form_error(client):
    from tests import factories

    boss = factories.user("boss", roles=["admin"], is_staff=True, is_superuser=True)
    someone = factories.user("someone")
    client.force_login(boss)
    response = client.post(
        f"/admin/accounts/user/{someone.pk}/change/",
        {
            "username": "someone",
            "email": "someone@example.org",
            "display_name": "Someone",
            "expertise_levels": ["99999999999999999999"],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 200  # the admin shows its form again with the error
    assert "is not a valid value" in response.content.decode()


@pytest.fixture
def superuser_client(client):
    from tests import factories

    boss = factories.user("boss", roles=["admin"], is_staff=True, is_superuser=True)
    client.force_login(boss)
    return client


HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "path",
    [
        "/admin/catalog/topic/1/change/?_to_field=",
        "/admin/catalog/resource/?published_at__year=9999&published_at__month=12",
        f"/admin/catalog/resource/?published_at__year={HUGE}",
        f"/admin/catalog/resource/?resource_type__exact={HUGE}",
        f"/admin/accounts/user/?groups__id__exact=-{HUGE}",
    ],
)
def test_a_hand_edited_admin_address_is_never_a_server_error(superuser_client, path):
    """Django's admin passes these values to the ORM unchecked; they raised a 500."""
    response = superuser_client.get(path)
    assert response.status_code in (200, 302, 400)
    if response.status_code == 400:
        assert "out of range or malformed" in response.content.decode()


@pytest.mark.parametrize("selected", ["abc", "", "1e3", HUGE])
def test_an_admin_action_on_a_malformed_selection_deletes_nothing_and_never_fails(
    superuser_client, selected
):
    count = Topic.objects.count()
    response = superuser_client.post(
        "/admin/catalog/topic/",
        {"action": "delete_selected", "_selected_action": selected, "index": "0"},
    )
    # 400 where the ORM refused the value; Django's own answer (nothing selected) elsewhere
    assert response.status_code in (200, 302, 400)
    assert Topic.objects.count() == count


def test_reviews_are_read_only_in_the_admin(superuser_client):
    from reviews.models import Review
    from tests import factories

    owner, editor = factories.user("owner"), factories.user("ed", roles=["editor"])
    reviewer = factories.reviewer_user("rev")
    _, (assignment,) = factories.in_review(owner, editor, [reviewer])
    factories.review_and_complete(assignment, reviewer)
    review = Review.objects.get(assignment=assignment)
    url = f"/admin/reviews/review/{review.pk}/change/"
    assert superuser_client.get(url).status_code == 200  # shown, without a save button
    response = superuser_client.post(url, {"answers": "NaN", "recommendation": "reject"})
    assert response.status_code == 403
    review.refresh_from_db()
    assert review.recommendation == "accept"


def test_the_admin_never_adds_a_submission_version_even_from_a_tampered_form(superuser_client):
    import lxml.html

    from reviews.models import SubmissionVersion
    from tests import factories

    submission = factories.draft(factories.user("owner"))
    url = f"/admin/reviews/submission/{submission.pk}/change/"
    form = lxml.html.fromstring(superuser_client.get(url).content).forms[-1]
    data = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    data["versions-INITIAL_FORMS"] = ["0"]  # the existing row posted as if it were new
    data["_save"] = ["Save"]
    response = superuser_client.post(url, data)
    assert response.status_code in (200, 302)
    assert SubmissionVersion.objects.filter(submission=submission).count() == 1
