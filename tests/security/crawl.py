"""A crawler over every URL pattern, every API GET operation, search, exports and PDFs, run as one
subject through Django's test client, collecting what each response shows (security.md T4).

`Crawl(client, world, ...)` builds the URL list once per subject: each URL pattern of the
project (`ncos.access.testing.endpoints()`) with each protected person's own records in its
kwargs (kwargs the world has no record for are built by the apps' matrix factories against the
same managing jurisdiction, their canaries added to the watch list), every GET operation of the
OpenAPI schema (with each enum value of its query parameters), the search page and the search API
queried BY each canary (name, alias, phonetic variant, DOB, identifiers), every page of the audit
viewer, error pages. Responses are reduced to a `Seen` record: status, the squashed text of body
(PDF text extracted with pypdf) and headers (filenames included), and the SHA-256 of binary bodies.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.test import Client
from django.urls import NoReverseMatch, reverse
from pypdf import PdfReader

from ncos.access.testing import Endpoint, RecordSpec, endpoints, load_factories
from tests.security.world import Built, Canary, World, squash

API_PREFIX = "/api/v1/"
UNSAFE = ("POST", "PUT", "PATCH", "DELETE")
# List pages worth asking in more than their default view (scopes, filters that widen lists).
EXTRA_QUERIES: dict[str, tuple[str, ...]] = {
    "cases:tasks": ("scope=all", "scope=queue", "scope=mine", "status=any&scope=all"),
    "cases:tasks_export": ("scope=all", "scope=queue", "status=any&scope=all"),
    "cases:caseload": ("unassigned=on",),
    "sharing:inbox": ("state=read", "state=unread", "state=escalated"),
    "sharing:inbox_export": ("state=read",),
    "registry:person_list": ("sort=-updated", "status=registrable"),
    "compliance:obligations_export": ("purpose=security+review",),
    "compliance:reminders_export": ("purpose=security+review",),
    "compliance:reports_export": ("purpose=security+review",),
}
# Query parameters that only reorder a list: not worth a request per value.
ORDER_PARAMS = frozenset({"ordering", "sort", "page", "page_size"})
ERROR_PATHS = (
    "/no-such-page/",
    "/persons/00000000-0000-4000-8000-000000000000/",
    "/api/v1/persons/00000000-0000-4000-8000-000000000000",
    "/api/v1/no-such-operation",
)


@dataclass
class Seen:
    method: str
    url: str
    status: int
    content_type: str
    text: str  # squashed body text (PDF: extracted text) + headers
    sha256: str | None  # of a binary body (images, PDFs, files)
    exclude: frozenset[str] = frozenset()  # squashed variants the request itself carried


@dataclass
class Leak:
    subject: str
    seen: Seen
    canary: Canary

    def __str__(self) -> str:
        return (
            f"{self.subject}: {self.seen.method} {self.seen.url} -> {self.seen.status} shows "
            f"{self.canary.owner} {self.canary.label} ({self.canary.variants[0]!r})"
        )


def _body(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def _pdf_text(data: bytes) -> str:
    try:
        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    except Exception:  # noqa: BLE001 - not a PDF after all: the raw bytes are checked instead
        return data.decode("latin-1")


def reduce(method: str, url: str, response: Any, exclude: Iterable[str] = ()) -> Seen:
    data = _body(response)
    content_type = response.get("Content-Type", "")
    headers = "\n".join(f"{k}: {v}" for k, v in response.headers.items())
    sha = None
    if content_type.startswith("application/pdf") or data.startswith(b"%PDF"):
        text = _pdf_text(data)
        sha = hashlib.sha256(data).hexdigest()
    elif content_type.startswith(("image/", "application/octet-stream")):
        text = ""
        sha = hashlib.sha256(data).hexdigest()
    else:
        text = data.decode("utf-8", "replace")
    return Seen(
        method,
        url,
        response.status_code,
        content_type,
        squash(text + "\n" + headers),
        sha,
        frozenset(exclude),
    )


def load_schema() -> dict[str, Any]:
    """The OpenAPI document as the schema view serves it (generated once)."""
    from drf_spectacular.drainage import GENERATOR_STATS
    from drf_spectacular.generators import SchemaGenerator

    with GENERATOR_STATS.silence():  # enum-naming warnings are the API engineers' business
        return SchemaGenerator().get_schema(request=None, public=True)


_PATH_PARAM = re.compile(r"\{(\w+)\}")


@dataclass
class Crawl:
    """Every request one subject makes; `run()` yields what each response showed."""

    client: Client
    world: World
    actor: Any  # the user (None for anonymous)
    schema: dict[str, Any]
    include_unsafe: bool = True
    extra_canaries: list[Canary] = field(default_factory=list)
    requested: int = 0
    _factory_cache: dict[tuple[str, str], Any] = field(default_factory=dict)

    # --- building URLs -------------------------------------------------------------------

    def _value(self, name: str, person: Built, built: dict[str, Any]) -> Any:
        if name in person.kwargs:
            return person.kwargs[name]
        key = (name, person.label)
        if key not in self._factory_cache or load_factories()[name].per_actor:
            factory = load_factories()[name]
            spec = RecordSpec(
                managing_jurisdiction=person.code,
                protected=person.protected,
                actor=self.actor,
                built=dict(built),
            )
            made = factory(spec)
            for text in made.canaries:
                self.extra_canaries.append(
                    Canary(f"{name} factory record", person.label, (squash(str(text)),))
                )
            self._factory_cache[key] = made.value
        return self._factory_cache[key]

    def _urls_for(self, endpoint: Endpoint) -> Iterator[str]:
        if not endpoint.kwargs:
            try:
                url = reverse(endpoint.name)
            except NoReverseMatch:
                return
            yield url
            for query in EXTRA_QUERIES.get(endpoint.name, ()):
                yield f"{url}?{query}"
            return
        factories = load_factories()
        for person in self.world.protected:
            if any(k not in person.kwargs and k not in factories for k in endpoint.kwargs):
                return  # allauth's own `pk` pages (WebAuthn keys): nothing of a person there
            kwargs: dict[str, Any] = {}
            for name in endpoint.kwargs:
                kwargs[name] = self._value(name, person, kwargs)
            yield reverse(endpoint.name, kwargs=kwargs)

    def _schema_urls(self) -> Iterator[str]:
        for path, operations in self.schema.get("paths", {}).items():
            get = operations.get("get")
            if get is None:
                continue
            names = _PATH_PARAM.findall(path)
            bases: list[str] = []
            if names:
                for person in self.world.protected:
                    kwargs: dict[str, Any] = {}
                    for name in names:
                        kwargs[name] = self._value(name, person, kwargs)
                    bases.append(_PATH_PARAM.sub(lambda m, k=kwargs: str(k[m.group(1)]), path))
            else:
                bases.append(path)
            queries = [""]
            for param in get.get("parameters", []):
                if param.get("in") != "query" or param["name"] in ORDER_PARAMS:
                    continue
                schema = param.get("schema", {})
                enum = schema.get("enum") or schema.get("items", {}).get("enum") or []
                queries += [urlencode({param["name"]: v}) for v in enum if v not in (None, "")]
                if schema.get("type") == "boolean":
                    queries.append(urlencode({param["name"]: "true"}))
            for base in bases:
                for query in queries:
                    yield f"{base}?{query}" if query else base

    # --- requests ------------------------------------------------------------------------

    def _get(self, url: str, exclude: Iterable[str] = ()) -> Seen:
        self.requested += 1
        accept = {"HTTP_ACCEPT": "application/json"} if url.startswith(API_PREFIX) else {}
        response = self.client.get(url, **accept)
        return reduce("GET", url, response, exclude)

    def _unsafe(self, method: str, url: str) -> Seen:
        self.requested += 1
        if url.startswith(API_PREFIX):
            response = self.client.generic(
                method, url, data="{}", content_type="application/json", HTTP_IF_MATCH='"1"'
            )
        else:
            response = self.client.generic(
                method, url, data="", content_type="application/x-www-form-urlencoded"
            )
        return reduce(method, url, response)

    def searches(self) -> Iterator[Seen]:
        for person in self.world.protected:
            for _label, params in person.searches:
                query = urlencode(params)
                typed = frozenset(squash(v) for v in params.values())
                for base in ("/search/", f"{API_PREFIX}persons/search"):
                    seen = self._get(f"{base}?{query}", exclude=typed)
                    yield seen

    def audit_pages(self) -> Iterator[Seen]:
        first = self._get("/audit/")
        yield first
        if first.status != 200:
            return
        pages = [int(n) for n in re.findall(r"[?&]page=(\d+)", first.text)]
        for n in range(2, max(pages, default=1) + 1):
            yield self._get(f"/audit/?page={n}")
        for person in self.world.protected:
            yield self._get(f"/audit/?object_id={person.person.pk}")
            yield self._get(f"/audit/export.csv?object_id={person.person.pk}")

    def run(self) -> Iterator[Seen]:
        """GETs first (pages, API, schema operations, searches, audit, errors), then refused
        writes (`include_unsafe`), so a write that went through cannot hide a GET leak."""
        done: set[str] = set()
        unsafe: list[tuple[str, str]] = []
        everything = [e for e in endpoints() if e.name]
        for endpoint in everything:
            for url in self._urls_for(endpoint):
                if "GET" in endpoint.methods and url not in done:
                    done.add(url)
                    yield self._get(url)
                if endpoint.kwargs:
                    unsafe += [(m, url) for m in endpoint.methods if m in UNSAFE]
        for url in self._schema_urls():
            if url not in done:
                done.add(url)
                yield self._get(url)
        yield from self.searches()
        yield from self.audit_pages()
        for path in ERROR_PATHS:
            yield self._get(path)
        if self.include_unsafe:
            for method, url in unsafe:
                yield self._unsafe(method, url)


def leaks(subject: str, seen: Seen, canaries: Iterable[Canary]) -> list[Leak]:
    found = []
    for canary in canaries:
        # What the user typed comes back (the search box): a canary the request itself carried,
        # in any of its forms, is not a leak of that response.
        if any(v in x or x in v for v in canary.variants for x in seen.exclude):
            continue
        if canary.found_in(seen.text):
            found.append(Leak(subject, seen, canary))
    return found


class LogTap(logging.Handler):
    """Every log record of the project and Django while a crawl runs (canaries must not reach
    the logs either: security.md AC-4)."""

    LOGGERS = ("", "ncos", "django", "django.request", "django.security")

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.lines.append(text)

    def __enter__(self) -> LogTap:
        self._levels = {}
        for name in self.LOGGERS:
            logger = logging.getLogger(name)
            self._levels[name] = logger.level
            logger.addHandler(self)
            logger.setLevel(min(logger.level or logging.DEBUG, logging.INFO))
        return self

    def __exit__(self, *exc: object) -> None:
        for name in self.LOGGERS:
            logger = logging.getLogger(name)
            logger.removeHandler(self)
            logger.setLevel(self._levels[name])

    def text(self) -> str:
        return squash("\n".join(self.lines))
