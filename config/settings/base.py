"""Settings shared by every environment. Environment-specific files import * from here.

Security figures (timeouts, lockout, password length) follow `shared/spec/security.md`; each is
named once here so a reviewer can read the whole policy in one place.
"""

from datetime import timedelta

from csp.constants import NONCE, NONE, SELF

from config.env import BASE_DIR, env

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS: list[str] = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Demo mode relaxes exactly one rule: MFA enrolment is not forced, so the printed demo logins work
# on a laptop. It is refused in production settings (see production.py).
NCOS_DEMO_MODE = env.bool("NCOS_DEMO_MODE", default=False)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "template_partials",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # ncos, in dependency order
    "ncos.common",
    "ncos.directory",
    "ncos.accounts",
    "ncos.access",
    "ncos.audit",
    "ncos.registry",
    "ncos.search",
    "ncos.compliance",
    "ncos.cases",
    "ncos.documents",
    "ncos.sharing",
    "ncos.passports",
    "ncos.api",
    "ncos.web",
]

MIDDLEWARE = [
    "ncos.common.middleware.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "ncos.common.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ncos.accounts.middleware.SessionPolicyMiddleware",
    "ncos.accounts.middleware.AccountStateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "ncos.audit.middleware.AuditFailClosedMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "csp.context_processors.nonce",
                "ncos.web.context_processors.navigation",
            ],
        },
    }
]

# --- Databases -----------------------------------------------------------------------------
# SQLite is the embedded default; PostgreSQL via DATABASE_URL in production and in CI's second run.
SQLITE_PATH = env("NCOS_SQLITE_PATH", default=str(BASE_DIR / "var" / "ncos.sqlite3"))
DATABASES = {
    "default": env.db(
        "DATABASE_URL",
        default=f"sqlite:///{SQLITE_PATH}",
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + a busy timeout + IMMEDIATE transactions: concurrent writers queue instead of failing
    # with "database is locked" (security.md T3).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The search key index covers the names on PostgreSQL (INCLUDE); SQLite builds the same index
# without the covered columns, which is what we want there, so its warning says nothing useful.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ncos_cache",
    }
}

# --- Accounts, passwords, sign-in ----------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["ncos.accounts.backends.LockoutAwareBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
NCOS_PASSWORD_MIN_LENGTH = 15  # ISM-0421 (security.md AU-4)
NCOS_PASSWORD_MAX_LENGTH = 128  # longer is refused with a message, never truncated
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": NCOS_PASSWORD_MIN_LENGTH},
    },
    {"NAME": "ncos.accounts.passwords.MaximumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "ncos.accounts.passwords.ContextWordValidator"},
]

NCOS_LOCKOUT_FAILURES = 5  # consecutive failures ...
NCOS_LOCKOUT_WINDOW = timedelta(minutes=15)  # ... within this window lock until released
NCOS_IP_THROTTLE_FAILURES = 20  # failures from one address ...
NCOS_IP_THROTTLE_WINDOW = timedelta(minutes=10)  # ... within this window → HTTP 429
NCOS_SESSION_IDLE = timedelta(minutes=15)
NCOS_SESSION_ABSOLUTE = timedelta(hours=12)
NCOS_STEP_UP_MAX_AGE = timedelta(minutes=5)
NCOS_INACTIVE_ACCOUNT_DAYS = 45
NCOS_INITIAL_PASSWORD_LIFETIME = timedelta(hours=24)

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "web:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_ADAPTER = "ncos.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_PASSWORD_INPUT_RENDER_VALUE = False
ACCOUNT_PREVENT_ENUMERATION = True
# Lockout and per-address throttling are ncos's own (accounts.lockout): allauth's limit is a
# cool-off, while the policy is "locked until an administrator releases it".
ACCOUNT_RATE_LIMITS = False
ACCOUNT_FORMS = {"login": "ncos.accounts.forms.BannerLoginForm"}
MFA_ADAPTER = "allauth.mfa.adapter.DefaultMFAAdapter"
MFA_SUPPORTED_TYPES = ["webauthn", "totp", "recovery_codes"]
MFA_TOTP_ISSUER = "ncos"
MFA_TOTP_PERIOD = 30
MFA_TOTP_TOLERANCE = 1
MFA_PASSKEY_LOGIN_ENABLED = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env.bool("MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", default=False)
MFA_RECOVERY_CODE_COUNT = 10
MFA_FORMS = {"activate_totp": "ncos.accounts.forms_mfa.TOTPWhenNoSecurityKeyForm"}

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = int(NCOS_SESSION_ABSOLUTE.total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "ncos.web.views.errors.csrf_failure"

# --- Security headers ----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# --- Internationalisation ------------------------------------------------------------------
LANGUAGE_CODE = "en-au"
TIME_ZONE = "Australia/Sydney"  # display default; each jurisdiction has its own zone
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded photographs and documents live outside the web root and are served only through the
# access-checked views; there is deliberately no MEDIA_URL route.
MEDIA_ROOT = env("NCOS_MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 11 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# --- API -----------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "ncos.api.authentication.ApiTokenAuthentication",
        "ncos.api.authentication.MfaSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["ncos.access.drf.DeclaredActionPermission"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "ncos.api.pagination.StandardPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "ncos.api.errors.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.ScopedRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"search": "120/min", "export": "20/min", "assess": "120/min"},
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ncos API",
    "DESCRIPTION": (
        "National Child Offender System: ANCOR register, Managed Person System, travel and "
        "passport processes. Every operation is authorised by role and jurisdiction and audited."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_PERMISSIONS": ["ncos.access.drf.AuthenticatedReader"],
    # Choice sets that share a field name across apps get one stable name each.
    "ENUM_NAME_OVERRIDES": {
        "JurisdictionCodeEnum": "ncos.directory.models.JurisdictionCode",
        "PersonStatusEnum": "ncos.registry.choices.PersonStatus",
        "PhotoKindEnum": "ncos.registry.choices.PhotoKind",
        "DocumentKindEnum": "ncos.registry.choices.DocumentKind",
        "TaskStatusEnum": "ncos.cases.choices.TaskStatus",
        "TaskKindEnum": "ncos.cases.choices.TaskKind",
        "VisitStatusEnum": "ncos.cases.choices.VisitStatus",
        "VisitOutcomeEnum": "ncos.cases.choices.VisitOutcome",
        "ReferralOutcomeEnum": "ncos.cases.choices.ReferralOutcome",
        "AccessRequestKindEnum": "ncos.cases.choices.RequestKind",
        "AccessRequestChannelEnum": "ncos.cases.choices.RequestChannel",
        "CorrectionDecisionEnum": "ncos.cases.choices.CorrectionDecision",
    },
}

# --- Background tasks ----------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Audit ---------------------------------------------------------------------------------
# Key for signing chain checkpoints (security.md LG-5). Separate from SECRET_KEY on purpose.
NCOS_AUDIT_CHECKPOINT_KEY = env("NCOS_AUDIT_CHECKPOINT_KEY", default="")
NCOS_AUDIT_RETENTION_YEARS = 7  # calendar years (LG-8); the purge refuses anything < 1 year old

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "ncos.common.logging.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "ncos": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
