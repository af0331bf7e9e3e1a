"""Test settings: the real databases (SQLite file or PostgreSQL via DATABASE_URL), MFA enforced."""

import os
import tempfile

from config.env import BASE_DIR, env

from .base import *  # noqa: F403

DEBUG = False
NCOS_DEMO_MODE = False
SECRET_KEY = "test-only-key-0123456789abcdefghijklmnopqrstuvwxyz-not-a-secret"  # noqa: S105
NCOS_AUDIT_CHECKPOINT_KEY = "test-only-checkpoint-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
# Argon2 at full cost makes a 1,000-test suite slow; one test checks production uses Argon2.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env("NCOS_MEDIA_ROOT", default="/tmp/ncos-test-media")  # noqa: S108
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# No collectstatic outside production: WhiteNoise serves through the finders.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, like the embedded deployment (not Django's shared in-memory database, whose table
    # locks make concurrent writers fail instead of waiting). One per test process (the pid), so
    # test runs started at the same time never share it; pytest-xdist adds _gw0, _gw1, ...
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"ncos-test-{os.getpid()}.sqlite3")
    }
