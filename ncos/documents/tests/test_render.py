"""PDF rendering: text comes out as written, outside URLs are never fetched."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from ncos.documents.render import pdf_response_headers, render_pdf, url_fetcher


def _use_template_dir(settings, path):
    engine = dict(settings.TEMPLATES[0])
    engine["DIRS"] = [path, *engine["DIRS"]]
    settings.TEMPLATES = [engine]  # assigning (not mutating) resets the template engines


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_template_renders_to_pdf_with_its_text(settings, tmp_path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "sample.html").write_text(
        '{% extends "documents/base.html" %}{% block content %}<h1>Receipt {{ n }}</h1>'
        "<p>{{ name }}</p>{% endblock %}"
    )
    _use_template_dir(settings, tmp_path)
    pdf = render_pdf("documents/sample.html", {"n": 42, "name": "<b>Ann & Bob</b>"})
    assert pdf.startswith(b"%PDF")
    text = _text(pdf)
    assert "Receipt 42" in text
    assert "<b>Ann & Bob</b>" in text  # escaped into text, not markup
    assert "Page 1 of 1" in text


def test_external_resources_are_never_fetched(settings, tmp_path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "evil.html").write_text(
        '<img src="http://127.0.0.1:9/tracker.png"><img src="file:///etc/hostname"><p>body</p>'
    )
    _use_template_dir(settings, tmp_path)
    pdf = render_pdf("documents/evil.html", {})
    assert pdf.startswith(b"%PDF")
    assert "body" in _text(pdf)


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/x.png", "file:///etc/passwd", "ftp://h/f"])
def test_the_fetcher_refuses_anything_but_data_urls(url):
    with pytest.raises(ValueError, match="disallowed protocol"):
        url_fetcher().fetch(url)


def test_the_fetcher_accepts_data_urls():
    response = url_fetcher().fetch("data:text/plain;base64,aGVsbG8=")
    assert response is not None


def test_headers_sanitise_the_filename():
    headers = pdf_response_headers('../../etc/"receipt".pdf')
    assert headers["Content-Disposition"] == 'attachment; filename="....etcreceipt.pdf"'
    assert headers["Cache-Control"] == "no-store"
    assert headers["Content-Security-Policy"] == "sandbox"
