"""Validate practice-server responses against the API descriptions written by others:
the Mastodon OpenAPI 3.1 schema and the GoToSocial Swagger 2.0 file (../contracts/)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import httpx
import yaml
from jsonschema import Draft4Validator, Draft202012Validator  # type: ignore[import-untyped]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

from tests.contracts import contracts_dir

MASTODON_URI = "urn:contract:mastodon"
GTS_URI = "urn:contract:gotosocial"


def _contracts_dir() -> Path:
    return contracts_dir()


@functools.cache
def mastodon_spec() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (_contracts_dir() / "mastodon-openapi" / "schema.json").read_text()
    )
    return data


@functools.cache
def gotosocial_spec() -> dict[str, Any]:
    text = (_contracts_dir() / "gotosocial-swagger" / "swagger.yaml").read_text()
    data: dict[str, Any] = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return data


def _pointer(*parts: str) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def check_mastodon(response: httpx.Response, path: str, method: str = "get") -> None:
    """`path` is the schema's template, e.g. `/api/v1/accounts/{id}/followers`."""
    spec = mastodon_spec()
    status = str(response.status_code)
    responses = spec["paths"][path][method]["responses"]
    assert status in responses, f"{method.upper()} {path}: status {status} not described"
    assert "application/json" in responses[status].get("content", {}), f"no schema for {status}"
    pointer = _pointer(
        "paths", path, method, "responses", status, "content", "application/json", "schema"
    )
    registry: Registry[Any] = Registry().with_resource(
        MASTODON_URI, Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    validator = Draft202012Validator({"$ref": f"{MASTODON_URI}#/{pointer}"}, registry=registry)
    errors = sorted(validator.iter_errors(response.json()), key=lambda e: list(e.path))
    assert not errors, f"{method.upper()} {path}: " + "; ".join(
        f"{list(e.path)}: {e.message[:200]}" for e in errors[:5]
    )


def check_gotosocial(response: httpx.Response, path: str, method: str = "get") -> None:
    spec = gotosocial_spec()
    status = str(response.status_code)
    responses = spec["paths"][path][method]["responses"]
    assert status in responses, f"{method.upper()} {path}: status {status} not described"
    assert "schema" in responses[status], f"no schema for {status}"
    pointer = _pointer("paths", path, method, "responses", status, "schema")
    registry: Registry[Any] = Registry().with_resource(
        GTS_URI, Resource.from_contents(spec, default_specification=DRAFT4)
    )
    validator = Draft4Validator({"$ref": f"{GTS_URI}#/{pointer}"}, registry=registry)
    errors = sorted(validator.iter_errors(response.json()), key=lambda e: list(e.path))
    assert not errors, f"{method.upper()} {path}: " + "; ".join(
        f"{list(e.path)}: {e.message[:200]}" for e in errors[:5]
    )
