"""Usage figures: page views and downloads per month, without personal data."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from catalog import usage
from catalog.models import UsageCount
from tests import factories
from tests.catalog.test_detail import stored

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


@pytest.fixture(autouse=True)
def _fresh():
    cache.clear()
    usage.recent_totals.forget()


def visit(client, path, agent=FIREFOX, address="203.0.113.7"):
    return client.get(path, HTTP_USER_AGENT=agent, REMOTE_ADDR=address)


def counts(resource, kind="view"):
    return sum(
        UsageCount.objects.filter(resource=resource, kind=kind).values_list("count", flat=True)
    )


def test_a_reader_is_counted_once_a_day_and_each_reader_once(client):
    resource = factories.resource()
    for _ in range(3):
        assert visit(client, resource.get_absolute_url()).status_code == 200
    assert counts(resource) == 1
    visit(client, resource.get_absolute_url(), address="198.51.100.4")
    visit(client, resource.get_absolute_url(), agent=SAFARI)
    assert counts(resource) == 3
    row = UsageCount.objects.get(resource=resource)
    assert row.month == timezone.localdate().replace(day=1) and row.target == ""


def test_the_same_reader_counts_again_the_next_day(client, monkeypatch):
    resource = factories.resource()
    visit(client, resource.get_absolute_url())
    tomorrow = timezone.now() + timedelta(days=1)
    monkeypatch.setattr(usage.timezone, "now", lambda: tomorrow)
    visit(client, resource.get_absolute_url())
    assert counts(resource) == 2


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "curl/8.5.0",
        "python-requests/2.32.3",
    ],
)
def test_crawlers_scripts_and_clients_without_a_user_agent_are_not_counted(client, agent):
    resource = factories.resource()
    visit(client, resource.get_absolute_url(), agent=agent)
    assert counts(resource) == 0


def test_a_client_that_read_robots_txt_is_not_counted_that_day(client):
    resource = factories.resource()
    visit(client, "/robots.txt")
    visit(client, resource.get_absolute_url())
    assert counts(resource) == 0
    visit(client, resource.get_absolute_url(), address="198.51.100.4")
    assert counts(resource) == 1


def test_the_api_and_other_robots_txt_disallowed_paths_are_not_counted(client):
    resource = factories.resource()
    visit(client, f"/api/v1/resources/{resource.slug}/")
    visit(client, f"{resource.get_absolute_url()}cite.ris")
    assert counts(resource) == 0


def test_nothing_personal_is_stored_with_a_count(client):
    resource = factories.resource()
    visit(client, resource.get_absolute_url(), address="203.0.113.99")
    row = UsageCount.objects.values().get(resource=resource)
    assert "203.0.113.99" not in repr(row) and "Firefox" not in repr(row)
    assert set(row) == {"id", "resource_id", "target", "month", "kind", "count"}


def test_downloads_are_counted_per_file_and_month(client):
    resource = factories.resource(files=[stored("a.pdf"), stored("b.pdf")])
    first, second = resource.versions.get().files.order_by("position")
    for f in (first, first, second):
        assert visit(client, f"{resource.get_absolute_url()}files/{f.uuid}/").status_code == 200
    visit(client, f"{resource.get_absolute_url()}files/{first.uuid}/", address="198.51.100.4")
    figures = usage.monthly(resource)
    assert len(figures) == 1
    assert figures[0]["download"] == 3 and figures[0]["view"] == 0
    assert figures[0]["files"] == {"The a.pdf": 2, "The b.pdf": 1}


def test_the_resource_page_shows_its_totals(client):
    resource = factories.resource(files=[stored("a.pdf")])
    file = resource.versions.get().files.get()
    visit(client, f"{resource.get_absolute_url()}files/{file.uuid}/")
    visit(client, resource.get_absolute_url(), address="198.51.100.4")
    # anonymous visitors get the page from the cache (catalog.pagecache) for up to an hour
    cache.clear()
    html = visit(client, resource.get_absolute_url()).content.decode()
    assert "Used: 2 page views · 1 download" in html


def test_a_resource_never_used_shows_no_figures(client):
    resource = factories.resource()
    assert "Used:" not in client.get(resource.get_absolute_url()).content.decode()


# --- the authors' figures -------------------------------------------------------------------


@pytest.fixture
def published():
    owner = factories.user("amara")
    editor = factories.user("eddie", roles=["contributor", "editor"])
    reviewers = [factories.reviewer_user(f"r{n}") for n in range(2)]
    submission = factories.submission_in("published", owner, editor, reviewers)
    return submission, owner, editor, reviewers


def test_the_authors_see_monthly_figures_and_download_them_as_csv(client, published):
    submission, owner, editor, _ = published
    resource = submission.resource
    UsageCount.objects.create(resource=resource, month="2026-10-01", kind="view", count=41)
    UsageCount.objects.create(resource=resource, month="2026-11-01", kind="view", count=7)
    client.force_login(owner)
    page = client.get(submission.get_absolute_url()).content.decode()
    assert "Use of the published resource" in page
    assert "October 2026" in page and "41" in page
    response = client.get(f"/submissions/{submission.uuid}/usage.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        ["month", "kind", "file", "count"],
        ["2026-10", "view", "", "41"],
        ["2026-11", "view", "", "7"],
    ]


def test_the_usage_csv_is_for_authors_and_editors_only(client, published):
    submission, owner, editor, reviewers = published
    path = f"/submissions/{submission.uuid}/usage.csv"
    assert client.get(path).status_code == 302  # to sign in
    for who, status in (
        (factories.user("stranger"), 404),
        (reviewers[0], 404),
        (editor, 200),
        (owner, 200),
    ):
        client.force_login(who)
        assert client.get(path).status_code == status, who.username
    assert client.post(path).status_code == 405


def test_the_usage_csv_of_an_unpublished_submission_is_404(client):
    owner = factories.user("amara")
    submission = factories.draft(owner)
    client.force_login(owner)
    assert client.get(f"/submissions/{submission.uuid}/usage.csv").status_code == 404


def test_a_file_label_that_looks_like_a_formula_is_not_run_by_a_spreadsheet():
    resource = factories.resource(files=[stored("a.pdf")])
    file = resource.versions.get().files.get()
    file.label = '=HYPERLINK("http://evil.example")'
    file.save()
    UsageCount.objects.create(
        resource=resource, target=str(file.uuid), month="2026-10-01", kind="download", count=3
    )
    rows = list(csv.reader(io.StringIO(usage.monthly_csv(resource))))
    assert rows[1] == ["2026-10", "download", '\'=HYPERLINK("http://evil.example")', "3"]


# --- most used ------------------------------------------------------------------------------


def test_the_catalog_can_be_sorted_by_use_in_the_last_year(client):
    quiet = factories.resource("Quiet one")
    busy = factories.resource("Busy one")
    middle = factories.resource("Middle one")
    month = timezone.localdate().replace(day=1)
    UsageCount.objects.create(resource=busy, month=month, kind="view", count=50)
    UsageCount.objects.create(resource=middle, month=month, kind="download", count=5)
    old = (month - timedelta(days=800)).replace(day=1)
    UsageCount.objects.create(resource=quiet, month=old, kind="view", count=999)  # too old
    page = client.get("/catalog/?sort=most-used").content.decode()
    assert page.index("Busy one") < page.index("Middle one") < page.index("Quiet one")
    assert '<option value="most-used" selected' in page
    api = client.get("/api/v1/resources/?sort=most-used").json()
    assert [r["title"] for r in api["results"]] == ["Busy one", "Middle one", "Quiet one"]


def test_downloading_all_materials_counts_as_a_download_of_the_zip(client):
    resource = factories.resource(files=[stored("a.pdf")])
    assert visit(client, f"{resource.get_absolute_url()}materials.zip").status_code == 200
    figures = usage.monthly(resource)
    assert figures[0]["download"] == 1 and figures[0]["files"] == {"All materials (zip)": 1}
