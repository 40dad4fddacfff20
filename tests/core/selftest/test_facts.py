"""The facts registry, the judging of observations, and the probes' pure classifiers."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from fedimove.core.errors import RateLimitedError
from fedimove.core.models import Category
from fedimove.core.selftest.context import RunRecord, Side, SignInRecord
from fedimove.core.selftest.evaluate import check_fact
from fedimove.core.selftest.facts import Fact, Observation, Outcome, Role, judge
from fedimove.core.selftest.probes_api import page_max, reset_format
from fedimove.core.selftest.probes_oauth import redirect_rule_shown
from fedimove.core.selftest.registry import FACTS, fact
from fedimove.core.servers.base import ServerInfo, ServerProbe
from fedimove.core.servers.gotosocial import GoToSocialAdapter
from fedimove.core.servers.mastodon import MastodonAdapter
from fedimove.core.servers.rest_session import RestReply


def server(software: str, version: str) -> ServerInfo:
    probe = ServerProbe("https://example.social", software, version)
    adapter = MastodonAdapter() if software == "mastodon" else GoToSocialAdapter()
    return ServerInfo(probe.origin, software, version, adapter.capabilities(probe), probe)


MASTODON, LEGACY, GTS = (
    server("mastodon", "4.4.3"),
    server("mastodon", "4.2.10"),
    server("gotosocial", "0.20.0"),
)


def test_every_fact_has_a_unique_id_and_names_its_source() -> None:
    ids = [f.id for f in FACTS]
    assert len(ids) == len(set(ids))
    for item in FACTS:
        assert "fediverse-apis §" in item.source or "Capabilities." in item.source, item.id


@pytest.mark.parametrize(
    ("fact_id", "expected"),
    [
        ("oauth.metadata_served", (True, False, False)),
        ("oauth.pkce", ("S256", "none", "S256")),
        ("oauth.profile_scope", (True, False, True)),
        ("oauth.redirect_rule", ("loopback_any_port", "loopback_any_port", "exact")),
        ("oauth.follow_scope", (True, True, False)),
        ("csv.api_import_following", (None, None, 202)),
        ("csv.api_import_mutes", (None, None, 202)),
        ("move.old_token_verify_credentials", ("403 login disabled", "403 login disabled", 200)),
        ("move.retry_refusal_text", (None, None, "422 names the wait")),
        ("alias.visible", ("actor_document", "actor_document", "server_api")),
        ("pagination.max_per_page.bookmarks", (40, 40, 40)),
    ],
)
def test_expected_values_per_software(fact_id: str, expected: tuple[Any, Any, Any]) -> None:
    assert tuple(fact(fact_id).expect(s) for s in (MASTODON, LEGACY, GTS)) == expected


def test_judging_an_observation() -> None:
    assert judge(80, Observation(80), one_of=False) is Outcome.HELD
    assert judge(80, Observation(60), one_of=False) is Outcome.DIFFERED
    assert judge(80, Observation.unavailable("too few"), one_of=False) is Outcome.NOT_CHECKED
    assert judge([300, 1500], Observation(300), one_of=True) is Outcome.HELD
    assert judge([300, 1500], Observation(100), one_of=True) is Outcome.DIFFERED
    assert judge(("a", "b"), Observation(["a", "b"]), one_of=False) is Outcome.HELD


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2026-03-02T09:05:00.000000Z", "iso8601"),
        ("2026-03-02T09:05:00+00:00", "iso8601"),
        ("2026-03-02T09:05:00", "iso8601_without_zone"),
        ("1772442300", "epoch_seconds"),
        ("42", "seconds_until"),
        ("soon", "unparseable: soon"),
    ],
)
def test_reset_formats_are_told_apart(value: str, shown: str) -> None:
    assert reset_format(value) == shown


def test_the_redirect_rule_a_sign_in_demonstrates() -> None:
    any_port = ("http://127.0.0.1/callback", "urn:ietf:wg:oauth:2.0:oob")
    used = "http://127.0.0.1:53111/callback"
    assert redirect_rule_shown(any_port, used) == "loopback_any_port"
    assert redirect_rule_shown((used,), used) == "exact"
    assert redirect_rule_shown(("http://localhost/callback",), "http://localhost:9/callback") == (
        "unexplained"
    )


def side_on(info: ServerInfo) -> Side:
    return Side(Role.OLD, None, info, None, "1", "a@b", "", SignInRecord(), RunRecord())  # type: ignore[arg-type]


async def test_a_failing_probe_is_could_not_check_with_its_code() -> None:
    async def throttled(side: Side) -> Observation:
        raise RateLimitedError("slow down")

    item = Fact("x.y", "t", "fediverse-apis §5", lambda s: 1, throttled)
    result = await check_fact(item, side_on(MASTODON))
    assert result is not None
    assert (result.outcome, result.note) == (
        Outcome.NOT_CHECKED,
        "the probe failed (server.rate_limited)",
    )


async def test_a_fact_that_does_not_apply_gives_no_result() -> None:
    async def never(side: Side) -> Observation:
        raise AssertionError("not probed")

    item = Fact("x.y", "t", "fediverse-apis §3", lambda s: None, never)
    assert await check_fact(item, side_on(MASTODON)) is None


class StubRest:
    """Answers like a Mastodon with a directory: one big local account, pages capped at 80."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    async def request(self, method: str, path: str, **kwargs: Any) -> RestReply:
        self.asked.append(path)
        if path == "/api/v1/directory":
            people = [{"id": "7", "followers_count": 5}, {"id": "9", "followers_count": 900}]
            return RestReply(200, httpx.Headers(), people)
        link = '<https://example.social/next?max_id=1>; rel="next"'
        return RestReply(200, httpx.Headers({"Link": link}), [{"id": str(i)} for i in range(80)])


async def test_followers_page_limit_is_measured_on_a_big_public_account() -> None:
    side = side_on(MASTODON)
    stub = StubRest()
    side.rest = stub  # type: ignore[assignment]
    side.counts[Category.FOLLOWERS] = 3  # a throwaway account
    observed = await page_max(side, Category.FOLLOWERS)
    assert (observed.value, stub.asked[-1]) == (80, "/api/v1/accounts/9/followers")
    assert "directory account 9" in observed.detail
