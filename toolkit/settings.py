"""Settings for the Health Disparities Toolkit, read from the environment.

Every variable is documented in `.env.example` and in the README. Defaults are
safe: DEBUG is off unless DJANGO_DEBUG=1, and a secret key is then required.
"""

import os
import re
import tempfile
from email.utils import parseaddr
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def env_bool(name: str, default: bool = False) -> bool:
    """An on/off variable: unset or empty is `default`; anything but the words below refuses."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value not in _TRUE + _FALSE:
        raise ImproperlyConfigured(
            f"{name} must be one of {', '.join(_TRUE)} (on) or {', '.join(_FALSE)} (off), "
            f"got {os.environ[name]!r}."
        )
    return value in _TRUE


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}.") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Core -------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG")

_GENERATE_KEY = "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
# Words that mark a documentation or development value, looked for in the key with case and
# punctuation removed (seven letters or more: a random 50-character key holds one by chance
# with a probability below 1e-8, so a real key is not refused).
PLACEHOLDER_MARKERS = (
    "changeme",
    "replaceme",
    "insecure",
    "placeholder",
    "example",
    "notsecret",
    "secretkey",
    "yoursecret",
    "devonly",
    "testonly",
)


def secret_key_problem(key: str) -> str:
    """Why `key` cannot sign a production site's sessions and tokens, or "" if it can."""
    if not key:
        return "DJANGO_SECRET_KEY is not set"
    letters = re.sub(r"[^a-z0-9]", "", key.lower())
    marker = next((word for word in PLACEHOLDER_MARKERS if word in letters), "")
    if marker:
        return f"DJANGO_SECRET_KEY is a placeholder (it contains {marker!r})"
    # Django's own deploy check (security.W009): long, varied and not Django's dev prefix.
    if len(key) < 50 or len(set(key)) < 5:
        return "DJANGO_SECRET_KEY is too weak (fewer than 50 characters or 5 different ones)"
    return ""


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not DEBUG and (_problem := secret_key_problem(SECRET_KEY)):
    raise ImproperlyConfigured(
        f"{_problem} and DJANGO_DEBUG is off. Set DJANGO_SECRET_KEY to a long random string "
        f"({_GENERATE_KEY}), or set DJANGO_DEBUG=1 for local development."
    )
if not SECRET_KEY:
    SECRET_KEY = "django-insecure-development-only-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "toolkit.accounts.apps.AdminConfig",  # django.contrib.admin, every password check throttled
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "rest_framework",
    "django_filters",
    "corsheaders",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "toolkit",
    "toolkit.accounts",
    "toolkit.mail",
    "toolkit.pages",
    "catalog",
    "catalog.lists",
    "catalog.reports",
    "reviews",
]

MIDDLEWARE = [
    "toolkit.timing.ServerTimingMiddleware",  # first: it times all the rest
    "django.middleware.security.SecurityMiddleware",
    "toolkit.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "toolkit.site.SiteAddressMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "toolkit.middleware.RejectNulMiddleware",
    "toolkit.middleware.AdminBadInputMiddleware",
]

ROOT_URLCONF = "toolkit.urls"

# Cross-origin reads (django-cors-headers): the public, read-only interfaces answer any
# origin, without credentials (no cookies; a browser sends none with "*"), so a teaching
# site or a reference manager's web page can read the feed, OAI-PMH, citations and the
# public API. The workflow API (submissions, assignments, metrics) is not listed.
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_URLS_REGEX = (
    r"^/(?:oai$|sitemap\.xml$|catalog/feed/|catalog/[\w-]+/(?:v\d+/)?(?:cite\.(?:ris|bib|json))?$"
    r"|api/v1/(?:resources|learner-levels|resource-types|instructional-methods|topics"
    r"|licenses|languages)/|api/schema/)"
)
FORM_RENDERER = "toolkit.forms.FormRenderer"
WSGI_APPLICATION = "toolkit.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "toolkit.context_processors.site",
            ],
        },
    },
    {
        # Only for the catalog's facet checkboxes (catalog_tags.facet_groups): the hot loop
        # of the search page, several times faster in Jinja2. Autoescaping is on.
        "NAME": "jinja2",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"autoescape": True},
    },
]

# --- Database ---------------------------------------------------------------
# SQLite by default (zero set-up); PostgreSQL when DATABASE_URL is set.

DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
# PostgreSQL binds parameters on the server and prepares each statement a connection has run
# five times (psycopg 3's prepared statements; Django leaves both off): a page's repeated
# statements then skip parsing and planning, which cost more than running them (a cached
# resource page's key: 0.37 -> 0.23 ms; docs/benchmarks). Off behind a pooler in
# transaction mode that does not keep prepared statements (PgBouncer before 1.21).
TOOLKIT_PG_PREPARE = env_bool("TOOLKIT_PG_PREPARE", True)


def _database(url: str) -> dict[str, Any]:
    """The settings of the database at `url` (DATABASE_URL or a replica): on PostgreSQL,
    with its statements prepared unless TOOLKIT_PG_PREPARE is off."""
    database = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if TOOLKIT_PG_PREPARE and database["ENGINE"] == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        options.update(server_side_binding=True, prepare_threshold=5)
    return database  # type: ignore[return-value]


if DATABASE_URL:
    _db = _database(DATABASE_URL)
else:
    _db = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("TOOLKIT_SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
    }

if _db["ENGINE"] == "django.db.backends.sqlite3":
    # Kept between requests, as PostgreSQL's: a new SQLite connection reads the schema
    # (200+ tables and indexes) at its first statement, about 1 ms of every request.
    _db["CONN_MAX_AGE"] = 60
    _db.setdefault("OPTIONS", {}).update(
        {
            # WAL lets readers run beside one writer; IMMEDIATE takes the write lock at
            # BEGIN so that row-locking services serialize instead of deadlocking.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
    # A file (not shared-cache memory) so that concurrent threads in tests really lock.
    _db["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"toolkit-test-{os.getpid()}.db")}
else:
    _db["TEST"] = {"NAME": f"test_toolkit_{os.getpid()}"}

DATABASES = {"default": _db}

# Read replicas (PostgreSQL streaming replicas of DATABASE_URL): the public catalog's reads
# go to one of them, everything else to the primary (toolkit.replicas; README "Scaling").
DATABASE_REPLICAS: list[str] = []
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    if _db["ENGINE"] == "django.db.backends.sqlite3":
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URLS needs DATABASE_URL: replicas are PostgreSQL streaming "
            "replicas of the primary database, and SQLite has none."
        )
    _replica = _database(_url)
    # Tests read the test database through every alias (there is no replica of it).
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{_number}"] = _replica
    DATABASE_REPLICAS.append(f"replica{_number}")
if DATABASE_REPLICAS:
    DATABASE_ROUTERS = ["toolkit.replicas.ReplicaRouter"]
    # Before the session middleware, so that a session saved by the response pins too.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
        "toolkit.replicas.ReplicaMiddleware",
    )
# How long a client that changed something reads from the primary (its own writes), seconds.
TOOLKIT_REPLICA_PIN_SECONDS = env_int("TOOLKIT_REPLICA_PIN_SECONDS", 15)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }

# --- Accounts ---------------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["toolkit.accounts.backends.UsernameOrEmailBackend"]
# Database sessions, read by one raw statement (toolkit.accounts.sessions).
SESSION_ENGINE = "toolkit.accounts.sessions"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed sign-ins allowed per account (user name and e-mail alike) before a pause; four
# times as many per client address.
TOOLKIT_LOGIN_ATTEMPTS = env_int("TOOLKIT_LOGIN_ATTEMPTS", 5)
TOOLKIT_LOGIN_LOCKOUT_SECONDS = env_int("TOOLKIT_LOGIN_LOCKOUT_SECONDS", 900)
# New accounts per client address, refused sign-ups per client address (each tells whether a
# name or an e-mail address is taken), and password-reset e-mails per address asked for (four
# times as many per client address), in any hour.
TOOLKIT_SIGNUPS_PER_HOUR = env_int("TOOLKIT_SIGNUPS_PER_HOUR", 10)
TOOLKIT_SIGNUP_FAILURES_PER_HOUR = env_int("TOOLKIT_SIGNUP_FAILURES_PER_HOUR", 20)
TOOLKIT_PASSWORD_RESETS_PER_HOUR = env_int("TOOLKIT_PASSWORD_RESETS_PER_HOUR", 5)

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ---------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded files are private: there is no MEDIA_URL route; a view checks every download.
MEDIA_ROOT = Path(os.environ.get("TOOLKIT_MEDIA_ROOT", BASE_DIR / "media"))
TOOLKIT_MAX_UPLOAD_MB = env_int("TOOLKIT_MAX_UPLOAD_MB", 50)

# Saved lists (catalog.lists): lists an account may keep, and resources a list may hold.
TOOLKIT_LISTS_PER_USER = env_int("TOOLKIT_LISTS_PER_USER", 100)
TOOLKIT_LIST_ITEMS = env_int("TOOLKIT_LIST_ITEMS", 500)
# Implementation reports (catalog.reports): how many one account may post a day.
TOOLKIT_REPORTS_PER_DAY = env_int("TOOLKIT_REPORTS_PER_DAY", 5)
# The search engine's index (catalog.search.engine): "" beside the SQLite file (PostgreSQL:
# var/search-<database>), "memory" for one per process, or a directory.
TOOLKIT_SEARCH_INDEX = os.environ.get("TOOLKIT_SEARCH_INDEX", "").strip()
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# --- E-mail -----------------------------------------------------------------

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Health Disparities Toolkit <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Every message is written to the outbox (toolkit.mail) in the action's transaction and sent
# by `manage.py deliver_mail`. Eager: also try to send right after the commit (development).
TOOLKIT_MAIL_EAGER = env_bool("TOOLKIT_MAIL_EAGER", DEBUG)
# Failed sends are retried after RETRY_SECONDS, doubling each time up to RETRY_MAX_SECONDS;
# after MAX_ATTEMPTS the message is undelivered (dead) until an editor or admin resends it.
TOOLKIT_MAIL_MAX_ATTEMPTS = env_int("TOOLKIT_MAIL_MAX_ATTEMPTS", 10)
TOOLKIT_MAIL_RETRY_SECONDS = env_int("TOOLKIT_MAIL_RETRY_SECONDS", 60)
TOOLKIT_MAIL_RETRY_MAX_SECONDS = env_int("TOOLKIT_MAIL_RETRY_MAX_SECONDS", 6 * 3600)
TOOLKIT_MAIL_POLL_SECONDS = env_int("TOOLKIT_MAIL_POLL_SECONDS", 5)
# Sent messages are deleted by deliver_mail after this many days.
TOOLKIT_MAIL_KEEP_SENT_DAYS = env_int("TOOLKIT_MAIL_KEEP_SENT_DAYS", 30)

# --- HTTPS and security headers --------------------------------------------

_https = env_bool("DJANGO_HTTPS")
SECURE_SSL_REDIRECT = _https
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000 if _https else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD")
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY")
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# --- Logging ----------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "pikepdf": {"level": "WARNING"},
    },
}

# --- API --------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so that an anonymous client gets 401 with WWW-Authenticate. DRF's
        # header (`Authorization: Token <key>`), keys stored as SHA-256 digests only.
        "toolkit.accounts.tokens.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "toolkit.api.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    # Every API view: anonymous clients per address, signed-in users per account. The
    # classes read these rates at each request (toolkit.accounts.throttle).
    "DEFAULT_THROTTLE_CLASSES": [
        "toolkit.accounts.throttle.AnonRateThrottle",
        "toolkit.accounts.throttle.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("TOOLKIT_API_ANON_RATE", "120/minute"),
        "user": os.environ.get("TOOLKIT_API_USER_RATE", "1200/minute"),
        # OAI-PMH, per client address (catalog.views.oai_pmh).
        "oai": os.environ.get("TOOLKIT_OAI_RATE", "60/minute"),
    },
    # The client address of the API and login throttles: REMOTE_ADDR, or behind the proxy
    # the last X-Forwarded-For entry (the one the proxy added). Never the whole header,
    # which a client could vary to escape the throttles.
    "NUM_PROXIES": 1 if BEHIND_PROXY else 0,
    "EXCEPTION_HANDLER": "toolkit.api.exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Health Disparities Toolkit API",
    "DESCRIPTION": (
        "Public catalog of peer-reviewed teaching resources, and the peer-review workflow. "
        "Authenticate with a session or a personal token: `Authorization: Token <key>`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    # No deep links: Swagger UI puts them inside each operation's toggle button, a link in a
    # button (WCAG 4.1.2). Plain syntax colouring keeps the examples' text at AA contrast.
    "SWAGGER_UI_SETTINGS": {"deepLinking": False, "syntaxHighlight": {"activated": False}},
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "toolkit.api.document_error_responses",
    ],
}

# --- The product ------------------------------------------------------------

TOOLKIT_SITE_NAME = os.environ.get("TOOLKIT_SITE_NAME", "Health Disparities Toolkit")
# The public address every absolute link is built on (toolkit.site). Required with DEBUG off;
# in development, unset means "the address the request came to".
TOOLKIT_SITE_URL = os.environ.get("TOOLKIT_SITE_URL", "").strip().rstrip("/")
if TOOLKIT_SITE_URL and not re.fullmatch(r"https?://[^/\s?#]+(/[^\s?#]*)?", TOOLKIT_SITE_URL):
    raise ImproperlyConfigured(
        f"TOOLKIT_SITE_URL must be an http:// or https:// address such as "
        f"https://toolkit.example.org, got {os.environ['TOOLKIT_SITE_URL']!r}."
    )
if not TOOLKIT_SITE_URL and not DEBUG:
    raise ImproperlyConfigured(
        "TOOLKIT_SITE_URL is not set and DJANGO_DEBUG is off. Set it to the site's public "
        "address (https://toolkit.example.org): citations, feeds, OAI-PMH, the sitemap and "
        "e-mails link to it. With DJANGO_DEBUG=1 it defaults to the address being served."
    )
TOOLKIT_REVIEWS_REQUIRED = env_int("TOOLKIT_REVIEWS_REQUIRED", 2)
TOOLKIT_RESPONSE_DUE_DAYS = env_int("TOOLKIT_RESPONSE_DUE_DAYS", 7)
TOOLKIT_REVIEW_DUE_DAYS = env_int("TOOLKIT_REVIEW_DUE_DAYS", 28)
# Days after a rejection during which the authors may appeal it (once).
TOOLKIT_APPEAL_WINDOW_DAYS = env_int("TOOLKIT_APPEAL_WINDOW_DAYS", 30)
# Currency re-review: a published resource is due for one this many years after its review,
# and the editor desk lists those due within the next TOOLKIT_CURRENCY_QUEUE_DAYS days.
TOOLKIT_CURRENCY_REVIEW_YEARS = env_int("TOOLKIT_CURRENCY_REVIEW_YEARS", 3)
TOOLKIT_CURRENCY_QUEUE_DAYS = env_int("TOOLKIT_CURRENCY_QUEUE_DAYS", 90)
# The most days past its current due date a reviewer may ask to have a review's date moved.
TOOLKIT_EXTENSION_MAX_DAYS = env_int("TOOLKIT_EXTENSION_MAX_DAYS", 28)
TOOLKIT_OAI_PAGE_SIZE = env_int("TOOLKIT_OAI_PAGE_SIZE", 100)
# The address OAI-PMH Identify gives harvesters (the protocol requires a valid one): the
# setting, else DEFAULT_FROM_EMAIL's address. With DEBUG off a missing or invalid address stops
# start-up; in development an invalid one (noreply@localhost) gives a reserved example address.
OAI_EMAIL_RE = re.compile(r"\S+@(\S+\.)+\S+")  # the OAI-PMH schema's emailType
TOOLKIT_OAI_ADMIN_EMAIL = (
    os.environ.get("TOOLKIT_OAI_ADMIN_EMAIL", "").strip() or parseaddr(DEFAULT_FROM_EMAIL)[1]
)
if not OAI_EMAIL_RE.fullmatch(TOOLKIT_OAI_ADMIN_EMAIL):
    if not DEBUG:
        raise ImproperlyConfigured(
            f"TOOLKIT_OAI_ADMIN_EMAIL must be an e-mail address harvesters can write to, such "
            f"as editors@toolkit.example.org (got {TOOLKIT_OAI_ADMIN_EMAIL!r}; it defaults to "
            f"the address of DEFAULT_FROM_EMAIL)."
        )
    TOOLKIT_OAI_ADMIN_EMAIL = "webmaster@example.org"
# DOIs (catalog.doi): empty prefix = no DOIs. Each version gets <prefix>/<site>.<year>.<n>.v<k>
# and the resource a concept DOI <prefix>/<site>.<year>.<n> (the newest version). `manage.py
# deposit_dois` registers them (DataCite REST API, or Crossref's deposit servlet); a DOI is
# shown nowhere before its deposit succeeded.
TOOLKIT_DOI_PREFIX = os.environ.get("TOOLKIT_DOI_PREFIX", "").strip().strip("/")
if TOOLKIT_DOI_PREFIX and not re.fullmatch(r"10\.\d{4,9}", TOOLKIT_DOI_PREFIX):
    raise ImproperlyConfigured(
        f"TOOLKIT_DOI_PREFIX must be a DOI prefix such as 10.12345, got {TOOLKIT_DOI_PREFIX!r}."
    )
TOOLKIT_DOI_SITE_CODE = os.environ.get("TOOLKIT_DOI_SITE_CODE", "hdtk").strip().lower()
if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,30}", TOOLKIT_DOI_SITE_CODE):
    raise ImproperlyConfigured(
        f"TOOLKIT_DOI_SITE_CODE must be lowercase letters, digits and hyphens, such as hdtk, "
        f"got {TOOLKIT_DOI_SITE_CODE!r}."
    )
# The publisher named in the deposits (DataCite publisher, Crossref registrant).
TOOLKIT_DOI_REGISTRANT = os.environ.get("TOOLKIT_DOI_REGISTRANT", "").strip() or TOOLKIT_SITE_NAME
# "datacite" (REST API: PUT /dois/<doi>) or "crossref" (POST of a posted_content deposit).
TOOLKIT_DOI_AGENCY = os.environ.get("TOOLKIT_DOI_AGENCY", "datacite").strip().lower()
if TOOLKIT_DOI_AGENCY not in ("datacite", "crossref"):
    raise ImproperlyConfigured(
        f"TOOLKIT_DOI_AGENCY must be datacite or crossref, got {TOOLKIT_DOI_AGENCY!r}."
    )
TOOLKIT_DOI_ENDPOINT = (
    os.environ.get("TOOLKIT_DOI_ENDPOINT", "https://api.test.datacite.org").strip().rstrip("/")
)
TOOLKIT_DOI_USERNAME = os.environ.get("TOOLKIT_DOI_USERNAME", "").strip()
TOOLKIT_DOI_PASSWORD = os.environ.get("TOOLKIT_DOI_PASSWORD", "")
# Crossref's <depositor> e-mail (the OAI-PMH contact address unless set).
TOOLKIT_DOI_DEPOSITOR_EMAIL = (
    os.environ.get("TOOLKIT_DOI_DEPOSITOR_EMAIL", "").strip() or TOOLKIT_OAI_ADMIN_EMAIL
)
# Tries per deposit in one run (5xx, 429, network errors), waiting BACKOFF, 2×, 4×… seconds.
TOOLKIT_DOI_ATTEMPTS = env_int("TOOLKIT_DOI_ATTEMPTS", 4)
TOOLKIT_DOI_BACKOFF_SECONDS = env_int("TOOLKIT_DOI_BACKOFF_SECONDS", 2)
TOOLKIT_DOI_TIMEOUT_SECONDS = env_int("TOOLKIT_DOI_TIMEOUT_SECONDS", 30)
# Zero-result searches kept per day (the rest are counted together), and for how many days.
TOOLKIT_SEARCH_LOG_DAILY_CAP = env_int("TOOLKIT_SEARCH_LOG_DAILY_CAP", 1000)
TOOLKIT_SEARCH_LOG_DAYS = env_int("TOOLKIT_SEARCH_LOG_DAYS", 365)
# The Server-Timing header (db, search, facets, tpl) on the catalog's responses (toolkit.timing).
TOOLKIT_SERVER_TIMING = env_bool("TOOLKIT_SERVER_TIMING", True)
