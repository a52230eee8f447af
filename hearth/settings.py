"""Hearth's one settings module, driven by environment variables.

Local defaults just work (SQLite under ./var, console email, debug on).
``HEARTH_ENV=production`` turns on the safe production configuration, and
the system checks in ``hearth.front.checks`` refuse an unsafe one.
See ``.env.example`` for every variable.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def _read_dotenv(path: Path) -> None:
    """Load KEY=VALUE lines from .env without overriding the real environment."""
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        os.environ.setdefault(key.strip(), value.strip().strip("'\""))


_read_dotenv(BASE_DIR / ".env")

HEARTH_ENV = env("HEARTH_ENV", "development")
PRODUCTION = HEARTH_ENV == "production"
DEBUG = env_bool("HEARTH_DEBUG", not PRODUCTION)

DATA_DIR = Path(env("HEARTH_DATA_DIR", str(BASE_DIR / "var")))


def _secret_key() -> str:
    given = env("HEARTH_SECRET_KEY")
    if given:
        return given  # a short one is refused in production by check hearth.E001
    if PRODUCTION:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "HEARTH_SECRET_KEY must be set in production: 50 or more random characters."
        )
    # Development: one random key per checkout, kept out of the repository.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("HEARTH_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("HEARTH_CSRF_TRUSTED_ORIGINS")
SITE_ID = 1

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.usersessions",
    "hearth.accounts",
    "hearth.vault",
    "hearth.spaces",
    "hearth.front",
    "hearth.coach",
    "hearth.checkins",
    "hearth.questions",
    "hearth.promises",
    "hearth.appreciations",
    "hearth.boundaries",
    "hearth.rituals",
    "hearth.journal",
    "hearth.insights",
    "hearth.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "hearth.vault.middleware.KeychainMiddleware",
    "hearth.accounts.middleware.RecoveryCodeMiddleware",
    "hearth.front.middleware.PrivatePagesMiddleware",
    "hearth.front.middleware.SpaceMiddleware",
]

ROOT_URLCONF = "hearth.urls"
# Widgets (the coached textarea) render with the project's templates.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "hearth.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "hearth" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hearth.front.context.hearth",
            ],
        },
    }
]

# --- Database -----------------------------------------------------------
# SQLite by default: WAL so readers never block the writer, IMMEDIATE
# transactions so two writers queue instead of failing half-way, and a busy
# timeout so they wait for each other. DATABASE_URL switches to PostgreSQL.
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES: dict[str, dict[str, Any]] = {
        "default": dict(dj_database_url.parse(DATABASE_URL, conn_max_age=0))
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
        "HEARTH_DB_POOL", True
    ):
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": int(env("HEARTH_DB_POOL_MIN", "2")),
            "max_size": int(env("HEARTH_DB_POOL_MAX", "10")),
            "timeout": 10,
        }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "hearth.sqlite3"),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 5,
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=NORMAL;"
                    "PRAGMA busy_timeout=5000;"
                    "PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared by every app process (rate limits included), with no extra service.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "hearth_cache",
    }
}

# --- Accounts -----------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "front:home"

ACCOUNT_ADAPTER = "hearth.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env("HEARTH_EMAIL_VERIFICATION", "optional")
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Hearth: "
# Someone holding an unlocked phone must not be able to take the account over:
# changing the email asks for the password again, a new address replaces the
# old one only once verified, and resets go only to the verified address.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_FORMS = {
    "reset_password": "hearth.accounts.forms.ResetPasswordForm",
    "login": "hearth.accounts.forms.LoginForm",
    "signup": "hearth.accounts.forms.SignupForm",
    "change_password": "hearth.accounts.forms.ChangePasswordForm",
    "reset_password_from_key": "hearth.accounts.forms.ResetPasswordKeyForm",
}
# Failed logins slow an attacker down per address and per account, but never
# lock the account: a browser that has signed in to the account before is not
# held back by the per-account limit (see AccountAdapter.pre_authenticate).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "login_failed_known_browser": "10/m/ip",
    # The message coach reads as people type (debounced): generous, but bounded.
    "coach": "120/m/user",
    "signup": "10/m/ip",
}
USERSESSIONS_TRACK_ACTIVITY = True

HEARTH_KDF = env("HEARTH_KDF", "interactive")  # "fast" only for tests and demos

# --- Sessions and cookies -----------------------------------------------
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE = env_bool("HEARTH_SECURE_COOKIES", PRODUCTION)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
# The browser-held half of the session key lock (see hearth.vault.session).
HEARTH_UNLOCK_COOKIE = "__Host-hearth-unlock" if SECURE else "hearth-unlock"
if SECURE:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# --- Security headers ---------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("HEARTH_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(env("HEARTH_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HEARTH_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("HEARTH_HSTS_PRELOAD", True)
    if env_bool("HEARTH_BEHIND_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# --- Static files -------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
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

# --- Email --------------------------------------------------------------
EMAIL_HOST = env("HEARTH_EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(env("HEARTH_EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("HEARTH_EMAIL_USER")
EMAIL_HOST_PASSWORD = env("HEARTH_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("HEARTH_EMAIL_TLS", True)
DEFAULT_FROM_EMAIL = env("HEARTH_EMAIL_FROM", "Hearth <hearth@localhost>")

# --- Internationalisation -----------------------------------------------
LANGUAGE_CODE = "en"
TIME_ZONE = env("HEARTH_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Product ------------------------------------------------------------
# Where the quick exit lands: a neutral, everyday page.
HEARTH_EXIT_URL = env("HEARTH_EXIT_URL", "https://www.wikipedia.org/")
HEARTH_INVITATION_DAYS = 7

# --- Logging ------------------------------------------------------------
# Logs carry no content: request paths are stripped of secrets (invitation
# tokens) and nothing logs request bodies or SQL parameters.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "hearth.front.logs.RedactSecrets"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact"],
        }
    },
    "root": {"handlers": ["console"], "level": env("HEARTH_LOG_LEVEL", "INFO")},
    "loggers": {
        # Replace Django's own console handlers, which would print unredacted.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
        "django.db.backends": {"handlers": [], "level": "WARNING", "propagate": True},
    },
}
