"""The list pages (/lists/…). Thin: every change is a call to catalog.lists.services.

Another person's list is a 404 (never revealed); a shared list is read at its share link
only, without the owner's name, and without the notes unless the owner chose to show them.
Every form posts without JavaScript; the save button answers JSON to a script that asks for
it (Accept: application/json), which announces the result without reloading the page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from catalog import citations
from toolkit import rows
from toolkit.errors import Conflict
from toolkit.site import absolute

from . import entries, markup, services
from .forms import NEW, ListForm, ListSettingsForm, NoteForm, SaveForm, note_prefix
from .models import SavedList

if TYPE_CHECKING:
    from toolkit.accounts.models import User

    class AuthenticatedHttpRequest(HttpRequest):
        user: User


EXPORT_NAMES = {"ris": "RIS", "bib": "BibTeX", "json": "CSL-JSON"}


def _owned(request: AuthenticatedHttpRequest, uuid: UUID) -> SavedList:
    """The user's own list, else 404 (another person's list is never revealed)."""
    found = rows.one(SavedList, uuid=uuid, owner_id=request.user.pk)  # one indexed row
    if found is None:
        raise Http404("No such list.")
    return found


def _add_errors(form: BaseForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _run(
    request: HttpRequest,
    call: Callable[[], Any],
    *,
    success: Callable[[Any], str],
    redirect_to: Callable[[Any], str],
    again: Callable[[int], HttpResponse],
    form: BaseForm | None = None,
) -> HttpResponse:
    """One service call for a POST: a message and a redirect; bad input (the form's or the
    service's) the page again with the messages and 400, nothing typed lost; a wrong state
    the page again with the reason and 409."""
    if form is not None and not form.is_valid():
        return again(400)
    try:
        result = call()
    except ValidationError as error:
        if form is not None:
            _add_errors(form, error)
        else:
            messages.error(request, " ".join(error.messages))
        return again(400)
    except Conflict as error:
        messages.error(request, error.detail)
        return again(409)
    messages.success(request, success(result))
    return redirect(redirect_to(result))


# --- my lists ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def list_index(request: AuthenticatedHttpRequest) -> HttpResponse:
    """/lists/: the user's lists, and a form to create one."""
    form = ListForm(request.POST if request.method == "POST" else None)

    def page(status: int = 200) -> HttpResponse:
        lists = (
            SavedList.objects.filter(owner=request.user)
            .annotate(count=Count("items"))
            .order_by("name", "pk")
        )
        return render(
            request, "lists/savedlist_list.html", {"lists": lists, "form": form}, status=status
        )

    if request.method != "POST":
        return page()
    return _run(
        request,
        lambda: services.create_list(
            request.user, form.cleaned_data["name"], form.cleaned_data["description"]
        ),
        success=lambda saved: f"Created the list “{saved.name}”.",
        redirect_to=lambda saved: saved.get_absolute_url(),
        again=page,
        form=form,
    )


def _detail_page(
    request: AuthenticatedHttpRequest,
    saved_list: SavedList,
    *,
    status: int = 200,
    settings_form: ListSettingsForm | None = None,
    note_form: tuple[int, NoteForm] | None = None,
) -> HttpResponse:
    items = entries.entries(saved_list)
    entries.add_action_urls(saved_list, items)
    context = {
        "list": saved_list,
        "urls": entries.page_urls(saved_list),
        "entries": items,
        "items_html": markup.owner_items_html(items, get_token(request), note_form),
        "settings_form": settings_form.render()
        if settings_form is not None
        else _settings_form(saved_list.name, saved_list.description, saved_list.share_notes),
        "share_url": absolute(saved_list.share_path()) if saved_list.is_shared else "",
        "exports": _exports(lambda fmt: f"export.{fmt}"),
    }
    return render(request, "lists/savedlist_detail.html", context, status=status)


@lru_cache(maxsize=256)
def _settings_form(name: str, description: str, share_notes: bool) -> SafeString:
    """The list's name and description form, filled in: the same markup for the same values
    (Django's form templates took ~2.5 ms a page), so made once for the last 256 of them."""
    initial = {"name": name, "description": description, "share_notes": share_notes}
    return ListSettingsForm(initial=initial).render()


def _exports(path: Callable[[str], str]) -> list[tuple[str, str, str]]:
    return [(path(fmt), name, fmt) for fmt, name in EXPORT_NAMES.items()]


@login_required
@require_safe
def list_detail(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    """/lists/<uuid>/: the owner's list, its notes, order, sharing and exports (else 404)."""
    return _detail_page(request, _owned(request, uuid))


@login_required
@require_POST
def list_settings(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    saved_list = _owned(request, uuid)
    form = ListSettingsForm(request.POST)
    return _run(
        request,
        lambda: services.update_list(
            saved_list,
            request.user,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
            share_notes=form.cleaned_data["share_notes"],
        ),
        success=lambda saved: "List saved.",
        redirect_to=lambda saved: saved.get_absolute_url(),
        again=lambda status: _detail_page(request, saved_list, status=status, settings_form=form),
        form=form,
    )


@login_required
@require_POST
def list_delete(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    saved_list = _owned(request, uuid)
    name = services.delete_list(saved_list, request.user)
    messages.success(request, f"Deleted the list “{name}”.")
    return redirect("lists:index")


SHARE_ACTIONS = {
    "share": "Anyone with the link below can now read this list.",
    "regenerate": "A new link replaces the old one, which no longer opens the list.",
    "revoke": "The list is private again: its link no longer opens it.",
}


@login_required
@require_POST
def list_share(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    """Share by link, make a new link, or stop sharing (`action`)."""
    saved_list = _owned(request, uuid)
    action = request.POST.get("action", "")
    if action not in SHARE_ACTIONS:
        messages.error(request, "Choose to share, to make a new link or to stop sharing.")
        return _detail_page(request, saved_list, status=400)
    if action == "revoke":
        services.unshare_list(saved_list, request.user)
    else:
        services.share_list(saved_list, request.user, regenerate=action == "regenerate")
    messages.success(request, SHARE_ACTIONS[action])
    return redirect(saved_list.get_absolute_url() + "#share")


# --- items ----------------------------------------------------------------------------


@login_required
@require_POST
def item_note(request: AuthenticatedHttpRequest, uuid: UUID, slug: str) -> HttpResponse:
    saved_list = _owned(request, uuid)
    item = get_object_or_404(saved_list.items, resource__slug=slug)
    form = NoteForm(request.POST, prefix=note_prefix(item.pk))
    return _run(
        request,
        lambda: services.set_note(saved_list, request.user, slug, form.cleaned_data["note"]),
        success=lambda item: "Note saved.",
        redirect_to=lambda item: f"{saved_list.get_absolute_url()}#item-{item.pk}",
        again=lambda status: _detail_page(
            request, saved_list, status=status, note_form=(item.pk, form)
        ),
        form=form,
    )


@login_required
@require_POST
def item_move(request: AuthenticatedHttpRequest, uuid: UUID, slug: str) -> HttpResponse:
    """Up or down one place (`direction`)."""
    saved_list = _owned(request, uuid)
    steps = {"up": -1, "down": 1}
    step = steps.get(request.POST.get("direction", ""))
    if step is None:
        messages.error(request, "Choose to move it up or down.")
        return _detail_page(request, saved_list, status=400)
    item = services.move_item_by(saved_list, request.user, slug, step)
    return redirect(f"{saved_list.get_absolute_url()}#item-{item.pk}")


@login_required
@require_POST
def item_remove(request: AuthenticatedHttpRequest, uuid: UUID, slug: str) -> HttpResponse:
    saved_list = _owned(request, uuid)
    resource = services.remove_item(saved_list, request.user, slug)
    messages.success(request, f"Removed “{resource.title}” from the list.")
    return redirect(saved_list.get_absolute_url())


# --- saving from the catalog ----------------------------------------------------------


def _next(request: HttpRequest) -> str:
    """Where the save form came from (this site only), else the catalog."""
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("catalog:resource-list")


def _wants_json(request: HttpRequest) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


@login_required
@require_POST
def save(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Save a resource to a list, or to a new one; then back where the user was (or JSON)."""
    form = SaveForm(request.POST, lists=services.owned_lists(request.user))
    status, detail = 200, ""
    payload: dict[str, Any] = {}
    if form.is_valid():
        try:
            saved_list, created = services.save_resource(
                request.user,
                form.cleaned_data["resource"],
                list_uuid=form.cleaned_data["list"] or None,
                new_name=form.cleaned_data["new_name"] if form.cleaned_data["list"] == NEW else "",
            )
        except ValidationError as error:
            _add_errors(form, error)
            status = 400
        except Conflict as error:
            form.add_error(None, error.detail)
            status = 409
        else:
            detail = (
                f"Saved to “{saved_list.name}”."
                if created
                else f"Already on “{saved_list.name}”: nothing changed."
            )
            payload = {
                "detail": detail,
                "list": {
                    "uuid": str(saved_list.uuid),
                    "name": saved_list.name,
                    "url": saved_list.get_absolute_url(),
                },
            }
    else:
        status = 400
    if _wants_json(request):
        if status != 200:
            errors = form.errors.get_json_data()
            payload = {
                "detail": " ".join(e["message"] for field in errors.values() for e in field),
                "errors": {k: [e["message"] for e in v] for k, v in errors.items()},
            }
        return JsonResponse(payload, status=status)
    if status != 200:
        context = {"form": form, "next": _next(request)}
        return render(request, "lists/save_form.html", context, status=status)
    messages.success(request, detail)
    return redirect(_next(request))


# --- exports and the hand-out ---------------------------------------------------------


def _export(saved_list: SavedList, fmt: str) -> HttpResponse:
    body, content_type = citations.render_many(entries.citation_records(saved_list), fmt)
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    name = slugify(saved_list.name)[:60].strip("-") or "list"
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _handout(
    request: HttpRequest, saved_list: SavedList, *, notes: bool, back: str
) -> HttpResponse:
    items = entries.entries(saved_list)
    texts = entries.handout_texts([entry.resource for entry in items])
    for entry in items:
        text = texts.get(entry.resource.pk)
        if text is not None:
            entry.citation, entry.summary_html = text.citation, text.summary
    context = {
        "list": saved_list,
        "entries": items,
        "items_html": markup.handout_items_html(items, notes=notes),
        "back": back,
    }
    return render(request, "lists/savedlist_print.html", context)


@login_required
@require_safe
def list_export(request: AuthenticatedHttpRequest, uuid: UUID, fmt: str) -> HttpResponse:
    """export.ris, export.bib, export.json of the owner's list (else 404)."""
    return _export(_owned(request, uuid), fmt)


@login_required
@require_safe
def list_print(request: AuthenticatedHttpRequest, uuid: UUID) -> HttpResponse:
    """The printable hand-out of the owner's list; ?notes=1 prints the notes too."""
    saved_list = _owned(request, uuid)
    notes = request.GET.get("notes") == "1"
    return _handout(request, saved_list, notes=notes, back=saved_list.get_absolute_url())


# --- shared, read-only ----------------------------------------------------------------


def _private(response: HttpResponse) -> HttpResponse:
    """A shared list is for whoever holds the link: never indexed, never cached by others."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def shared(request: HttpRequest, token: str) -> HttpResponse:
    """/lists/shared/<token>/: the list, read-only, for anyone with the link (404 once revoked)."""
    saved_list = services.shared_list(token)
    items = entries.entries(saved_list)
    context = {
        "list": saved_list,
        "entries": items,
        "items_html": markup.shared_items_html(items, notes=saved_list.share_notes),
        "exports": _exports(lambda fmt: f"export.{fmt}"),
    }
    return _private(render(request, "lists/savedlist_shared.html", context))


@require_safe
def shared_export(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    return _private(_export(services.shared_list(token), fmt))


@require_safe
def shared_print(request: HttpRequest, token: str) -> HttpResponse:
    saved_list = services.shared_list(token)
    response = _handout(
        request, saved_list, notes=saved_list.share_notes, back=saved_list.share_path()
    )
    return _private(response)
