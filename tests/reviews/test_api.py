"""The workflow API (DESIGN §10): the ladder on every endpoint, and the journey with tokens."""

import pytest
from rest_framework.test import APIClient

from reviews import services
from reviews.models import Submission
from tests import factories, samples

pytestmark = pytest.mark.django_db


def api(user=None):
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {factories.api_key(user)}")
    return client


@pytest.fixture
def people(reviewers):
    owner = factories.user("owner", display_name="Olive Owner")
    editor = factories.user("ed", roles=["contributor", "editor"], display_name="Ed Itor")
    outsider = factories.user("nosy")
    return owner, editor, outsider, reviewers


def test_anonymous_clients_are_refused_everywhere(people):
    owner, editor, _, reviewers = people
    submission, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    client = api()
    for method, path in [
        ("get", "/api/v1/submissions/"),
        ("post", "/api/v1/submissions/"),
        ("get", f"/api/v1/submissions/{submission.uuid}/"),
        ("post", f"/api/v1/submissions/{submission.uuid}/transitions/withdraw/"),
        ("get", f"/api/v1/submissions/{submission.uuid}/files/"),
        ("get", f"/api/v1/submissions/{submission.uuid}/assignments/"),
        ("get", "/api/v1/assignments/"),
        ("get", f"/api/v1/assignments/{assignment.uuid}/"),
        ("post", f"/api/v1/assignments/{assignment.uuid}/transitions/accept/"),
        ("get", f"/api/v1/assignments/{assignment.uuid}/review/"),
        ("get", "/api/v1/metrics/"),
    ]:
        assert getattr(client, method)(path).status_code == 401, path


def test_outsiders_get_404_for_every_object_endpoint(people):
    owner, editor, outsider, reviewers = people
    submission, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    client = api(outsider)
    for method, path in [
        ("get", f"/api/v1/submissions/{submission.uuid}/"),
        ("patch", f"/api/v1/submissions/{submission.uuid}/"),
        ("delete", f"/api/v1/submissions/{submission.uuid}/"),
        ("get", f"/api/v1/submissions/{submission.uuid}/files/"),
        ("post", f"/api/v1/submissions/{submission.uuid}/transitions/withdraw/"),
        ("get", f"/api/v1/submissions/{submission.uuid}/assignments/"),
        ("get", f"/api/v1/assignments/{assignment.uuid}/"),
        ("post", f"/api/v1/assignments/{assignment.uuid}/transitions/accept/"),
        ("get", f"/api/v1/assignments/{assignment.uuid}/review/"),
        ("put", f"/api/v1/assignments/{assignment.uuid}/review/"),
        ("get", "/api/v1/submissions/00000000-0000-0000-0000-000000000000/"),
    ]:
        assert getattr(client, method)(path, format="json").status_code == 404, path
    assert api(outsider).get("/api/v1/submissions/").json()["results"] == []
    assert api(outsider).get("/api/v1/assignments/").json()["results"] == []


def test_wrong_roles_get_403(people):
    owner, editor, _, reviewers = people
    submission, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    reviewer = api(reviewers[0])
    assert (
        reviewer.post(f"/api/v1/submissions/{submission.uuid}/transitions/accept/").status_code
        == 403
    )
    assert reviewer.get(f"/api/v1/submissions/{submission.uuid}/assignments/").status_code == 403
    assert (
        api(owner)
        .post(f"/api/v1/submissions/{submission.uuid}/transitions/reject/", {"letter": "x"})
        .status_code
        == 403
    )
    assert (
        api(editor)
        .post(f"/api/v1/submissions/{submission.uuid}/transitions/withdraw/", {"reason": "x"})
        .status_code
        == 403
    )
    assert (
        api(editor).patch(f"/api/v1/submissions/{submission.uuid}/", {"title": "x"}).status_code
        == 403
    )
    assert (
        api(owner).post(f"/api/v1/assignments/{assignment.uuid}/transitions/cancel/").status_code
        == 404
    )
    assert api(reviewers[0]).get("/api/v1/metrics/").status_code == 403


def test_a_wrong_state_gives_409_with_the_current_state(people):
    owner, editor, _, _ = people
    submission = factories.draft(owner)
    response = api(owner).post(
        f"/api/v1/submissions/{submission.uuid}/transitions/resubmit/",
        {"response_letter": "Here it is."},
    )
    assert response.status_code == 409
    assert response.json() == {
        "detail": "Cannot resubmit when the state is “Draft”.",
        "code": "transition_not_allowed",
        "state": "draft",
    }
    assert (
        api(owner)
        .patch(f"/api/v1/submissions/{submission.uuid}/", {"title": "New"}, format="json")
        .status_code
        == 200
    )
    services.submit(submission, owner)
    assert (
        api(owner)
        .patch(f"/api/v1/submissions/{submission.uuid}/", {"title": "Late"}, format="json")
        .status_code
        == 409
    )
    assert api(owner).delete(f"/api/v1/submissions/{submission.uuid}/").status_code == 409


def test_a_wrong_role_or_state_is_refused_before_the_body_is_read(people):
    """The ladder's order: 403 and 409 whatever the body holds; 400 only for who may act now."""
    owner, editor, _, reviewers = people
    draft = factories.draft(owner)
    transitions = f"/api/v1/submissions/{draft.uuid}/transitions"
    for name in ("reject", "desk_reject", "request_revisions", "retire"):
        response = api(owner).post(f"{transitions}/{name}/")  # no letter, no reason
        assert response.status_code == 403, name
    response = api(owner).post(f"{transitions}/resubmit/")  # no response letter
    assert response.status_code == 409
    assert response.json()["state"] == "draft"
    submission, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    path = f"/api/v1/assignments/{assignment.uuid}"
    assert api(editor).post(f"{path}/transitions/accept/").status_code == 403
    assert api(editor).post(f"{path}/transitions/decline/").status_code == 403
    assert api(editor).put(f"{path}/review/", {"answers": None}, format="json").status_code == 403
    response = api(reviewers[0]).put(f"{path}/review/", {"answers": None}, format="json")
    assert response.status_code == 409  # invited, not yet accepted
    assert api(reviewers[0]).post(f"{path}/transitions/accept/").json() == {
        "coi_declaration": ["This field is required."]
    }


def test_every_404_says_not_found_without_naming_a_model(people):
    owner, editor, outsider, reviewers = people
    submission, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    client = api(outsider)
    for path in (
        f"/api/v1/assignments/{assignment.uuid}/",
        f"/api/v1/submissions/{submission.uuid}/",
        f"/api/v1/submissions/{submission.uuid}/files/",
        "/api/v1/resources/no-such-resource/",
        "/api/v1/topics/no-such-topic/",
    ):
        response = client.get(path)
        assert (response.status_code, response.json()) == (404, {"detail": "Not found."}), path


def test_a_malformed_file_id_is_a_404_like_any_unknown_file(people):
    owner = people[0]
    draft = factories.draft(owner)
    files = f"/api/v1/submissions/{draft.uuid}/files"
    for malformed in ("0" * 36, "-" * 36, "a" * 36):
        assert api(owner).delete(f"{files}/{malformed}/").status_code == 404
        assert api(owner).get(f"{files}/{malformed}/download/").status_code == 404


def test_bad_input_gives_400_with_field_messages(people):
    owner, editor, _, reviewers = people
    client = api(owner)
    response = client.post(
        "/api/v1/submissions/",
        {"title": "x" * 301, "learner_levels": ["no-such-level"], "time_required_minutes": -5},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"title", "learner_levels", "time_required_minutes"}
    submission = factories.draft(owner)
    response = client.post(f"/api/v1/submissions/{submission.uuid}/transitions/withdraw/", {})
    assert response.status_code == 400 and "reason" in response.json()
    incomplete = services.create_draft(owner, title="Half")
    response = client.post(f"/api/v1/submissions/{incomplete.uuid}/transitions/submit/")
    assert response.status_code == 400 and "license" in response.json()
    response = client.post(
        f"/api/v1/submissions/{submission.uuid}/files/",
        {"file": samples_file("evil.pdf", samples.exe_bytes())},
        format="multipart",
    )
    assert response.status_code == 400
    assert "evil.pdf" in str(response.json())
    response = client.post(f"/api/v1/submissions/{submission.uuid}/files/", {}, format="multipart")
    assert response.json() == {"non_field_errors": ["Send a file (multipart) or a url."]}
    response = client.post(
        f"/api/v1/submissions/{submission.uuid}/files/",
        {"file": samples_file("a.pdf", samples.pdf_bytes()), "url": "https://example.org/v"},
        format="multipart",
    )
    assert response.json() == {"non_field_errors": ["Send either a file or a url, not both."]}


NUL_MESSAGE = ["Null characters are not allowed."]


def test_a_nul_character_in_a_vocabulary_term_or_a_user_name_is_a_400(people):
    """PostgreSQL cannot compare text with a NUL: the lookup used to fail with a 500."""
    owner, editor, _, reviewers = people
    response = api(owner).post(
        "/api/v1/submissions/",
        {"title": "Nul", "resource_type": "case\x00", "learner_levels": ["\x00"]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"resource_type": NUL_MESSAGE, "learner_levels": NUL_MESSAGE}
    submission, _ = factories.in_review(owner, editor)
    response = api(editor).post(
        f"/api/v1/submissions/{submission.uuid}/assignments/", {"reviewer": "rev1\x00"}
    )
    assert response.status_code == 400
    assert response.json() == {"reviewer": NUL_MESSAGE}


def test_a_nul_character_in_the_text_of_a_transition_is_a_400(people):
    owner, *_ = people
    submission = factories.draft(owner)
    response = api(owner).post(
        f"/api/v1/submissions/{submission.uuid}/transitions/withdraw/",
        {"reason": "Changed\x00my mind"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"reason": NUL_MESSAGE}
    submission.refresh_from_db()
    assert submission.state == "draft"


def test_a_nul_character_in_the_rubric_text_is_a_400(people):
    owner, editor, _, reviewers = people
    _, (assignment,) = factories.in_review(owner, editor, reviewers[:1])
    client = api(reviewers[0])
    client.post(
        f"/api/v1/assignments/{assignment.uuid}/transitions/accept/", {"coi_declaration": "None"}
    )
    response = client.patch(
        f"/api/v1/assignments/{assignment.uuid}/review/",
        {"version": 0, "answers": {"objectives": {"score": 4, "strengths": "Clear\x00"}}},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"objectives.strengths": NUL_MESSAGE}


def test_a_json_body_nested_too_deeply_is_a_400_not_a_500(people):
    owner, *_ = people
    response = api(owner).post(
        "/api/v1/submissions/", "[" * 100_000 + "]" * 100_000, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "JSON parse error - the document is nested too deeply."}


def test_a_body_over_the_size_or_field_limits_is_a_400_with_a_json_message(people, settings):
    owner, *_ = people
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = api(owner).post("/api/v1/submissions/", {"title": "x" * 2000}, format="json")
    assert response.status_code == 400
    assert response.json() == {"detail": "The request body is too large."}
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    fields = "&".join(f"f{i}=x" for i in range(10))
    response = api(owner).post(
        "/api/v1/submissions/", fields, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "The request has too many fields."}


def samples_file(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_get_on_a_transition_is_405_and_an_unknown_transition_is_404(people):
    owner, *_ = people
    submission = factories.draft(owner)
    client = api(owner)
    assert (
        client.get(f"/api/v1/submissions/{submission.uuid}/transitions/submit/").status_code == 405
    )
    assert (
        client.post(f"/api/v1/submissions/{submission.uuid}/transitions/explode/").status_code
        == 404
    )


def test_every_response_shows_the_state_and_the_transitions_allowed_now(people):
    owner, editor, _, _ = people
    submission = factories.draft(owner)
    body = api(owner).get(f"/api/v1/submissions/{submission.uuid}/").json()
    assert body["state"] == "draft"
    assert sorted(body["transitions"]) == ["submit", "withdraw"]
    services.submit(submission, owner)
    body = api(editor).get(f"/api/v1/submissions/{submission.uuid}/").json()
    assert sorted(body["transitions"]) == ["desk_reject", "send_to_review"]
    listing = api(editor).get("/api/v1/submissions/").json()["results"]
    assert [(r["uuid"], r["state"]) for r in listing] == [(str(submission.uuid), "submitted")]


def test_editors_see_every_non_draft_submission_but_not_drafts(people):
    owner, editor, _, _ = people
    hidden = factories.draft(owner)
    shown = services.submit(factories.draft(owner), owner)
    uuids = {r["uuid"] for r in api(editor).get("/api/v1/submissions/").json()["results"]}
    assert uuids == {str(shown.uuid)}
    assert api(editor).get(f"/api/v1/submissions/{hidden.uuid}/").status_code == 404


def test_the_acceptance_journey_with_tokens_only(people, django_capture_on_commit_callbacks):
    from django.core import mail

    owner, editor, _, reviewers = people
    contributor, ed = api(owner), api(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = contributor.post(
            "/api/v1/submissions/",
            {
                "title": "Interpreters on the wards",
                "summary": "Residents practise briefing interpreters.",
                "learning_objectives": "Brief an interpreter",
                "resource_type": "session-plan",
                "learner_levels": ["gme-residency"],
                "topics": ["language-access"],
                "methods": ["im022"],
                "language": "en",
                "license": "CC-BY-4.0",
                "time_required_minutes": 90,
                "rights_confirmed": True,
                "privacy_confirmed": True,
                "coi_statement": "None.",
            },
            format="json",
        )
        assert response.status_code == 201, response.json()
        uuid = response.json()["uuid"]
        response = contributor.post(
            f"/api/v1/submissions/{uuid}/files/",
            {
                "file": samples_file("guide.pdf", samples.pdf_bytes(text="Facilitator guide")),
                "label": "Facilitator guide",
            },
            format="multipart",
        )
        assert response.status_code == 201, response.json()
        # An editor cannot even see a draft: 404, not 409.
        assert ed.post(f"/api/v1/submissions/{uuid}/transitions/send_to_review/").status_code == 404
        assert (
            contributor.post(f"/api/v1/submissions/{uuid}/transitions/submit/").status_code == 200
        )
        assert ed.post(f"/api/v1/submissions/{uuid}/transitions/send_to_review/").status_code == 200
        assignments = []
        for reviewer in reviewers[:2]:
            response = ed.post(
                f"/api/v1/submissions/{uuid}/assignments/", {"reviewer": reviewer.username}
            )
            assert response.status_code == 201, response.json()
            assignments.append(response.json()["uuid"])
        assert ed.post(f"/api/v1/submissions/{uuid}/transitions/accept/").status_code == 409
        for reviewer, assignment in zip(reviewers[:2], assignments, strict=True):
            client = api(reviewer)
            path = f"/api/v1/assignments/{assignment}"
            assert client.put(f"{path}/review/", {"answers": {}}, format="json").status_code == 409
            assert (
                client.post(f"{path}/transitions/accept/", {"coi_declaration": "None."}).status_code
                == 200
            )
            draft = {
                "version": client.get(f"{path}/review/").json()["version"],
                "answers": {"objectives": {"score": 4}},
                "recommendation": "",
                "comments_to_authors": "Good.",
                "confidential_comments": "",
            }
            saved = client.put(f"{path}/review/", draft, format="json")
            assert saved.status_code == 200
            assert client.post(f"{path}/transitions/complete/").status_code == 400
            full = {
                **draft,
                "version": saved.json()["version"],
                "answers": factories.COMPLETE_ANSWERS,
                "recommendation": "accept",
            }
            assert client.put(f"{path}/review/", full, format="json").status_code == 200
            assert client.get(f"{path}/review/").json()["missing"] == []
            assert client.post(f"{path}/transitions/complete/").json()["state"] == "completed"
            files = client.get(f"/api/v1/submissions/{uuid}/files/").json()
            download = client.get(f"/api/v1/submissions/{uuid}/files/{files[0]['uuid']}/download/")
            assert download.status_code == 200
            assert download["Content-Disposition"].startswith("attachment")
            assert "guide.pdf" not in download["Content-Disposition"]
        response = ed.post(f"/api/v1/submissions/{uuid}/transitions/accept/", {"letter": "Yes!"})
        assert response.status_code == 200 and response.json()["state"] == "accepted"
        assert (
            ed.post(f"/api/v1/submissions/{uuid}/transitions/publish/").json()["state"]
            == "published"
        )
    reviewer_mail = [m for m in mail.outbox if m.to[0].startswith("rev")]
    assert reviewer_mail and all("Olive" not in m.body for m in reviewer_mail)
    submission = Submission.objects.get(uuid=uuid)
    assert submission.resource.title == "Interpreters on the wards"
    assert api(editor).get("/api/v1/metrics/").json()["first_decision"]["decided"] == 1


def test_the_api_schema_documents_the_workflow(client):
    schema = client.get("/api/schema/").content.decode()
    for path in (
        "/api/v1/submissions/{uuid}/transitions/{name}/",
        "/api/v1/assignments/{uuid}/review/",
        "/api/v1/submissions/{uuid}/assignments/",
    ):
        assert path in schema


def test_the_schema_documents_what_the_workflow_endpoints_really_answer(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    paths = schema["paths"]

    def body(path, method, code):
        return paths[path][method]["responses"][code]["content"]

    transition = paths["/api/v1/submissions/{uuid}/transitions/{name}/"]["post"]["responses"]
    assert {"200", "400", "401", "403", "404", "409"} <= set(transition)
    conflict = transition["409"]["content"]["application/json"]["schema"]["$ref"]
    assert schema["components"]["schemas"][conflict.rsplit("/", 1)[1]]["required"] == [
        "detail",
        "code",
        "state",
    ]
    files = "/api/v1/submissions/{uuid}/files/"
    assert body(files, "get", "200")["application/json"]["schema"]["type"] == "array"
    assert body(files, "post", "201")["application/json"]["schema"]["type"] == "array"
    assignments = "/api/v1/submissions/{uuid}/assignments/"
    assert body(assignments, "get", "200")["application/json"]["schema"]["type"] == "array"
    assert "201" in paths[assignments]["post"]["responses"]
    download = "/api/v1/submissions/{uuid}/files/{file_uuid}/download/"
    assert list(body(download, "get", "200")) == ["*/*"]
    # What only editors get is not promised to everyone.
    required = schema["components"]["schemas"]["Submission"]["required"]
    assert "identity_flags" not in required and "assignments" not in required
    assignment = schema["components"]["schemas"]["Assignment"]["properties"]
    assert assignment["responded_at"]["nullable"] and assignment["completed_at"]["nullable"]
