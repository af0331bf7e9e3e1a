"""Production: everything secret or deployment-specific comes from the environment.

`python manage.py check --deploy --fail-level WARNING` passes with these settings.
"""

from django.core.exceptions import ImproperlyConfigured

from config.env import env

from .base import *  # noqa: F403
from .base import NCOS_AUDIT_CHECKPOINT_KEY, NCOS_DEMO_MODE, SECRET_KEY

DEBUG = False
if NCOS_DEMO_MODE:
    raise ImproperlyConfigured("NCOS_DEMO_MODE must not be set in production.")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set (50+ random characters) in production.")
if not NCOS_AUDIT_CHECKPOINT_KEY:
    raise ImproperlyConfigured("NCOS_AUDIT_CHECKPOINT_KEY must be set in production.")

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# __Host- cookies are bound to this exact host over HTTPS, with no Domain attribute (ASVS 3.3.1).
SESSION_COOKIE_NAME = "__Host-ncos-session"
CSRF_COOKIE_NAME = "__Host-ncos-csrf"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = False
