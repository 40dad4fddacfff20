"""Adapters turn recorded discovery documents into Capabilities (the engine's only view)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from fedimove.core.models import Category
from fedimove.core.servers.akkoma import AkkomaAdapter
from fedimove.core.servers.base import (
    ActionSupport,
    RedirectRule,
    ServerProbe,
    SignInMethod,
    SupportLevel,
)
from fedimove.core.servers.detect import ADAPTERS
from fedimove.core.servers.gotosocial import GoToSocialAdapter
from fedimove.core.servers.mastodon import MastodonAdapter
from fedimove.core.servers.versions import compatible_software_version, parse_version
from tests.core.servers import recorded


def probe(software: str, version: str, **documents: object) -> ServerProbe:
    return ServerProbe("https://x.example", software, version, **documents)  # type: ignore[arg-type]


def adapter_for(p: ServerProbe) -> object:
    return next(a for a in ADAPTERS if a.matches(p))


def test_mastodon_43_plus_has_pkce_profile_scope_and_instance_limits() -> None:
    p = probe(
        "mastodon",
        "4.6.0",
        instance=recorded.MASTODON_46_INSTANCE,
        instance_api=2,
        oauth_metadata=recorded.MASTODON_OAUTH_METADATA,
    )
    caps = MastodonAdapter().capabilities(p)
    assert caps.support is SupportLevel.FULL
    assert caps.pkce
    assert caps.profile_scope
    assert caps.userinfo
    assert caps.redirect_uris_as_list
    assert caps.redirect_rule is RedirectRule.LOOPBACK_ANY_PORT
    assert caps.alias is ActionSupport.GUIDED
    assert caps.move is ActionSupport.GUIDED
    assert caps.move_cooldown == timedelta(days=30)
    assert caps.move_resend_after is None
    assert caps.follow_pacing.per_day == 400
    assert caps.follow_cap is not None
    assert caps.follow_cap.limit_for(10_000) == 11_000
    assert caps.follow_cap.limit_for(100) == 7500
    assert caps.page_size(Category.FOLLOWING) is not None
    assert caps.page_size(Category.FOLLOWING).maximum == 80  # type: ignore[union-attr]
    assert caps.page_size(Category.BOOKMARKS).maximum == 40  # type: ignore[union-attr]
    assert caps.profile_limits.max_fields == 6
    assert caps.profile_limits.field_value_chars == 2000
    assert caps.profile_limits.note_chars == 1000
    assert {b.name for b in caps.rate_budgets} >= {"per_token_api", "authenticated_paging"}
    assert Category.FOLLOWING in caps.web_csv_import
    assert not caps.api_import


def test_mastodon_before_43_has_no_pkce_and_no_profile_scope() -> None:
    p = probe("mastodon", "4.2.10", instance=recorded.MASTODON_42_INSTANCE, instance_api=2)
    caps = MastodonAdapter().capabilities(p)
    assert not caps.pkce
    assert not caps.profile_scope
    assert not caps.redirect_uris_as_list
    assert not caps.userinfo
    assert "no_pkce" in caps.limitations
    assert caps.profile_limits.max_fields == 4  # Mastodon's default when the server is silent


def test_metadata_decides_pkce_even_when_the_version_is_odd() -> None:
    p = probe("mastodon", "4.3.0+glitch", oauth_metadata=recorded.MASTODON_OAUTH_METADATA)
    assert MastodonAdapter().capabilities(p).pkce
    without = probe("mastodon", "4.2.0+glitch")
    assert not MastodonAdapter().capabilities(without).pkce


def test_ancient_mastodon_is_refused_as_too_old() -> None:
    caps = MastodonAdapter().capabilities(probe("mastodon", "3.1.2"))
    assert caps.support is SupportLevel.UNSUPPORTED
    assert caps.limitations[0] == "server_too_old"


def test_gotosocial_exact_redirect_api_alias_and_move_and_write_scope_for_import() -> None:
    p = probe("gotosocial", "0.20.0", instance=recorded.GTS_INSTANCE, instance_api=2)
    caps = GoToSocialAdapter().capabilities(p)
    assert caps.support is SupportLevel.FULL
    assert caps.pkce
    assert caps.profile_scope
    assert caps.redirect_rule is RedirectRule.EXACT
    assert caps.alias is ActionSupport.API
    assert caps.move is ActionSupport.API
    assert caps.move_cooldown == timedelta(days=7) == caps.move_resend_after
    assert caps.api_import == {Category.FOLLOWING, Category.BLOCKS, Category.MUTES}
    assert caps.import_needs_write_scope
    assert not caps.legacy_follow_scope
    assert caps.follow_pacing.per_day is None
    assert caps.follow_cap is None
    assert caps.profile_limits.max_fields == 8
    assert [b.key for b in caps.rate_budgets] == ["ip"]


def test_old_gotosocial_without_pkce() -> None:
    caps = GoToSocialAdapter().capabilities(probe("gotosocial", "0.11.1"))
    assert not caps.pkce
    assert not caps.profile_scope


def test_akkoma_is_supported_without_pkce_and_pleroma_experimental() -> None:
    p = probe("akkoma", "3.10.0", instance=recorded.AKKOMA_INSTANCE, instance_api=1)
    caps = AkkomaAdapter().capabilities(p)
    assert caps.support is SupportLevel.FULL  # proven on the practice `akkoma` flavour
    assert "experimental" not in caps.limitations
    pleroma = AkkomaAdapter().capabilities(probe("pleroma", "2.6.0"))
    assert pleroma.support is SupportLevel.EXPERIMENTAL
    assert not caps.pkce
    assert caps.redirect_rule is RedirectRule.EXACT
    assert caps.move is ActionSupport.API


@pytest.mark.parametrize("name", ["misskey", "sharkey"])
def test_misskey_family_is_detected_with_miauth_and_says_what_it_cannot_do(name: str) -> None:
    caps = adapter_for(probe(name, "2024.11.0")).capabilities(probe(name, "2024.11.0"))  # type: ignore[attr-defined]
    assert caps.sign_in is SignInMethod.MIAUTH
    assert not caps.can_sign_in
    assert caps.support is SupportLevel.DETECTED_ONLY
    assert "move_native_session_only" in caps.limitations


@pytest.mark.parametrize(
    ("name", "code"), [("pixelfed", "software_not_supported"), ("", "software_unknown")]
)
def test_other_software_is_explained(name: str, code: str) -> None:
    p = probe(name, "0.12.3")
    caps = adapter_for(p).capabilities(p)  # type: ignore[attr-defined]
    assert caps.sign_in is SignInMethod.NONE
    assert caps.limitations == (code,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.3.0", (4, 3, 0)),
        ("4.2.10+glitch", (4, 2, 10)),
        ("4.4.0-beta.2", (4, 4, 0)),
        ("0.17.3 git-abc123", (0, 17, 3)),
        ("v4", (4, 0, 0)),
        ("", (0, 0, 0)),
        ("nonsense", (0, 0, 0)),
    ],
)
def test_parse_version(text: str, expected: tuple[int, int, int]) -> None:
    assert parse_version(text) == expected


def test_compatible_version() -> None:
    assert compatible_software_version("2.7.2 (compatible; Akkoma 3.10.0)") == "3.10.0"
    assert compatible_software_version("4.3.0") == ""


def test_capabilities_are_frozen() -> None:
    caps = MastodonAdapter().capabilities(probe("mastodon", "4.4.0"))
    with pytest.raises(AttributeError):
        caps.pkce = False  # type: ignore[misc]
    with pytest.raises(TypeError):
        caps.page_sizes[Category.FOLLOWING] = caps.page_sizes[Category.FOLLOWERS]  # type: ignore[index]
