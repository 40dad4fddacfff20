"""Which redirect URIs to register, when a cached registration still serves, and a damaged cache."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from fedimove.core.oauth.registration import (
    OOB_URI,
    AppRegistration,
    RegistrationCache,
    loopback_port,
    redirect_matches,
)
from fedimove.core.servers.base import RedirectRule

ANY_PORT, EXACT = RedirectRule.LOOPBACK_ANY_PORT, RedirectRule.EXACT


@given(st.integers(min_value=1, max_value=65535))
def test_mastodon_ignores_the_port_of_a_loopback_ip_literal(port: int) -> None:
    assert redirect_matches(
        "http://127.0.0.1/callback", f"http://127.0.0.1:{port}/callback", ANY_PORT
    )
    assert not redirect_matches(
        "http://127.0.0.1/callback", f"http://127.0.0.1:{port}/other", ANY_PORT
    )
    assert not redirect_matches(
        "http://localhost/callback", f"http://localhost:{port}/callback", ANY_PORT
    )


@given(st.integers(min_value=1, max_value=65534))
def test_exact_servers_need_the_same_port(port: int) -> None:
    uri = f"http://127.0.0.1:{port}/callback"
    assert redirect_matches(uri, uri, EXACT)
    assert not redirect_matches(uri, f"http://127.0.0.1:{port + 1}/callback", EXACT)


def test_oob_matches_only_itself() -> None:
    assert redirect_matches(OOB_URI, OOB_URI, ANY_PORT)
    assert not redirect_matches(OOB_URI, "http://127.0.0.1:5/callback", ANY_PORT)


def test_a_registration_covers_its_scopes_and_redirects_only() -> None:
    registration = AppRegistration(
        "https://x", "id", ("http://127.0.0.1/callback", OOB_URI), ("read:accounts", "read:follows")
    )
    assert registration.covers("http://127.0.0.1:4000/callback", ("read:accounts",), ANY_PORT)
    assert registration.covers(OOB_URI, ("read:follows",), EXACT)
    assert not registration.covers("http://127.0.0.1:4000/callback", ("read:accounts",), EXACT)
    assert not registration.covers(OOB_URI, ("write:follows",), ANY_PORT)


def test_loopback_port() -> None:
    assert loopback_port("http://127.0.0.1:8123/callback") == 8123
    assert loopback_port("http://127.0.0.1/callback") == 0
    assert loopback_port(OOB_URI) == 0
    assert loopback_port("https://127.0.0.1:8123/callback") == 0


def test_a_damaged_cache_costs_only_a_new_registration(tmp_path: Path) -> None:
    cache = RegistrationCache(tmp_path)
    cache.path.write_text("{not json", "utf-8")
    assert cache.get("https://x") is None
    registration = AppRegistration("https://x", "id", (OOB_URI,), ("read:accounts",))
    cache.put(registration)
    assert cache.get("https://x") == registration
    assert cache.path.stat().st_mode & 0o077 == 0
    cache.path.write_text('{"https://x": {"client_id": 3}}', "utf-8")
    assert cache.get("https://x") is None
