"""Contributor pages (/submissions/): the ladder, the wizard, the submission page, anonymity."""

import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from catalog.models import Language, LearnerLevel, License, ResourceType, Topic
from reviews import services
from reviews.models import Submission, SubmissionFile
from tests import factories, samples
from tests.canaries import REVIEWER_CANARIES, assert_absent

pytestmark = pytest.mark.django_db

STEPS = ("about", "learners", "materials", "declarations", "review")
POST_ACTIONS = ("submit", "resubmit", "withdraw", "delete", "new-version", "files/add", "links/add")


@pytest.fixture
def owner(contributor):
    return contributor


def login(client, user):
    client.force_login(user)
    return client


def reload(submission):
    return Submission.objects.get(pk=submission.pk)


def text(response) -> str:
    return html.unescape(response.content.decode())


def page_urls(submission) -> list[str]:
    base = f"/submissions/{submission.uuid}/"
    return [base] + [f"{base}edit/{step}/" for step in STEPS]


def post_urls(submission) -> list[str]:
    base = f"/submissions/{submission.uuid}/"
    item = submission.current_version.files.first()
    return [f"{base}{action}/" for action in POST_ACTIONS] + [
        f"{base}files/{item.uuid}/remove/",
        f"{base}edit/about/",
    ]


def about_data(go="next", authors=None, initial=1, **fields):
    """Step 1 as the browser posts it: the metadata and the byline formset, whose first
    `initial` rows were shown filled in (the owner on a new submission)."""
    data = {
        "title": "Briefing interpreters on the wards",
        "summary": "Residents practise briefing a medical interpreter.",
        "learning_objectives": "Brief an interpreter\nUse first-person speech",
        "description": "Language barriers harm patients.",
        "keywords": "interpreters, language access",
        "references": "Karliner LS et al. 2007.",
        "go": go,
    }
    data.update(fields)
    rows = authors if authors is not None else [{"name": "Ada Contributor"}]
    data.update(
        {
            "authors-TOTAL_FORMS": str(len(rows)),
            "authors-INITIAL_FORMS": str(initial),
            "authors-MIN_NUM_FORMS": "0",
            "authors-MAX_NUM_FORMS": "1000",
        }
    )
    for i, row in enumerate(rows):
        for name in ("name", "email", "affiliation", "orcid"):
            data[f"authors-{i}-{name}"] = row.get(name, "")
    return data


def learners_data(go="next", **fields):
    data = {
        "resource_type": ResourceType.objects.get(slug="case").pk,
        "learner_levels": [
            LearnerLevel.objects.get(slug=slug).pk for slug in ("ume-clerkship", "cpd-faculty")
        ],
        "interprofessional": "on",
        "topics": [Topic.objects.get(slug="language-access").pk],
        "methods": [],
        "language": Language.objects.get(slug="en").pk,
        "time_required_minutes": "75",
        "group_size": "8 to 10 learners",
        "materials": "A room and two chairs",
        "facilitator_notes": "Debrief for ten minutes.",
        "evaluation": "Run with 120 residents.",
        "go": go,
    }
    data.update(fields)
    return data


def declarations_data(go="next", **fields):
    data = {
        "license": License.objects.get(slug="CC-BY-4.0").pk,
        "rights_confirmed": "on",
        "privacy_confirmed": "on",
        "coi_statement": "None.",
        "acknowledgements": "Thanks to the interpreter services team.",
        "go": go,
    }
    data.update(fields)
    return data


def upload(name, data, label=""):
    return {"upload-file": SimpleUploadedFile(name, data), "upload-label": label}


# --- the permission ladder ---------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in_from_every_page_and_action(client, owner):
    submission = factories.draft(owner)
    for url in ["/submissions/", "/submissions/new/", *page_urls(submission)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next="), url
    for url in ["/submissions/new/", *post_urls(submission)]:
        response = client.post(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/"), url
    assert reload(submission).state == "draft"


@pytest.mark.parametrize("state", ["draft", "submitted", "revisions_requested"])
def test_outsiders_get_404_on_every_page_and_action(
    client, owner, editor, outsider, reviewers, state
):
    submission = factories.submission_in(state, owner, editor, reviewers)
    login(client, outsider)
    for url in page_urls(submission):
        assert client.get(url).status_code == 404, url
    for url in post_urls(submission):
        assert client.post(url, {"reason": "x", "response_letter": "x"}).status_code == 404, url
    assert client.get("/submissions/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert submission.title not in text(client.get("/submissions/"))
    assert reload(submission).state == submission.state


def test_an_editor_cannot_see_someone_elses_draft(client, owner, editor):
    submission = factories.draft(owner)
    login(client, editor)
    for url in page_urls(submission) + post_urls(submission):
        method = (
            client.get if "edit/" in url or url.endswith(f"{submission.uuid}/") else client.post
        )
        assert method(url).status_code == 404, url


def test_an_editor_is_sent_to_the_editor_desk_and_may_not_act_as_the_author(
    client, owner, editor, reviewers
):
    submission = factories.submission_in("revisions_requested", owner, editor, reviewers)
    login(client, editor)
    response = client.get(f"/submissions/{submission.uuid}/")
    assert response.status_code == 302
    assert response["Location"] == f"/editor/submissions/{submission.uuid}/"
    for step in STEPS:
        assert client.get(f"/submissions/{submission.uuid}/edit/{step}/").status_code == 403
    data = {"reason": "Mine now", "response_letter": "Done", "url": "https://example.org/"}
    for url in post_urls(submission):
        assert client.post(url, data).status_code == 403, url
    after = reload(submission)
    assert after.state == "revisions_requested"
    assert after.title == submission.title


def test_a_reviewer_of_the_submission_gets_403_on_the_authors_pages(
    client, owner, editor, reviewers
):
    submission, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    login(client, reviewers[0])
    assert client.get(f"/submissions/{submission.uuid}/").status_code == 403
    assert client.get(f"/submissions/{submission.uuid}/edit/about/").status_code == 403
    response = client.post(f"/submissions/{submission.uuid}/withdraw/", {"reason": "Bye"})
    assert response.status_code == 403
    assert "Not allowed" in text(response)
    assert reload(submission).state == "in_review"


def test_get_on_every_post_only_url_is_405(client, owner):
    submission = factories.draft(owner)
    login(client, owner)
    for url in post_urls(submission)[:-1]:
        assert client.get(url).status_code == 405, url
    for step in ("materials", "review"):
        assert client.post(f"/submissions/{submission.uuid}/edit/{step}/").status_code == 405


def test_an_unknown_step_is_404(client, owner):
    submission = factories.draft(owner)
    login(client, owner)
    assert client.get(f"/submissions/{submission.uuid}/edit/payment/").status_code == 404


# --- happy paths: a redirect and a message --------------------------------------------------


def test_each_draft_action_redirects_with_a_message(client, owner):
    login(client, owner)
    response = client.post("/submissions/new/", about_data(), follow=True)
    submission = Submission.objects.get(owner=owner)
    assert response.redirect_chain == [(f"/submissions/{submission.uuid}/edit/learners/", 302)]
    assert "Draft saved." in text(response)
    base = f"/submissions/{submission.uuid}/"

    response = client.post(f"{base}edit/learners/", learners_data(go="stay"), follow=True)
    assert response.redirect_chain == [(f"{base}edit/learners/", 302)]
    assert "Draft saved." in text(response)

    pdf = samples.pdf_bytes(text="Facilitator guide")
    response = client.post(f"{base}files/add/", upload("guide.pdf", pdf, "Guide"), follow=True)
    assert response.redirect_chain == [(f"{base}edit/materials/", 302)]
    assert "Added “Guide”." in text(response)

    response = client.post(
        f"{base}links/add/",
        {"link-url": "https://video.example.org/v", "link-label": "Video"},
        follow=True,
    )
    assert response.redirect_chain == [(f"{base}edit/materials/", 302)]
    assert "Added the link “Video”." in text(response)

    link = SubmissionFile.objects.get(url="https://video.example.org/v")
    response = client.post(f"{base}files/{link.uuid}/remove/", follow=True)
    assert response.redirect_chain == [(f"{base}edit/materials/", 302)]
    assert "Removed “Video”." in text(response)
    assert not SubmissionFile.objects.filter(pk=link.pk).exists()

    response = client.post(f"{base}edit/declarations/", declarations_data(), follow=True)
    assert response.redirect_chain == [(f"{base}edit/review/", 302)]

    response = client.post(f"{base}submit/", follow=True)
    assert response.redirect_chain == [(base, 302)]
    assert "Submitted." in text(response)
    assert reload(submission).state == "submitted"


def test_withdraw_delete_and_new_version_redirect_with_a_message(client, owner, editor, reviewers):
    login(client, owner)
    submitted = factories.submission_in("submitted", owner, editor, reviewers)
    response = client.post(
        f"/submissions/{submitted.uuid}/withdraw/", {"withdraw-reason": "Reworking it"}, follow=True
    )
    assert "Withdrawn. The editors have been told." in text(response)
    assert reload(submitted).state == "withdrawn"

    draft = factories.draft(owner, title="Throwaway draft")
    response = client.post(f"/submissions/{draft.uuid}/delete/", follow=True)
    assert response.redirect_chain == [("/submissions/", 302)]
    assert "Deleted the draft “Throwaway draft”." in text(response)
    assert not Submission.objects.filter(pk=draft.pk).exists()

    published = factories.submission_in("published", owner, editor, reviewers)
    response = client.post(f"/submissions/{published.uuid}/new-version/", follow=True)
    new = Submission.objects.get(owner=owner, state="draft")
    assert response.redirect_chain == [(f"/submissions/{new.uuid}/edit/about/", 302)]
    assert "A new version was started as a draft" in text(response)
    assert new.resource_id == published.resource_id
    assert new.title == published.title
    assert new.current_version.files.count() == published.current_version.files.count()


def test_a_wrong_state_shows_the_page_again_with_the_reason_and_409(
    client, owner, editor, reviewers
):
    submission = factories.submission_in("submitted", owner, editor, reviewers)
    login(client, owner)
    response = client.post(f"/submissions/{submission.uuid}/delete/")
    assert response.status_code == 409
    assert "can be changed only as a draft" in text(response)
    assert "<h1>" in text(response) and submission.title in text(response)
    response = client.post(f"/submissions/{submission.uuid}/submit/")
    assert response.status_code == 409
    assert "Cannot submit when the state is “Submitted”." in text(response)
    response = client.post(f"/submissions/{submission.uuid}/edit/about/", about_data())
    assert response.status_code == 409
    assert reload(submission).title == submission.title


# --- the list ------------------------------------------------------------------------------


def test_my_submissions_are_grouped_by_state_with_what_each_needs_from_me(
    client, owner, editor, reviewers, outsider
):
    made = {
        state: factories.submission_in(state, owner, editor, reviewers)
        for state in ("draft", "submitted", "revisions_requested", "published", "withdrawn")
    }
    factories.draft(outsider, title="Somebody else's draft")
    login(client, owner)
    page = text(client.get("/submissions/"))
    assert '<a class="button" href="/submissions/new/">Start a new submission</a>' in page
    assert "Somebody else's draft" not in page
    headings = re.findall(r'<h2 id="([a-z-]+)">', page)
    assert headings == ["drafts", "revisions", "with-editors", "decided", "closed"]
    draft, revising = made["draft"], made["revisions_requested"]
    assert f'href="/submissions/{draft.uuid}/edit/review/">Finish and submit' in page
    assert f'href="/submissions/{revising.uuid}/edit/about/">Revise and resubmit' in page
    assert "Nothing to do — with the editors" in page
    assert "Closed — withdrawn" in page
    assert f'href="{made["published"].resource.get_absolute_url()}">View in the catalog' in page
    for submission in made.values():
        assert f'href="/submissions/{submission.uuid}/"' in page
    assert "Updated <time" in page


def test_an_empty_list_invites_a_first_submission(client, owner):
    page = text(login(client, owner).get("/submissions/"))
    assert "Nothing here yet" in page
    assert 'href="/submissions/new/"' in page


# --- the wizard ----------------------------------------------------------------------------


def test_a_new_submission_starts_with_the_owner_as_first_author_and_locked_steps(client, owner):
    page = text(login(client, owner).get("/submissions/new/"))
    assert 'name="authors-0-name" value="Ada Contributor"' in page
    assert 'name="authors-0-email" value="contributor@example.org"' in page
    assert 'name="authors-1-name"' in page  # an empty row to add an author
    steps = re.search(r'<nav aria-label="Steps".*?</nav>', page, re.S).group(0)
    assert re.findall(r'href="([^"]+)"', steps) == ["/submissions/new/"]
    assert 'aria-current="step"' in steps
    assert not Submission.objects.exists()


def test_the_first_save_creates_the_draft_with_its_authors(client, owner):
    login(client, owner)
    authors = [
        {"name": "Ada Contributor", "email": "contributor@example.org"},
        {"name": "Bea Coauthor", "affiliation": "Hillside", "orcid": "0000-0002-1825-0097"},
        {},
    ]
    response = client.post("/submissions/new/", about_data(go="stay", authors=authors))
    submission = Submission.objects.get(owner=owner)
    assert response.status_code == 302
    assert response["Location"] == f"/submissions/{submission.uuid}/edit/about/"
    assert submission.state == "draft"
    assert submission.title == "Briefing interpreters on the wards"
    assert list(submission.authors.values_list("name", "orcid")) == [
        ("Ada Contributor", ""),
        ("Bea Coauthor", "0000-0002-1825-0097"),
    ]
    assert submission.authors.get(position=1).user == owner


def test_coming_back_later_saves_what_was_typed_on_the_step_then_leaves(client, owner):
    login(client, owner)
    client.post("/submissions/new/", about_data())
    submission = Submission.objects.get(owner=owner)
    page = text(client.get(f"/submissions/{submission.uuid}/edit/learners/"))
    assert re.search(r'<button[^>]*name="go" value="leave"[^>]*>Save and come back later', page)
    assert "data-warn-unsaved" in page and "toolkit/wizard" in page
    response = client.post(
        f"/submissions/{submission.uuid}/edit/learners/",
        learners_data(go="leave", time_required_minutes="45", resource_type=""),
    )
    assert response.status_code == 302
    assert response["Location"] == f"/submissions/{submission.uuid}/"
    assert reload(submission).time_required_minutes == 45


def test_coming_back_later_from_a_new_submission_saves_the_draft_and_opens_it(client, owner):
    login(client, owner)
    response = client.post("/submissions/new/", about_data(go="leave", summary=""))
    submission = Submission.objects.get(owner=owner)
    assert response["Location"] == f"/submissions/{submission.uuid}/"
    assert submission.title == "Briefing interpreters on the wards"


def test_a_draft_survives_leaving_and_returning(client, owner):
    login(client, owner)
    client.post("/submissions/new/", about_data())
    submission = Submission.objects.get(owner=owner)
    client.post(f"/submissions/{submission.uuid}/edit/learners/", learners_data())
    client.get("/catalog/")
    client.logout()
    login(client, owner)
    assert "Briefing interpreters on the wards" in text(client.get("/submissions/"))
    about = text(client.get(f"/submissions/{submission.uuid}/edit/about/"))
    assert 'value="Briefing interpreters on the wards"' in about
    assert "Use first-person speech" in about
    assert 'name="authors-0-name" value="Ada Contributor"' in about
    learners = text(client.get(f"/submissions/{submission.uuid}/edit/learners/"))
    assert 'value="75"' in learners
    assert "Debrief for ten minutes." in learners
    for slug in ("ume-clerkship", "cpd-faculty"):
        pk = LearnerLevel.objects.get(slug=slug).pk
        assert re.search(rf'value="{pk}"[^>]*checked', learners), slug
    assert re.search(r'name="interprofessional"[^>]*checked', learners)


def test_a_validation_error_keeps_every_typed_value_with_status_400(client, owner):
    login(client, owner)
    typed = about_data(
        title="T" * 301,
        authors=[
            {"name": "Ada Contributor", "affiliation": "Hillside University"},
            {"name": "", "email": "bea@example.org", "orcid": "1234"},
        ],
    )
    response = client.post("/submissions/new/", typed)
    assert response.status_code == 400
    page = text(response)
    assert not Submission.objects.exists()
    for value in (
        "T" * 301,
        "Residents practise briefing a medical interpreter.",
        "Use first-person speech",
        "Language barriers harm patients.",
        "interpreters, language access",
        "Karliner LS et al. 2007.",
        'value="Hillside University"',
        'value="bea@example.org"',
        'value="1234"',
    ):
        assert value in page, value
    summary = re.search(r'<div class="error-summary".*?</div>', page, re.S).group(0)
    assert 'href="#id_title"' in summary
    assert 'href="#id_authors-1-name"' in summary and "Each author needs a name." in summary
    assert 'href="#id_authors-1-orcid"' in summary
    assert re.search(
        r'id="id_title"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="id_title"', page
    )

    client.post("/submissions/new/", about_data())
    submission = Submission.objects.get(owner=owner)
    typed = learners_data(time_required_minutes="about an hour", group_size="G" * 101)
    response = client.post(f"/submissions/{submission.uuid}/edit/learners/", typed)
    assert response.status_code == 400
    page = text(response)
    assert 'value="about an hour"' in page
    assert "G" * 101 in page
    assert "Debrief for ten minutes." in page and "Run with 120 residents." in page
    for pk in typed["learner_levels"] + typed["topics"]:
        assert re.search(rf'value="{pk}"[^>]*checked', page), pk
    assert re.search(rf'<option value="{typed["resource_type"]}" selected', page)
    assert reload(submission).time_required_minutes is None


@pytest.mark.parametrize("field", ["learner_levels", "topics", "methods"])
def test_a_term_number_too_large_for_the_database_is_a_400_not_a_500(client, owner, field):
    """Django guards pk= but not pk__in= against overflow: SQLite used to raise OverflowError."""
    login(client, owner)
    client.post("/submissions/new/", about_data())
    submission = Submission.objects.get(owner=owner)
    typed = learners_data(**{field: ["99999999999999999999"]})
    response = client.post(f"/submissions/{submission.uuid}/edit/learners/", typed)
    assert response.status_code == 400
    assert "“99999999999999999999” is not a valid value." in text(response)


def test_removing_every_author_is_refused_and_keeps_the_row(client, owner):
    login(client, owner)
    client.post("/submissions/new/", about_data())
    submission = Submission.objects.get(owner=owner)
    data = about_data(authors=[{"name": "Ada Contributor"}])
    data["authors-0-DELETE"] = "on"
    response = client.post(f"/submissions/{submission.uuid}/edit/about/", data)
    assert response.status_code == 400
    assert "List at least one author." in text(response)
    assert submission.authors.count() == 1


def test_an_author_e_mail_longer_than_the_database_holds_is_refused_next_to_the_field(
    client, owner
):
    """A valid 260-character address passed Django's check and failed on PostgreSQL (a 500)."""
    login(client, owner)
    long_email = "a" * 64 + "@" + ("b" * 63 + ".") * 3 + "org"
    response = client.post(
        "/submissions/new/",
        about_data(authors=[{"name": "Ada Contributor", "email": long_email}]),
    )
    assert response.status_code == 400
    assert "Ensure this value has at most 254 characters" in text(response)
    assert long_email in response.content.decode()
    assert not Submission.objects.filter(owner=owner).exists()


def test_a_refused_upload_shows_the_reason_and_keeps_typed_fields_and_uploaded_files(client, owner):
    login(client, owner)
    client.post("/submissions/new/", about_data())
    submission = Submission.objects.get(owner=owner)
    base = f"/submissions/{submission.uuid}/"
    client.post(f"{base}files/add/", upload("guide.pdf", samples.pdf_bytes(), "Facilitator guide"))
    response = client.post(
        f"{base}files/add/", upload("handout.pdf", samples.exe_bytes(), "Learner handout")
    )
    assert response.status_code == 400
    page = text(response)
    field = re.search(r'<div class="field field--error">.*?</div>', page, re.S).group(0)
    assert 'id="id_upload-file_error"' in field and "handout.pdf" in field
    assert 'href="#id_upload-file"' in page  # the error summary links to the file field
    assert 'value="Learner handout"' in page
    assert "Facilitator guide" in page and "guide.pdf" in page
    assert [f.label for f in submission.current_version.files.all()] == ["Facilitator guide"]
    assert 'name="link-url"' in page
    assert reload(submission).title == "Briefing interpreters on the wards"


def test_a_bad_link_keeps_what_was_typed(client, owner):
    submission = factories.draft(owner)
    login(client, owner)
    response = client.post(
        f"/submissions/{submission.uuid}/links/add/",
        {"link-url": "ftp://files.example.org/x", "link-label": "Old server"},
    )
    assert response.status_code == 400
    page = text(response)
    assert 'value="ftp://files.example.org/x"' in page and 'value="Old server"' in page
    assert 'id="id_link-url_error"' in page


def test_the_missing_list_links_to_the_right_step_and_field(client, owner):
    login(client, owner)
    client.post("/submissions/new/", about_data(summary="", authors=[{"name": "Ada"}]))
    submission = Submission.objects.get(owner=owner)
    base = f"/submissions/{submission.uuid}/edit/"
    page = text(client.get(f"{base}review/"))
    missing = re.search(r'<ul class="missing-list">.*?</ul>', page, re.S).group(0)
    links = dict(
        (message.strip(), href)
        for href, message in re.findall(r'<a href="([^"]+)">([^<]+)</a>', missing)
    )
    expected = {
        "Write a short summary.": "about/#id_summary",
        "Choose the type of resource.": "learners/#id_resource_type",
        "Choose at least one learner level.": "learners/#id_learner_levels_0",
        "Choose at least one topic.": "learners/#id_topics_0",
        "Choose the language.": "learners/#id_language",
        "Say how long it takes.": "learners/#id_time_required_minutes",
        "Attach at least one file or link.": "materials/#id_upload-file",
        "Choose a licence.": "declarations/#id_license_0",
        "Confirm that you may share it.": "declarations/#id_rights_confirmed",
        "Confirm patient privacy.": "declarations/#id_privacy_confirmed",
        "Declare conflicts, or write “None”.": "declarations/#id_coi_statement",
    }
    assert links == {message: base + target for message, target in expected.items()}
    for href in links.values():
        url, anchor = href.split("#")
        assert f'id="{anchor}"' in text(client.get(url)), href
    steps = re.search(r'<nav aria-label="Steps".*?</nav>', page, re.S).group(0)
    assert "1 to complete" in steps and "5 to complete" in steps and "4 to complete" in steps


def test_every_step_is_reachable_in_any_order_from_the_step_list(client, owner):
    submission = factories.draft(owner)
    login(client, owner)
    for step in reversed(STEPS):
        response = client.get(f"/submissions/{submission.uuid}/edit/{step}/")
        assert response.status_code == 200
        steps = re.search(r'<nav aria-label="Steps".*?</nav>', text(response), re.S).group(0)
        hrefs = re.findall(r'href="([^"]+)"', steps)
        assert hrefs == [f"/submissions/{submission.uuid}/edit/{s}/" for s in STEPS]
        current = re.findall(r'href="([^"]+)" aria-current="step"', steps)
        assert current == [f"/submissions/{submission.uuid}/edit/{step}/"]


def test_learner_levels_are_grouped_by_stage_and_licences_link_to_their_text(client, owner):
    submission = factories.draft(owner)
    login(client, owner)
    page = text(client.get(f"/submissions/{submission.uuid}/edit/learners/"))
    stages = re.findall(r'<fieldset class="level-stage">\s*<legend>(\w+)', page)
    assert stages == ["UME", "GME", "CPD"]
    page = text(client.get(f"/submissions/{submission.uuid}/edit/declarations/"))
    licence = License.objects.get(slug="CC-BY-4.0")
    assert licence.url and f'href="{licence.url}"' in page
    assert re.search(rf'type="radio" name="license" value="{licence.pk}"[^>]*checked', page)


def test_submit_works_from_the_review_step(client, owner, django_capture_on_commit_callbacks):
    submission = factories.draft(owner)
    login(client, owner)
    page = text(client.get(f"/submissions/{submission.uuid}/edit/review/"))
    assert "Everything required is there" in page
    assert f'action="/submissions/{submission.uuid}/submit/"' in page
    assert "Working with medical interpreters on the wards" in page  # everything on one page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/submissions/{submission.uuid}/submit/", follow=True)
    assert response.redirect_chain == [(f"/submissions/{submission.uuid}/", 302)]
    after = reload(submission)
    assert after.state == "submitted"
    assert after.current_version.number == 1 and after.current_version.is_frozen


def test_submitting_an_incomplete_draft_shows_what_is_missing_with_400(client, owner):
    submission = services.create_draft(owner, title="Half done")
    login(client, owner)
    response = client.post(f"/submissions/{submission.uuid}/submit/")
    assert response.status_code == 400
    page = text(response)
    assert "There is a problem: it cannot be submitted yet" in page
    assert f'href="/submissions/{submission.uuid}/edit/declarations/#id_license_0"' in page
    assert reload(submission).state == "draft"


def test_resubmit_with_a_response_letter_makes_version_2(client, owner, editor, reviewers):
    submission = factories.submission_in("revisions_requested", owner, editor, reviewers)
    login(client, owner)
    base = f"/submissions/{submission.uuid}/"
    page = text(client.get(f"{base}edit/review/"))
    assert f'action="{base}resubmit/"' in page
    assert 'name="response_letter"' in page
    assert "Please add a debrief guide." in page  # the decision letter, to answer it

    response = client.post(f"{base}resubmit/", {"response_letter": "  "})
    assert response.status_code == 400
    assert "Write a response to the reviewers." in text(response)
    assert reload(submission).state == "revisions_requested"

    response = client.post(
        f"{base}resubmit/", {"response_letter": "We added the **debrief** guide."}, follow=True
    )
    assert response.redirect_chain == [(base, 302)]
    assert "Resubmitted." in text(response)
    after = reload(submission)
    assert after.state == "submitted"
    version = after.current_version
    assert version.number == 2 and version.is_frozen
    assert version.response_letter == "We added the **debrief** guide."
    page = text(response)
    assert "Version 2" in page and "Version 1" in page
    assert "We added the <strong>debrief</strong> guide." in page


def test_the_wizard_edits_a_submission_under_revision(client, owner, editor, reviewers):
    submission = factories.submission_in("revisions_requested", owner, editor, reviewers)
    login(client, owner)
    base = f"/submissions/{submission.uuid}/"
    page = text(client.get(f"{base}edit/about/"))
    assert "Revisions were requested." in page
    response = client.post(f"{base}edit/about/", about_data(title="A revised title"))
    assert response.status_code == 302
    client.post(
        f"{base}files/add/", upload("debrief.pdf", samples.pdf_bytes(text="Debrief"), "Debrief")
    )
    after = reload(submission)
    assert after.title == "A revised title"
    assert after.current_version.number == 2
    assert "Debrief" in [f.label for f in after.current_version.files.all()]
    assert after.versions.get(number=1).files.count() == 1


@pytest.mark.parametrize("state", ["submitted", "in_review", "published", "withdrawn"])
def test_the_wizard_of_a_submission_that_can_no_longer_change_leads_back_to_its_page(
    client, owner, editor, reviewers, state
):
    submission = factories.submission_in(state, owner, editor, reviewers)
    login(client, owner)
    for step in STEPS:
        response = client.get(f"/submissions/{submission.uuid}/edit/{step}/", follow=True)
        assert response.redirect_chain == [(f"/submissions/{submission.uuid}/", 302)]
        assert "can no longer be changed" in text(response)


# --- the submission page -------------------------------------------------------------------

EXPECTED_ACTIONS = {
    "draft": {"edit", "submit", "delete"},  # a draft is discarded one way: deleted
    "submitted": {"withdraw"},
    "in_review": {"withdraw"},
    "revisions_requested": {"edit", "resubmit", "withdraw"},
    "accepted": {"withdraw"},
    "published": {"new-version"},
    "rejected": {"appeal"},  # once, within TOOLKIT_APPEAL_WINDOW_DAYS
    "appealed": set(),
    "withdrawn": set(),
    "retired": set(),
}


def shown_actions(page, submission) -> set[str]:
    base = f"/submissions/{submission.uuid}/"
    actions = set(re.findall(rf'<form method="post" action="{base}([a-z-]+)/"', page))
    if f'href="{base}edit/about/"' in page:
        actions.add("edit")
    return actions


@pytest.mark.parametrize("state", sorted(EXPECTED_ACTIONS))
def test_the_buttons_shown_are_exactly_the_allowed_transitions(
    client, owner, editor, reviewers, state
):
    submission = factories.submission_in(state, owner, editor, reviewers)
    page = text(login(client, owner).get(f"/submissions/{submission.uuid}/"))
    assert shown_actions(page, submission) == EXPECTED_ACTIONS[state]
    allowed = set(services.available_transitions(submission, owner))
    if state == "draft":  # the page leaves withdraw out for a draft: delete discards it
        allowed.discard("withdraw")
    assert {"submit", "resubmit", "withdraw"} & allowed == {
        "submit",
        "resubmit",
        "withdraw",
    } & EXPECTED_ACTIONS[state]


def test_withdraw_needs_a_reason_and_a_confirmation_step(client, owner, editor, reviewers):
    submission = factories.submission_in("in_review", owner, editor, reviewers)
    login(client, owner)
    url = f"/submissions/{submission.uuid}/withdraw/"
    page = text(client.get(f"/submissions/{submission.uuid}/"))
    confirm = re.search(r'<details class="action action--confirm">.*?</details>', page, re.S)
    assert confirm, "withdraw sits behind a disclosure"
    assert f'action="{url}"' in confirm.group(0)
    assert 'name="withdraw-reason"' in confirm.group(0)
    assert "Withdraw this submission" in confirm.group(0)

    response = client.post(url, {"withdraw-reason": " "})
    assert response.status_code == 400
    page = text(response)
    assert "Give a reason for withdrawing." in page
    assert '<details class="action action--confirm" open>' in page
    assert reload(submission).state == "in_review"

    response = client.post(url, {"withdraw-reason": "We found an error in the case."}, follow=True)
    assert reload(submission).state == "withdrawn"
    assert "We found an error in the case." in text(response)  # the timeline shows the reason
    assert shown_actions(text(response), submission) == set()


def test_deleting_a_draft_sits_behind_a_confirmation_step(client, owner):
    submission = factories.draft(owner)
    page = text(login(client, owner).get(f"/submissions/{submission.uuid}/"))
    confirm = re.findall(r'<details class="action action--confirm">.*?</details>', page, re.S)
    assert any(f'action="/submissions/{submission.uuid}/delete/"' in c for c in confirm)


def test_the_page_shows_timeline_versions_decisions_and_anonymous_reviews(world, client):
    author, _, _, submission, _ = world
    page = text(login(client, author).get(f"/submissions/{submission.uuid}/"))
    assert re.findall(r'<h3 id="version-(\d)">', page) == ["2", "1"]
    assert "working copy, not submitted yet" in page
    assert "Material from Canarywing_guide" in page  # version 1's files, as the author named them
    assert "Revisions requested after round 1" in page
    assert "Please revise." in page
    assert "Reviewer 1" in page and "Reviewer 2" in page
    assert "Strong work." in page
    timeline = re.search(r'<ol class="timeline">.*?</ol>', page, re.S).group(0)
    assert "Submit → Submitted" in timeline
    assert "Request revisions → Revisions requested" in timeline
    assert "by Reviewer 1" in timeline and "by Editor" in timeline


def author_pages(client, submission) -> list[tuple[str, str]]:
    urls = ["/submissions/", "/submissions/new/", *page_urls(submission)]
    pages = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages.append((url, response.content.decode()))
    return pages


def test_no_page_the_author_can_reach_shows_a_reviewer_identity(
    world, client, django_capture_on_commit_callbacks
):
    author, editor, _, submission, _ = world
    login(client, author)
    assert_absent(REVIEWER_CANARIES, author_pages(client, submission))
    detail = text(client.get(f"/submissions/{submission.uuid}/"))
    assert "Reviewer 1" in detail and "[redacted]" in detail

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/submissions/{submission.uuid}/resubmit/",
            {"response_letter": "Thank you, Reviewer 1."},
            follow=True,
        )
        services.accept(submission, editor, letter="Accepted; Rosalind Hiddenreview agreed.")
    pages = [("after resubmit", response.content.decode())]
    for url in ["/submissions/", f"/submissions/{submission.uuid}/"]:
        response = client.get(url)
        assert response.status_code == 200
        pages.append((f"{url} after acceptance", response.content.decode()))
    assert_absent(REVIEWER_CANARIES, pages)
    assert "Accepted; [redacted] agreed." in text(response)


def test_markdown_is_sanitized_on_the_authors_pages(client, owner):
    submission = factories.draft(
        owner, description="**Bold** <script>alert(1)</script> [x](javascript:alert(1))"
    )
    login(client, owner)
    for url in (f"/submissions/{submission.uuid}/", f"/submissions/{submission.uuid}/edit/review/"):
        page = client.get(url).content.decode()
        assert "<strong>Bold</strong>" in page
        assert "<script>alert(1)" not in page and "javascript:" not in page


def test_the_navigation_counts_what_needs_me(client, owner, editor, reviewers):
    factories.draft(owner)
    factories.submission_in("revisions_requested", owner, editor, reviewers)
    factories.submission_in("submitted", owner, editor, reviewers)
    page = text(login(client, owner).get("/submissions/"))
    assert re.search(r'My submissions <span class="count">2<span class="visually-hidden">', page)
    assert 'href="/submissions/" aria-current="page"' in page


def test_the_file_picker_offers_the_accepted_types(client, owner):
    login(client, owner)
    client.post("/submissions/new/", about_data())
    submission = Submission.objects.get(owner=owner)
    page = text(client.get(f"/submissions/{submission.uuid}/edit/materials/"))
    picker = re.search(r'<input type="file"[^>]*>', page).group(0)
    assert 'accept=".pdf,.docx,.pptx,.xlsx,.png,.jpg,.mp4,.jpeg"' in picker


def test_a_plain_http_link_is_refused_as_the_hint_says(client, owner):
    login(client, owner)
    client.post("/submissions/new/", about_data())
    submission = Submission.objects.get(owner=owner)
    page = text(client.get(f"/submissions/{submission.uuid}/edit/materials/"))
    assert "starting with https://" in page
    response = client.post(
        f"/submissions/{submission.uuid}/links/add/",
        {"link-url": "http://video.example.org/session", "link-label": "Video"},
    )
    assert response.status_code == 400
    assert "starting with https://" in text(response)
    assert not SubmissionFile.objects.filter(version__submission=submission).exists()


def test_a_draft_offers_one_way_to_discard_it(client, owner):
    login(client, owner)
    client.post("/submissions/new/", about_data())
    submission = Submission.objects.get(owner=owner)
    page = text(client.get(f"/submissions/{submission.uuid}/"))
    assert "Delete the draft" in page
    assert f"/submissions/{submission.uuid}/withdraw/" not in page


def test_submit_is_disabled_on_an_incomplete_draft_with_the_count_and_a_link(client, owner):
    login(client, owner)
    client.post("/submissions/new/", about_data())
    submission = Submission.objects.get(owner=owner)
    base = f"/submissions/{submission.uuid}/"
    for url in (base, f"{base}edit/review/"):
        page = text(client.get(url))
        assert f'action="{base}submit/"' not in page, url
        assert re.search(r"<button[^>]*disabled[^>]*>Submit for review</button>", page), url
        count = len(re.findall(r"<li", page.split('class="missing-list"')[1].split("</ul>")[0]))
        assert f"{count} items still missing" in page, url
        assert f'href="{base}edit/review/#missing"' in page, url


# --- the navigation's badge -------------------------------------------------------------------


def test_the_my_submissions_badge_counts_the_owners_drafts_and_revision_requests_only(
    client, owner, editor, reviewer
):
    from reviews.navigation import counts

    second_reviewer = factories.reviewer_user()
    factories.draft(owner)
    for state in ("revisions_requested", "submitted", "in_review", "withdrawn"):
        factories.submission_in(state, owner, editor, [reviewer, second_reviewer])
    factories.draft(factories.user())  # another person's draft
    assert counts(owner) == {"submissions": 2}
    page = login(client, owner).get("/catalog/").content.decode()
    assert 'My submissions <span class="count">2<span class="visually-hidden"> need you' in page
    services.delete_draft(Submission.objects.filter(owner=owner, state="draft").get(), owner)
    assert counts(owner) == {"submissions": 1}
    assert counts(factories.user()) == {"submissions": 0}
