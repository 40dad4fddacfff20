"""Link header parsing: Mastodon's own shape, and never a crash on hostile headers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fedimove.core.engine.pagination import (
    is_paged,
    next_page,
    parse_link_header,
    same_origin,
)

ORIGIN = "https://old.practice"
MASTODON_LINK = (
    '<https://old.practice/api/v1/accounts/7/followers?limit=80&max_id=1234>; rel="next", '
    '<https://old.practice/api/v1/accounts/7/followers?limit=80&min_id=1300>; rel="prev"'
)


def test_mastodon_link_header() -> None:
    links = parse_link_header(MASTODON_LINK)
    assert links["next"].endswith("max_id=1234")
    assert links["prev"].endswith("min_id=1300")


def test_urls_with_commas_and_multiple_rels() -> None:
    value = '<https://a.example/x?q=a,b>; rel="next last", <https://a.example/y>; rel=prev'
    links = parse_link_header(value)
    assert links == {
        "next": "https://a.example/x?q=a,b",
        "last": "https://a.example/x?q=a,b",
        "prev": "https://a.example/y",
    }


def test_next_page_refuses_other_origins_and_loops() -> None:
    seen: set[str] = set()
    assert next_page(MASTODON_LINK, ORIGIN, seen) is not None
    assert next_page(MASTODON_LINK, ORIGIN, seen) is None  # the same page again: a loop
    evil = '<https://evil.example/api/v1/blocks?max_id=1>; rel="next"'
    assert next_page(evil, ORIGIN, set()) is None
    downgrade = '<http://old.practice/api/v1/blocks?max_id=1>; rel="next"'
    assert next_page(downgrade, ORIGIN, set()) is None


def test_paged_requests_are_recognised() -> None:
    assert is_paged("https://old.practice/api/v1/blocks?limit=80&max_id=5")
    assert is_paged("https://old.practice/api/v1/blocks?since_id=5")
    assert not is_paged("https://old.practice/api/v1/blocks?limit=80")
    assert not is_paged("https://old.practice/api/v1/lists/3/accounts?limit=0")


def test_same_origin_compares_scheme_host_and_port() -> None:
    assert same_origin("http://127.0.0.1:8001/x", "http://127.0.0.1:8001")
    assert not same_origin("http://127.0.0.1:8002/x", "http://127.0.0.1:8001")
    assert not same_origin("http://[::1", "http://127.0.0.1:8001")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses_without_crashing(value: str) -> None:
    links = parse_link_header(value)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in links.items())
    next_page(value, ORIGIN, set())


_piece = st.sampled_from(["<", ">", ";", ",", '"', "rel=", "next", " ", "=", "https://", "%"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_piece, st.text(max_size=8)), max_size=60))
def test_link_like_garbage_never_crashes(pieces: list[str]) -> None:
    value = "".join(pieces)
    parse_link_header(value)
    url = next_page(value, ORIGIN, set())
    assert url is None or same_origin(url, ORIGIN)
    is_paged(value)


def test_huge_header_is_ignored() -> None:
    assert parse_link_header("<https://x/>; rel=next, " * 10_000) == {}
