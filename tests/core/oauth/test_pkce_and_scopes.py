from __future__ import annotations

import re

import pytest

from fedimove.core.errors import (
    AuthCodeInvalidError,
    AuthDeniedError,
    AuthStateMismatchError,
    UnsupportedServerError,
)
from fedimove.core.oauth.pasted import code_from_pasted
from fedimove.core.oauth.pkce import AuthorizationSecrets, challenge_for, new_verifier, same_state
from fedimove.core.oauth.scopes import Operation, scopes_for


def test_s256_challenge_matches_rfc7636_appendix_b() -> None:
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert challenge_for(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_verifier_is_rfc7636_shaped_and_fresh() -> None:
    verifier = new_verifier()
    assert re.fullmatch(r"[A-Za-z0-9\-._~]{43,128}", verifier)
    assert verifier != new_verifier()
    attempt = AuthorizationSecrets()
    assert attempt.state != AuthorizationSecrets().state
    assert attempt.state not in repr(attempt)
    assert attempt.verifier not in repr(attempt)


def test_state_comparison() -> None:
    assert same_state("abc", "abc")
    assert not same_state("abc", "abd")
    assert not same_state("abc", None)


def test_mastodon_43_gets_profile_and_before_not() -> None:
    assert "profile" in scopes_for(Operation.READ, "mastodon", "4.3.0")
    assert "profile" not in scopes_for(Operation.REGISTER, "mastodon", "4.2.10")
    assert "read:accounts" in scopes_for(Operation.READ, "mastodon", "4.2.10")


def test_the_old_account_is_read_only_unless_a_note_is_wanted() -> None:
    read = scopes_for(Operation.READ, "mastodon", "4.4.3")
    assert not [s for s in read if s.startswith("write")]
    assert [
        s for s in scopes_for(Operation.READ_AND_POST, "mastodon", "4.4.3") if "write" in s
    ] == ["write:statuses"]


def test_gotosocial_import_needs_top_level_write_and_never_follow() -> None:
    write = scopes_for(Operation.WRITE, "gotosocial", "0.20.0")
    assert "write" in write
    assert "follow" not in write
    assert "profile" in write
    assert "write" not in scopes_for(Operation.WRITE, "mastodon", "4.4.3")


def test_register_is_the_superset_of_every_operation() -> None:
    for software, version in [
        ("mastodon", "4.4.3"),
        ("mastodon", "4.2.10"),
        ("gotosocial", "0.20.0"),
    ]:
        superset = set(scopes_for(Operation.REGISTER, software, version))
        for operation in Operation:
            assert set(scopes_for(operation, software, version)) <= superset


def test_no_oauth_scopes_for_misskey() -> None:
    with pytest.raises(UnsupportedServerError):
        scopes_for(Operation.READ, "misskey", "2024.1.0")


def test_pasted_bare_code_and_redirect_url() -> None:
    assert code_from_pasted("  abcDEF123_-  \n", "s1") == "abcDEF123_-"
    url = "http://127.0.0.1:5000/callback?code=theCode123&state=s1"
    assert code_from_pasted(url, "s1") == "theCode123"


def test_pasted_redirect_with_wrong_state_is_refused() -> None:
    with pytest.raises(AuthStateMismatchError):
        code_from_pasted("http://127.0.0.1/callback?code=theCode123&state=other", "s1")


def test_pasted_denial_and_garbage() -> None:
    with pytest.raises(AuthDeniedError):
        code_from_pasted("http://127.0.0.1/callback?error=access_denied&state=s1", "s1")
    with pytest.raises(AuthCodeInvalidError):
        code_from_pasted("not a code at all", "s1")
