"""T13 stored XSS in Chromium (security.md IN-3, DP-4, §5 T13).

About 40 payloads (script tags, attribute breakouts, `javascript:` URLs, SVG/onload, event
handlers, template `{{ }}` and `{% %}`) are stored through the services in every free-text field
of a person's records in every app (names, aliases, details, offences, orders, documents, photo
captions, case notes, tasks, visits, referrals, s 122 requests, reports, failures, travel,
transfers, permissions, passport requests: tests/security/world.py puts one in front of every
free-text value). Every HTML page that can show them (each URL pattern with the person's record
ids, the lists, the dashboard and a search by the poisoned name) is rendered in Chromium, signed
in as the cleared registrar who may see everything. Targets: 0 dialogs, 0 CSP violations, 0
injected elements or `javascript:` links, and every payload shown as text somewhere.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pytest
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from ncos.access.roles import Role
from ncos.access.testing import endpoints
from tests.security.world import build_person, user

PAYLOADS = [
    "<script>alert('x1')</script>",
    "<script id=xss2>alert(2)</script>",
    "\"><script>alert('x3')</script>",
    "'><script>alert('x4')</script>",
    "</textarea><script>alert('x5')</script>",
    "</title><script>alert('x6')</script>",
    "<img src=x onerror=alert('x7') id=xss7>",
    "\"><img src=x onerror=alert('x8') id=xss8>",
    "'><img src=x onerror=alert('x9') id=xss9>",
    "<svg onload=alert('x10') id=xss10>",
    "<svg><script>alert('x11')</script></svg>",
    "<body onload=alert('x12')>",
    "<iframe src=javascript:alert('x13') id=xss13></iframe>",
    "<a href=javascript:alert('x14') id=xss14>click</a>",
    "javascript:alert('x15')",
    '" onmouseover="alert(\'x16\')" data-xss="16',
    "' onfocus='alert(17)' autofocus data-xss='17",
    '" autofocus onfocus="alert(\'x18\')" data-xss="18',
    "<details open ontoggle=alert('x19') id=xss19>",
    "<input autofocus onfocus=alert('x20') id=xss20>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('x21') id=xss21>",
    "<object data=javascript:alert('x22') id=xss22>",
    "<embed src=javascript:alert('x23') id=xss23>",
    "<link rel=stylesheet href=javascript:alert('x24') id=xss24>",
    "<meta http-equiv=refresh content=\"0;url=javascript:alert('x25')\">",
    "<base href=javascript:alert('x26')//>",
    "<form action=javascript:alert('x27') id=xss27><button>go</button></form>",
    "<video><source onerror=alert('x28') id=xss28></video>",
    "<style>@import 'javascript:alert(29)';</style>",
    "<div style=\"background:url(javascript:alert('x30'))\" id=xss30>",
    "{{ 7|add:'x31' }}",
    "{% load static %}{% debug %}x32",
    "{{ request.user.password }}x33",
    "${alert('x34')}",
    "<!--x35--><script>alert('x35')</script>",
    "<scr<script>ipt>alert('x36')</scr</script>ipt>",
    "%3Cscript%3Ealert('x37')%3C/script%3E",
    "&lt;script&gt;alert('x38')&lt;/script&gt;",
    "<svg/onload=alert`x39` id=xss39>",
    "\u202e<script>alert('x40')</script>",
]
INJECTED = (
    "[id^=xss], [data-xss], script:not([nonce]):not([src]), "
    "a[href^='javascript:' i], iframe, object, embed, base, form[action^='javascript:' i]"
)
CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + e.sample));
"""
SKIP_SUFFIXES = (".csv", ".pdf", "/file", "/image", "/thumbnail", ".json", "/pdf", "/document")


def _pages(person: Any) -> list[str]:
    urls = ["/", "/cases/", "/cases/tasks/?scope=all", "/compliance/reports/", "/passports/"]
    for endpoint in endpoints():
        if not endpoint.kwargs or endpoint.name.startswith("api:") or "GET" not in endpoint.methods:
            continue
        if not all(k in person.kwargs for k in endpoint.kwargs):
            continue
        url = reverse(endpoint.name, kwargs={k: person.kwargs[k] for k in endpoint.kwargs})
        if not url.rstrip("/").endswith(SKIP_SUFFIXES) and not url.endswith(SKIP_SUFFIXES):
            urls.append(url)
    return urls


@pytest.mark.browser
def test_stored_payloads_never_execute(
    signed_in_page: Callable[..., Page], live_server_url: str
) -> None:
    cycle = itertools.cycle(PAYLOADS)
    person = build_person("ACT", protected=True, other="NSW", inject=lambda: next(cycle))
    assert len(person.injected) >= len(PAYLOADS), len(person.injected)
    family = next(c for c in person.canaries if c.label == "family name").variants[0]
    page = signed_in_page(user("ACT", Role.REGISTRAR, cleared=True))
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    page.context.add_init_script(CSP_LISTENER)

    urls = [*_pages(person), f"/search/?q={quote(family)}"]
    assert len(urls) > 40, len(urls)
    problems: list[str] = []
    shown: set[str] = set()
    for url in urls:
        try:
            response = page.goto(live_server_url + url)
        except PlaywrightError as exc:
            if "Download is starting" in str(exc):
                continue  # a file, not a page
            raise
        status = response.status if response else 0
        if status >= 500:
            problems.append(f"{url}: {status}")
            continue
        page.wait_for_load_state("load")
        violations = page.evaluate("window.__csp || []")
        problems += [f"{url}: CSP violation {v}" for v in violations]
        injected = page.eval_on_selector_all(
            INJECTED, "els => els.map(e => e.outerHTML.slice(0, 80))"
        )
        problems += [f"{url}: injected element {html}" for html in injected]
        text = page.evaluate(
            "document.body.innerText + ' ' + Array.from("
            "document.querySelectorAll('input, textarea')).map(e => e.value).join(' ')"
        )
        shown |= {p for p in PAYLOADS if p.strip() in text}
    problems += dialogs
    assert not problems, f"{len(problems)} XSS findings:\n" + "\n".join(problems[:40])
    not_shown = [p for p in PAYLOADS if p not in shown]
    assert len(not_shown) <= len(PAYLOADS) // 10, f"payloads never shown as text: {not_shown}"

    # Control: the listener does catch a violation (markup with an inline handler, added by
    # script after the fact, is blocked by the CSP and reported), so 0 above means 0.
    page.goto(live_server_url + "/")
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"alert(1)\">')"
    )
    page.wait_for_function("window.__csp.length > 0", timeout=5000)
    assert not dialogs, dialogs
