import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
# A key made by `secrets.token_urlsafe(50)`, as the settings ask (fixed: the test ids name it).
RANDOM_KEY = "mlUuGZ_yGQXc02xNdQKle39VrrviGoE17e6kgINrxCA-nQKqYXsd9waiZXjAGaymRLA"
SITE = "https://toolkit.example.org"
# What a production start needs besides DJANGO_DEBUG off.
PRODUCTION = {
    "DJANGO_SECRET_KEY": RANDOM_KEY,
    "TOOLKIT_SITE_URL": SITE,
    "TOOLKIT_OAI_ADMIN_EMAIL": "editors@toolkit.example.org",
}


def run_python(code: str, **env):
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("DJANGO_", "DATABASE_", "TOOLKIT_SITE_URL", "TOOLKIT_OAI_", "DEFAULT_FROM_EMAIL")
        )
    }
    return subprocess.run(  # noqa: S603 - fixed interpreter and code
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def env_example() -> dict:
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key] = value.strip('"')
    return values


def test_settings_refuse_to_start_without_a_secret_key_when_debug_is_off():
    result = run_python("import toolkit.settings")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_settings_start_without_a_secret_key_when_debug_is_on():
    result = run_python("import toolkit.settings as s; print(s.DEBUG)", DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_debug_is_off_unless_switched_on():
    result = run_python("import toolkit.settings as s; print(s.DEBUG)", **PRODUCTION)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        pytest.param("DJANGO_DEBUG", "ture", id="debug-typo"),
        pytest.param("DJANGO_HTTPS", "enabled", id="https-unknown-word"),
        pytest.param("EMAIL_USE_TLS", "2", id="tls-number"),
    ],
)
def test_an_on_off_variable_with_an_unknown_value_stops_the_site_naming_it_and_the_words(
    variable, value
):
    result = run_python(
        "import toolkit.settings", DJANGO_SECRET_KEY=RANDOM_KEY, **{variable: value}
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{variable} must be one of 1, true, yes, on (on) or 0, false, no, off (off)" in (
        result.stderr
    )
    assert repr(value) in result.stderr


def test_on_off_variables_read_the_accepted_words_in_any_case_and_empty_as_the_default():
    code = "import toolkit.settings as s; print(s.DEBUG, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL)"
    result = run_python(code, DJANGO_DEBUG=" YES ", EMAIL_USE_TLS="Off", EMAIL_USE_SSL="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False", "False"]
    result = run_python(code, DJANGO_DEBUG="On", EMAIL_USE_TLS="TRUE", EMAIL_USE_SSL="0")
    assert result.stdout.split() == ["True", "True", "False"]


def test_database_url_selects_postgresql_with_persistent_checked_connections():
    code = (
        "import toolkit.settings as s; d = s.DATABASES['default'];"
        "print(d['ENGINE'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'], d['NAME'])"
    )
    result = run_python(
        code, DJANGO_DEBUG="1", DATABASE_URL="postgres://postgres@127.0.0.1:5432/toolkit"
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "60", "True", "toolkit"]


def test_postgresql_binds_on_the_server_and_prepares_repeated_statements_unless_switched_off():
    code = (
        "import toolkit.settings as s;"
        "print([s.DATABASES[a].get('OPTIONS', {}) for a in ('default', 'replica1')])"
    )
    url = "postgres://postgres@127.0.0.1:5432/toolkit"
    both = {"DJANGO_DEBUG": "1", "DATABASE_URL": url, "DATABASE_REPLICA_URLS": url}
    prepared = {"server_side_binding": True, "prepare_threshold": 5}
    on = run_python(code, **both, TOOLKIT_PG_PREPARE="")  # unset: the default
    assert on.stdout.strip() == repr([prepared, prepared])
    off = run_python(code, **both, TOOLKIT_PG_PREPARE="0")
    assert off.stdout.strip() == repr([{}, {}])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
@pytest.mark.django_db
def test_a_statement_a_postgresql_connection_repeats_is_prepared_on_the_server():
    sql = "SELECT id FROM catalog_resource WHERE slug = %s"
    with connection.cursor() as cursor:
        for slug in ("a", "b", "c", "d", "e", "f"):  # prepared at the sixth
            cursor.execute(sql, [slug])
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert "SELECT id FROM catalog_resource WHERE slug = $1" in prepared


def test_sqlite_is_the_default_with_immediate_transactions_a_busy_timeout_and_kept_connections():
    result = run_python(
        "import toolkit.settings as s; d = s.DATABASES['default'];"
        "print(d['ENGINE'], d['OPTIONS']['transaction_mode'], d['OPTIONS']['timeout'],"
        " d['CONN_MAX_AGE'])",
        DJANGO_DEBUG="1",
    )
    assert result.stdout.split() == ["django.db.backends.sqlite3", "IMMEDIATE", "20", "60"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite pragmas")
@pytest.mark.django_db
def test_sqlite_connections_use_write_ahead_logging():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20000


def test_settings_refuse_to_start_without_a_valid_oai_admin_email_when_debug_is_off():
    production = {k: v for k, v in PRODUCTION.items() if k != "TOOLKIT_OAI_ADMIN_EMAIL"}
    code = "import toolkit.settings as s; print(s.TOOLKIT_OAI_ADMIN_EMAIL)"
    # the default, DEFAULT_FROM_EMAIL's noreply@localhost, is not an address harvesters can use
    result = run_python(code, **production)
    assert result.returncode != 0
    assert "TOOLKIT_OAI_ADMIN_EMAIL must be an e-mail address" in result.stderr
    result = run_python(code, **production, TOOLKIT_OAI_ADMIN_EMAIL="editors@localhost")
    assert result.returncode != 0
    ok = run_python(code, **production, DEFAULT_FROM_EMAIL="Toolkit <editors@toolkit.example.org>")
    assert ok.stdout.strip() == "editors@toolkit.example.org", ok.stderr
    ok = run_python(code, **production, TOOLKIT_OAI_ADMIN_EMAIL="oai@toolkit.example.org")
    assert ok.stdout.strip() == "oai@toolkit.example.org", ok.stderr


def test_in_development_the_oai_admin_email_defaults_to_a_valid_address():
    code = "import toolkit.settings as s; print(s.TOOLKIT_OAI_ADMIN_EMAIL)"
    result = run_python(code, DJANGO_DEBUG="1")
    assert result.stdout.strip() == "webmaster@example.org", result.stderr


def test_email_goes_to_the_console_in_development_and_smtp_in_production():
    code = "import toolkit.settings as s; print(s.EMAIL_BACKEND.rsplit('.', 2)[-2])"
    assert run_python(code, DJANGO_DEBUG="1").stdout.strip() == "console"
    assert run_python(code, **PRODUCTION).stdout.strip() == "smtp"


def deploy_check(**env):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_the_production_variables_of_env_example_and_a_real_key():
    env = {k: v for k, v in env_example().items() if k != "DATABASE_URL"}
    assert env["DJANGO_DEBUG"] == "0"
    result = deploy_check(**{**env, "DJANGO_SECRET_KEY": RANDOM_KEY})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_site_refuses_to_start_with_the_env_example_placeholder_secret_key():
    env = {k: v for k, v in env_example().items() if k != "DATABASE_URL"}
    result = deploy_check(**env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is a placeholder" in result.stderr
    assert "no issues" not in result.stdout


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("change-me", id="change-me"),
        pytest.param("CHANGE_ME-" + RANDOM_KEY, id="CHANGE_ME-prefix"),
        pytest.param("please-replace-me-" + RANDOM_KEY, id="replace-me-prefix"),
        pytest.param("django-insecure-" + RANDOM_KEY, id="django-insecure-prefix"),
        pytest.param(RANDOM_KEY + "-placeholder", id="placeholder-suffix"),
        pytest.param("your-secret-key-goes-here-" + RANDOM_KEY, id="your-secret-key"),
        pytest.param("x" * 60, id="five-different-characters-or-fewer"),  # Django's W009
        pytest.param(RANDOM_KEY[:49], id="shorter-than-50"),
    ],
)
def test_settings_refuse_a_placeholder_or_weak_secret_key_when_debug_is_off(key):
    result = run_python("import toolkit.settings", DJANGO_SECRET_KEY=key)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY is" in result.stderr
    assert "secrets.token_urlsafe(50)" in result.stderr  # says how to make a good one


def test_a_placeholder_secret_key_is_accepted_for_local_development_with_debug_on():
    result = run_python(
        "import toolkit.settings as s; print(s.DEBUG)", DJANGO_DEBUG="1", DJANGO_SECRET_KEY="x"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_the_makefile_test_key_is_accepted_with_debug_off():
    makefile = (ROOT / "Makefile").read_text()
    key = re.search(r"DJANGO_SECRET_KEY=(\S+)", makefile).group(1)
    site = re.search(r"TEST_ENV :=.*?TOOLKIT_SITE_URL=(\S+)", makefile, re.S).group(1)
    oai = re.search(r"TEST_ENV :=.*?TOOLKIT_OAI_ADMIN_EMAIL=(\S+)", makefile, re.S).group(1)
    result = run_python(
        "import toolkit.settings as s; print(s.DEBUG)",
        DJANGO_SECRET_KEY=key,
        TOOLKIT_SITE_URL=site,
        TOOLKIT_OAI_ADMIN_EMAIL=oai,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_env_example_documents_every_variable_the_settings_read():
    source = (ROOT / "toolkit" / "settings.py").read_text()
    documented = (ROOT / ".env.example").read_text()
    read = set(re.findall(r'env_(?:bool|int|list)\("([A-Z_]+)"', source))
    read |= set(re.findall(r'os\.environ(?:\.get)?\(?\[?"([A-Z_]+)"', source))
    missing = sorted(name for name in read if name not in documented)
    assert missing == []


def test_the_site_refuses_to_start_in_production_without_its_public_address():
    result = run_python("import toolkit.settings", DJANGO_SECRET_KEY=RANDOM_KEY)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "TOOLKIT_SITE_URL is not set and DJANGO_DEBUG is off" in result.stderr
    assert "https://toolkit.example.org" in result.stderr  # says what to set


@pytest.mark.parametrize("value", ["toolkit.example.org", "ftp://toolkit.example.org", "https://"])
def test_a_site_address_that_is_not_an_http_address_stops_the_site_naming_it(value):
    result = run_python("import toolkit.settings", DJANGO_DEBUG="1", TOOLKIT_SITE_URL=value)
    assert result.returncode != 0
    assert "TOOLKIT_SITE_URL must be an http:// or https:// address" in result.stderr
    assert repr(value) in result.stderr


def test_in_development_an_unset_site_address_means_the_address_being_served():
    code = "import toolkit.settings as s; print(repr(s.TOOLKIT_SITE_URL))"
    assert run_python(code, DJANGO_DEBUG="1").stdout.strip() == "''"
    result = run_python(code, DJANGO_DEBUG="1", TOOLKIT_SITE_URL="http://127.0.0.1:8301/")
    assert result.stdout.strip() == "'http://127.0.0.1:8301'"


def test_make_run_on_another_port_serves_and_links_to_that_port():
    result = subprocess.run(  # noqa: S603
        ["make", "-n", "run", "PORT=8301"],  # noqa: S607 - the project's own Makefile
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "TOOLKIT_SITE_URL"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    (runserver,) = [line for line in result.stdout.splitlines() if "runserver" in line]
    assert "TOOLKIT_SITE_URL=http://127.0.0.1:8301 " in runserver
    assert runserver.endswith("runserver 127.0.0.1:8301")
    assert "TOOLKIT_SITE_URL=http://127.0.0.1:8301 " in result.stdout.split("seed_demo")[0]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("TOOLKIT_DOI_PREFIX", "doi:10.5072", "TOOLKIT_DOI_PREFIX must be a DOI prefix"),
        ("TOOLKIT_DOI_PREFIX", "11.1234", "TOOLKIT_DOI_PREFIX must be a DOI prefix"),
        ("TOOLKIT_DOI_SITE_CODE", "Health Toolkit", "TOOLKIT_DOI_SITE_CODE must be"),
        ("TOOLKIT_DOI_AGENCY", "zenodo", "TOOLKIT_DOI_AGENCY must be datacite or crossref"),
    ],
)
def test_a_doi_setting_that_cannot_make_a_doi_stops_the_site_naming_it(name, value, message):
    result = run_python("import toolkit.settings", DJANGO_DEBUG="1", **{name: value})
    assert result.returncode != 0
    assert message in result.stderr and value.lower() in result.stderr  # says what it got


def test_dois_are_off_by_default_and_the_registrant_is_the_site_name():
    code = "import toolkit.settings as s; print((s.TOOLKIT_DOI_PREFIX, s.TOOLKIT_DOI_REGISTRANT))"
    result = run_python(code, DJANGO_DEBUG="1")
    assert result.stdout.strip() == "('', 'Health Disparities Toolkit')"
