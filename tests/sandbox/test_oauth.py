"""OAuth as the real servers run it: PKCE per flavour, redirect rules, state, single-use codes,
revocation, scopes, the HTML forms with CSRF and session cookie."""

from __future__ import annotations

import httpx
import pytest

from fedimove.core.errors import AuthDeniedError
from fedimove.sandbox.network import PracticeNetwork
from fedimove.sandbox.testing import complete_authorization
from tests.sandbox.conftest import (
    App,
    auth,
    authorize_url,
    code_from,
    exchange,
    pkce_pair,
    register,
    sign_in,
    token_for,
)

OLD = "https://old.practice"
ANNA = ("anna@old.practice", "practice-old-anna")


async def _code(
    client: httpx.AsyncClient, app: App, challenge: str | None = None, **kw: str
) -> str:
    location = await complete_authorization(
        client, authorize_url(app, "read", challenge=challenge, **kw), *ANNA
    )
    return code_from(location)


async def test_pkce_is_verified_on_mastodon(client: httpx.AsyncClient) -> None:
    app = await register(client, OLD, "read")
    verifier, challenge = pkce_pair()
    wrong = await exchange(client, app, await _code(client, app, challenge), "not-the-verifier")
    assert wrong.status_code == 400
    assert wrong.json()["error"] == "invalid_grant"
    missing = await exchange(client, app, await _code(client, app, challenge))
    assert missing.status_code == 400
    right = await exchange(client, app, await _code(client, app, challenge), verifier)
    assert right.status_code == 200
    assert right.json()["token_type"] == "Bearer"
    assert right.json()["scope"] == "read"


async def test_pkce_is_ignored_before_mastodon_4_3(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    account = net.instance("legacy.practice").state.find("dee3", "legacy.practice")
    assert account is not None
    account.password = "pw"
    app = await register(client, "https://legacy.practice", "read")
    _, challenge = pkce_pair()
    url = authorize_url(app, "read", challenge=challenge)
    code = code_from(await complete_authorization(client, url, "dee3", "pw"))
    response = await exchange(client, app, code, "anything")
    assert response.status_code == 200


async def test_oauth_metadata_only_where_the_software_has_it(client: httpx.AsyncClient) -> None:
    path = "/.well-known/oauth-authorization-server"
    body = (await client.get(OLD + path)).json()
    assert body["code_challenge_methods_supported"] == ["S256"]
    assert body["token_endpoint"] == f"{OLD}/oauth/token"
    assert "profile" in body["scopes_supported"]
    assert (await client.get("https://legacy.practice" + path)).status_code == 404
    assert (await client.get("https://gts.practice" + path)).status_code == 404


@pytest.mark.parametrize(
    ("origin", "scope", "status"),
    [
        ("https://legacy.practice", "read profile", 422),
        ("https://gts.practice", "read follow", 400),
        (OLD, "read profile follow", 200),
    ],
)
async def test_registration_refuses_scopes_the_software_lacks(
    client: httpx.AsyncClient, origin: str, scope: str, status: int
) -> None:
    response = await client.post(
        f"{origin}/api/v1/apps",
        data={"client_name": "x", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob", "scopes": scope},
    )
    assert response.status_code == status


async def test_mastodon_ignores_the_port_of_loopback_ip_redirects_only(
    client: httpx.AsyncClient,
) -> None:
    app = await register(client, OLD, "read", redirect_uri="http://127.0.0.1/callback")
    other_port = "http://127.0.0.1:51234/callback"
    location = await complete_authorization(
        client, authorize_url(app, "read", redirect_uri=other_port), *ANNA
    )
    assert location.startswith(other_port + "?code=")
    token = await exchange(client, app, code_from(location), redirect_uri=other_port)
    assert token.status_code == 200
    named = await register(client, OLD, "read", redirect_uri="http://localhost/callback")
    page = await client.get(
        authorize_url(named, "read", redirect_uri="http://localhost:5000/callback")
    )
    assert page.status_code == 400
    assert "redirect uri" in page.text


async def test_gotosocial_needs_the_exact_redirect(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    app = await register(
        client, "https://gts.practice", "read", redirect_uri="http://127.0.0.1:4000/cb"
    )
    page = await client.get(authorize_url(app, "read", redirect_uri="http://127.0.0.1:4001/cb"))
    assert page.status_code == 400
    token = await token_for(client, net, "gts.practice", "cai2", "read")
    assert token


async def test_state_passes_through_and_deny_says_access_denied(client: httpx.AsyncClient) -> None:
    app = await register(client, OLD, "read")
    location = await complete_authorization(
        client, authorize_url(app, "read", state="s-123"), *ANNA
    )
    assert "state=s-123" in location
    denied = await complete_authorization(
        client, authorize_url(app, "read", state="s-9"), *ANNA, approve=False
    )
    assert "error=access_denied" in denied
    assert "state=s-9" in denied
    assert "code=" not in denied


async def test_codes_are_single_use_and_bound_to_client_and_redirect(
    client: httpx.AsyncClient,
) -> None:
    app = await register(client, OLD, "read")
    code = await _code(client, app)
    assert (
        await exchange(client, app, code, redirect_uri="http://127.0.0.1:8765/other")
    ).status_code == 400
    other = await register(client, OLD, "read")
    assert (await exchange(client, other, code)).json()["error"] == "invalid_grant"
    assert (await exchange(client, app, code)).status_code == 200
    assert (await exchange(client, app, code)).json()["error"] == "invalid_grant"
    bad_secret = App(app.origin, app.client_id, "wrong", app.redirect_uri)
    response = await exchange(client, bad_secret, await _code(client, app))
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


async def test_out_of_band_shows_the_code(client: httpx.AsyncClient) -> None:
    app = await register(client, OLD, "read", redirect_uri="urn:ietf:wg:oauth:2.0:oob")
    code = await complete_authorization(client, authorize_url(app, "read"), *ANNA)
    assert "?" not in code
    assert (await exchange(client, app, code)).status_code == 200


async def test_revoke_ends_the_token_and_only_its_client_may(client: httpx.AsyncClient) -> None:
    app = await register(client, OLD, "read")
    token = (await exchange(client, app, await _code(client, app))).json()["access_token"]
    me = f"{OLD}/api/v1/accounts/verify_credentials"
    assert (await client.get(me, headers=auth(token))).status_code == 200
    stranger = await register(client, OLD, "read")
    refused = await client.post(
        f"{OLD}/oauth/revoke",
        data={
            "client_id": stranger.client_id,
            "client_secret": stranger.client_secret,
            "token": token,
        },
    )
    assert refused.status_code == 403
    revoke = {"client_id": app.client_id, "client_secret": app.client_secret, "token": token}
    assert (await client.post(f"{OLD}/oauth/revoke", data=revoke)).json() == {}
    assert (await client.post(f"{OLD}/oauth/revoke", data=revoke)).status_code == 200
    gone = await client.get(me, headers=auth(token))
    assert gone.status_code == 401
    assert gone.json() == {"error": "The access token is invalid"}


async def test_granular_scopes_are_enforced(
    client: httpx.AsyncClient, net: PracticeNetwork
) -> None:
    token = await sign_in(client, net, *ANNA, scopes="read:accounts")
    assert (
        await client.get(f"{OLD}/api/v1/accounts/verify_credentials", headers=auth(token))
    ).status_code == 200
    for method, path in (
        ("GET", "/api/v1/bookmarks"),
        ("GET", "/api/v1/lists"),
        ("POST", "/api/v1/accounts/1/follow"),
        ("GET", "/api/v1/blocks"),
    ):
        response = await client.request(method, OLD + path, headers=auth(token))
        assert response.status_code == 403, path
        assert response.json() == {"error": "This action is outside the authorized scopes"}


async def test_app_tokens_have_no_user(client: httpx.AsyncClient) -> None:
    app = await register(client, OLD, "read")
    response = await client.post(
        f"{OLD}/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": app.client_id,
            "client_secret": app.client_secret,
            "scope": "read",
        },
    )
    token = response.json()["access_token"]
    assert (
        await client.get(f"{OLD}/api/v1/apps/verify_credentials", headers=auth(token))
    ).status_code == 200
    no_user = await client.get(f"{OLD}/api/v1/bookmarks", headers=auth(token))
    assert no_user.status_code == 422
    assert no_user.json()["error"] == "This method requires an authenticated user"


async def test_wrong_password_and_missing_csrf_are_refused(client: httpx.AsyncClient) -> None:
    app = await register(client, OLD, "read")
    with pytest.raises(AuthDeniedError):
        await complete_authorization(client, authorize_url(app, "read"), ANNA[0], "wrong")
    forged = await client.post(
        f"{OLD}/auth/sign_in", data={"user[email]": ANNA[0], "user[password]": ANNA[1]}
    )
    assert forged.status_code == 422


async def test_the_same_token_is_reused_per_user_and_app(client: httpx.AsyncClient) -> None:
    app = await register(client, OLD, "read")
    first = (await exchange(client, app, await _code(client, app))).json()["access_token"]
    second = (await exchange(client, app, await _code(client, app))).json()["access_token"]
    assert first == second
