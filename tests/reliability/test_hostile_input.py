"""Hostile and malformed input, property-based (issue 10). Other suites already fuzz Link
headers (tests/core/engine/test_pagination.py), CSV (tests/core/storage/test_csv_properties.py),
age (test_age.py), snapshots (test_archive_parts.py), the practice routes
(tests/sandbox/test_robustness.py) and name hostile discovery cases one by one
(tests/core/servers/test_detect_hostile.py). This file fills the gaps: arbitrary JSON into
every entity parser, arbitrary discovery documents (WebFinger, NodeInfo, instance) served to
detection, arbitrary handle / URL text, arbitrary manifests, and remote names through the UI's
plain-text filter. The rule each time: a value, or a FedimoveError with a code the UI maps."""

from __future__ import annotations

import asyncio
import json
import unicodedata
from collections.abc import Callable
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fedimove.core.errors import FedimoveError
from fedimove.core.http import make_client
from fedimove.core.models import Handle
from fedimove.core.servers import rest_parse
from fedimove.core.servers.detect import detect, origin_from_url
from fedimove.core.storage.archive_manifest import load_manifest
from fedimove.ui.errors import mapped_codes
from fedimove.ui.text import plain_line

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(["", "0", "1e999", "2026-13-45T25:61:00Z", "https://x/@a", "<b>x</b>"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=25,
)
#: Keys a parser looks for, so the fuzz reaches past the first `if`.
KEYS = [
    "id", "acct", "username", "url", "uri", "display_name", "note", "fields", "locked",
    "title", "replies_policy", "exclusive", "keywords", "context", "expires_at", "phrase",
    "following", "showing_reblogs", "notifying", "languages", "requested", "name", "value",
    "created_at", "account", "avatar", "header", "bot", "discoverable", "source",
]  # fmt: skip
entities = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), json_values, max_size=14)

TRIED: dict[str, int] = {}


def _coded(error: FedimoveError) -> None:
    assert error.code
    assert "." in error.code
    assert error.code in mapped_codes()  # the UI has its own words for it, not "internal"


def _count(name: str) -> None:
    TRIED[name] = TRIED.get(name, 0) + 1


@SETTINGS
@given(data=entities, anything=json_values)
def test_entity_parsers_take_any_json(data: dict[str, Any], anything: Any) -> None:
    _count("entities")
    parsers: list[Callable[[], object]] = [
        lambda: rest_parse.account(data, "old.example"),
        lambda: rest_parse.accounts(anything, "old.example"),
        lambda: rest_parse.accounts([data, anything], "old.example"),
        lambda: rest_parse.relationship(data),
        lambda: rest_parse.list_entry(data),
        lambda: rest_parse.status(data, "old.example"),
        lambda: rest_parse.filter_entry(data),
        lambda: rest_parse.profile(data),
        lambda: rest_parse.tag_names(anything),
        lambda: rest_parse.domains(anything),
        lambda: rest_parse.objects(anything),
        lambda: rest_parse.moment(anything),
        lambda: rest_parse.text(anything),
    ]
    for parse in parsers:
        try:
            parse()
        except FedimoveError as error:
            _coded(error)


@SETTINGS
@given(st.text(max_size=300))
def test_any_handle_or_url_text(text: str) -> None:
    _count("handles_urls")
    for parse in (Handle.parse, origin_from_url):
        try:
            parse(text)
        except FedimoveError as error:
            _coded(error)


@SETTINGS
@given(st.text(max_size=500) | st.lists(st.text(max_size=30), max_size=12).map("\n".join))
def test_any_manifest_text(text: str) -> None:
    _count("manifests")
    try:
        load_manifest(text)
    except FedimoveError as error:
        _coded(error)


def _server(documents: dict[str, tuple[int, bytes, str]]) -> Starlette:
    async def answer(request: Request) -> Response:
        status, body, kind = documents.get(request.url.path, (404, b"", "text/plain"))
        return Response(body, status_code=status, media_type=kind)

    return Starlette(routes=[Route("/{path:path}", answer)])


bodies = st.one_of(
    json_values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=200),
    st.just(b"<!DOCTYPE html><html>sorry</html>"),
    json_values.map(lambda v: json.dumps(v).encode()[:-1]),  # truncated
)
documents = st.fixed_dictionaries(
    {
        path: st.tuples(
            st.sampled_from([200, 200, 200, 404, 410, 500, 301]),
            bodies,
            st.sampled_from(["application/json", "application/jrd+json", "text/html"]),
        )
        for path in (
            "/.well-known/webfinger",
            "/.well-known/nodeinfo",
            "/nodeinfo/2.0",
            "/api/v1/instance",
            "/api/v2/instance",
            "/.well-known/oauth-authorization-server",
        )
    }
)


@SETTINGS
@given(documents, st.sampled_from(["anna@host.example", "https://host.example/@anna"]))
def test_detection_of_any_discovery_documents(
    served: dict[str, tuple[int, bytes, str]], target: str
) -> None:
    _count("discovery")

    async def run() -> None:
        async with make_client(transport=httpx.ASGITransport(app=_server(served))) as client:
            try:
                await detect(target, client)
            except FedimoveError as error:
                _coded(error)

    asyncio.run(run())


UNSAFE = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"}


@SETTINGS
@given(st.text(max_size=400) | st.sampled_from(["evil\u202egnp.exe", "a\x00b\x1b[31m", "\n" * 9]))
def test_remote_names_become_one_safe_line(name: str) -> None:
    _count("names")
    line = plain_line(name, limit=80)
    assert len(line) <= 80
    assert not any(unicodedata.category(c) == "Cc" for c in line)
    assert not UNSAFE & set(line)
