"""The contract checker used by the sign-in tests refuses what the contracts refuse (so a
clean run of those tests means something)."""

from __future__ import annotations

import httpx
import pytest

from tests.core.oauth.contract_check import ContractRecorder

OOB = "urn:ietf:wg:oauth:2.0:oob"
TOKEN_FIELDS = {
    "grant_type": "authorization_code",
    "code": "c",
    "client_id": "i",
    "client_secret": "s",
    "redirect_uri": OOB,
}


@pytest.mark.parametrize(
    "request_",
    [
        httpx.Request(
            "POST", "https://x/api/v1/apps", json={"client_name": "F", "redirect_uris": [OOB]}
        ),
        httpx.Request(
            "POST", "https://x/api/v1/apps", json={"client_name": "F", "redirect_uris": OOB}
        ),
        httpx.Request("POST", "https://x/oauth/token", data=TOKEN_FIELDS),
        httpx.Request("GET", "https://x/api/v1/accounts/verify_credentials"),
        httpx.Request("GET", "https://x/.well-known/webfinger?resource=acct:a@x"),
        httpx.Request(
            "POST",
            "https://x/oauth/revoke",
            data={"client_id": "i", "client_secret": "s", "token": "t"},
        ),
    ],
)
def test_described_requests_pass(request_: httpx.Request) -> None:
    recorder = ContractRecorder("mastodon")
    recorder.check(request_)
    assert recorder.failures == []


@pytest.mark.parametrize(
    ("software", "request_"),
    [
        ("mastodon", httpx.Request("POST", "https://x/api/v1/apps", json={"client_nam": "F"})),
        (
            "mastodon",
            httpx.Request(
                "POST", "https://x/oauth/token", data={"grant_type": "authorization_code"}
            ),
        ),
        ("mastodon", httpx.Request("GET", "https://x/api/v1/no_such_thing")),
        (
            "gotosocial",
            httpx.Request(
                "POST", "https://x/api/v1/apps", json={"client_name": "F", "redirect_uris": [OOB]}
            ),
        ),
        ("gotosocial", httpx.Request("POST", "https://x/oauth/revoke", data={"client_id": "i"})),
    ],
)
def test_undescribed_requests_fail(software: str, request_: httpx.Request) -> None:
    recorder = ContractRecorder(software)
    recorder.check(request_)
    assert len(recorder.failures) == 1


def test_authorize_urls_are_checked() -> None:
    recorder = ContractRecorder("gotosocial")
    recorder.check_url(
        "https://x/oauth/authorize?response_type=code&client_id=a&redirect_uri=b&state=s"
    )
    assert recorder.failures == []
    recorder.check_url("https://x/oauth/authorize?response_type=code&redirect_uri=b")
    assert len(recorder.failures) == 1
