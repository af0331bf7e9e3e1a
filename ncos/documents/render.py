"""Documents as PDF: Django templates rendered by WeasyPrint.

One template language for screen and paper. Templates extend `documents/base.html` (A4, page
numbers, a "protected document" footer). Nothing is fetched over the network or from disk: the
URL fetcher allows only `data:` URLs, so a hostile value in a document cannot make the server
reach out or read a local file.
"""

from __future__ import annotations

from typing import Any

import weasyprint
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint.urls import URLFetcher


def url_fetcher() -> URLFetcher:
    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=2)


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    """Render a template to PDF bytes."""
    html = render_to_string(template_name, {"generated_at": timezone.now(), **context})
    return weasyprint.HTML(string=html, url_fetcher=url_fetcher(), base_url=None).write_pdf()


def pdf_response_headers(filename: str) -> dict[str, str]:
    """Headers for serving a PDF: a download, never cached, never sniffed, sandboxed."""
    safe = "".join(ch for ch in filename if ch.isalnum() or ch in "-_.") or "document.pdf"
    return {
        "Content-Type": "application/pdf",
        "Content-Disposition": f'attachment; filename="{safe}"',
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox",
    }
