"""Check every request Fedimove sends against the API descriptions in ../contracts/.

Mastodon flavours: the Mastodon OpenAPI 3.1 document, through openapi-core. GoToSocial: its
Swagger 2.0 document (openapi-core reads only OpenAPI 3), checked here parameter by parameter;
the OAuth endpoints it shares with Mastodon but does not describe (`/oauth/authorize`,
`/oauth/token`) are checked against Mastodon's (fediverse-apis §1.2: "same endpoints").
WebFinger and NodeInfo are not in Mastodon's document; GoToSocial's describes them for both.

Two documented corrections of the Mastodon copy, both from the Mastodon documentation:
- `redirect_uris` of `POST /api/v1/apps` is "String or Array of Strings" (MD methods/apps.md);
  the generated schema kept only the array. Before 4.3 only the string form exists.
- `/oauth/token` and `/oauth/revoke` take form fields (MD methods/oauth.md); the generated
  schema models the same fields as a JSON object, so form bodies are checked as that object.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from tests.contracts import CONTRACTS

MASTODON_ONLY_HOST = "https://mastodon.example"
_GTS_TYPES = {"string": str, "integer": int, "boolean": bool, "array": list}
_SHARED_WITH_GTS_SWAGGER = ("/.well-known/webfinger", "/.well-known/nodeinfo", "/nodeinfo/")
#: Requests shaped by a standard, not by the software: RFC 8414 discovery is the same request
#: everywhere and only Mastodon's document describes it.
_MASTODON_DESCRIBES_FOR_ALL = ("/.well-known/oauth-authorization-server", "/oauth/token")


@cache
def mastodon_openapi() -> OpenAPI:
    spec = json.loads((CONTRACTS / "mastodon-openapi" / "schema.json").read_text("utf-8"))
    apps = spec["paths"]["/api/v1/apps"]["post"]["requestBody"]["content"]["application/json"]
    uris = apps["schema"]["properties"]["redirect_uris"]
    apps["schema"]["properties"]["redirect_uris"] = {
        "oneOf": [uris, {"type": "string"}],
        "description": uris.get("description", ""),
    }
    # The generated document has a few invalid `default`s; skip validating the document itself.
    return OpenAPI.from_dict(spec, config=Config(spec_validator_cls=None))


@cache
def gotosocial_swagger() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(
        (CONTRACTS / "gotosocial-swagger" / "swagger.yaml").read_text("utf-8")
    )
    return loaded


@dataclass(frozen=True)
class _OpenApiRequest:
    """openapi-core's Request protocol over an httpx request."""

    host_url: str
    path: str
    method: str
    parameters: RequestParameters
    body: bytes | None
    content_type: str


def _body_fields(request: httpx.Request) -> dict[str, Any]:
    content_type = request.headers.get("Content-Type", "")
    raw = request.content
    if not raw:
        return {}
    if content_type.startswith("application/json"):
        loaded: dict[str, Any] = json.loads(raw)
        return loaded
    if content_type.startswith("application/x-www-form-urlencoded"):
        return dict(parse_qsl(raw.decode(), keep_blank_values=True))
    raise AssertionError(f"unexpected content type {content_type}")


def check_mastodon(request: httpx.Request) -> None:
    fields = _body_fields(request)
    body = json.dumps(fields).encode() if request.content else None
    query = ImmutableMultiDict(parse_qsl(request.url.query.decode(), keep_blank_values=True))
    wrapped = _OpenApiRequest(
        host_url=MASTODON_ONLY_HOST,
        path=request.url.path,
        method=request.method.lower(),
        parameters=RequestParameters(query=query, header=Headers(dict(request.headers))),
        body=body,
        content_type="application/json" if body is not None else "",
    )
    with warnings.catch_warnings():
        # openapi-core cannot check OAuth2 security schemes and says so on each request.
        warnings.filterwarnings("ignore", "Unsupported scheme type", UserWarning)
        mastodon_openapi().validate_request(wrapped)


def check_gotosocial(request: httpx.Request) -> None:
    paths = gotosocial_swagger()["paths"]
    operation = None
    for template, item in paths.items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        if re.match(pattern, request.url.path) and request.method.lower() in item:
            operation = item[request.method.lower()]
    if operation is None:
        raise AssertionError(f"{request.method} {request.url.path} is not in the GTS swagger")
    given = {**dict(parse_qsl(request.url.query.decode())), **_body_fields(request)}
    declared = {p["name"]: p for p in operation.get("parameters", []) if p["in"] != "path"}
    for name, parameter in declared.items():
        if parameter.get("required") and name not in given:
            raise AssertionError(f"{request.url.path}: missing required {name}")
        if name in given and parameter["in"] == "formData":
            expected = _GTS_TYPES.get(parameter.get("type", "string"), str)
            if not isinstance(given[name], expected):
                raise AssertionError(f"{request.url.path}: {name} must be {expected.__name__}")
    if (
        declared
        and operation.get("parameters")
        and any(p["in"] == "formData" for p in declared.values())
    ):
        unknown = set(given) - set(declared)
        if unknown:
            raise AssertionError(f"{request.url.path}: undescribed fields {sorted(unknown)}")


@dataclass
class ContractRecorder:
    """An httpx request hook: checks each request, remembers what it checked and what failed."""

    software: str
    checked: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def check(self, request: httpx.Request) -> None:
        path = request.url.path
        try:
            if path in _MASTODON_DESCRIBES_FOR_ALL or path == "/oauth/authorize":
                check_mastodon(request)
            elif self.software == "gotosocial" or path.startswith(_SHARED_WITH_GTS_SWAGGER):
                check_gotosocial(request)
            else:
                check_mastodon(request)
        except Exception as error:  # every failure is collected and reported by the test
            self.failures.append(f"{request.method} {path}: {type(error).__name__}: {error}")
        self.checked.append(f"{request.method} {path}")

    async def __call__(self, request: httpx.Request) -> None:
        self.check(request)

    def check_url(self, url: str) -> None:
        """Check a URL Fedimove hands to the browser (the authorize request)."""
        parts = urlsplit(url)
        self.check(httpx.Request("GET", f"https://{parts.netloc}{parts.path}?{parts.query}"))
