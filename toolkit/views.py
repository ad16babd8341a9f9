"""Site-wide pages: home, health check, robots.txt, error pages."""

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from catalog.models import LearnerLevel, Topic


def home(request):
    context = {
        "levels": LearnerLevel.objects.active(),
        "topics": Topic.objects.active(),
    }
    return render(request, "home.html", context)


@never_cache
@require_GET
def healthz(request):
    """200 with {"status": "ok"} when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /accounts/",
        "Disallow: /submissions/",
        "Disallow: /reviews/",
        "Disallow: /editor/",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def error_page(template, status):
    def view(request, exception=None):
        return render(request, template, status=status)

    return view


bad_request = error_page("400.html", 400)
permission_denied = error_page("403.html", 403)
page_not_found = error_page("404.html", 404)


def server_error(request):
    return render(request, "500.html", status=500)
