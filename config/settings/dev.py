"""Local development and the README's demo: SQLite, DEBUG, demo logins without forced MFA."""

from config.env import BASE_DIR, env

from .base import *  # noqa: F403
from .base import SECRET_KEY as _SECRET_KEY

DEBUG = env.bool("DEBUG", default=True)
NCOS_DEMO_MODE = env.bool("NCOS_DEMO_MODE", default=True)
SECRET_KEY = _SECRET_KEY or "dev-only-insecure-key-never-used-in-production-0123456789abcdef"
NCOS_AUDIT_CHECKPOINT_KEY = env("NCOS_AUDIT_CHECKPOINT_KEY", default="dev-only-checkpoint-key")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# No collectstatic outside production: WhiteNoise serves through the finders.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
