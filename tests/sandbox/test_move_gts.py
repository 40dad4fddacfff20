"""GoToSocial's alias and move API in detail: the alias list is replaced (de-duplicated, self
skipped, empty clears), URIs must dereference, and the move's checks answer with GoToSocial's
status texts."""

from __future__ import annotations

import httpx

from fedimove.sandbox.network import PracticeNetwork

from .conftest import auth, token_for


def _gts_people(net: PracticeNetwork) -> list[str]:
    gts = net.instance("gts.practice")
    return [a.username for a in gts.local_accounts() if not a.suspended][:2]


async def _alias(client: httpx.AsyncClient, origin: str, token: str, *uris: str) -> httpx.Response:
    data = {"also_known_as_uris[]": list(uris)} if uris else {"also_known_as_uris": ""}
    return await client.post(f"{origin}/api/v1/accounts/alias", headers=auth(token), data=data)


async def test_alias_replaces_the_list(client: httpx.AsyncClient, net: PracticeNetwork) -> None:
    me = _gts_people(net)[0]
    gts = net.origin("gts.practice")
    token = await token_for(client, net, "gts.practice", me)
    old, new = (
        f"{net.origin('old.practice')}/users/anna",
        f"{net.origin('new.practice')}/users/anna",
    )
    myself = f"{gts}/users/{me}"

    response = await _alias(client, gts, token, old, old, myself)
    assert response.json()["source"]["also_known_as_uris"] == [old]
    response = await _alias(client, gts, token, new)
    assert response.json()["source"]["also_known_as_uris"] == [new]  # replaced, not appended
    response = await _alias(client, gts, token)
    assert response.json()["source"]["also_known_as_uris"] == []

    bad = await _alias(client, gts, token, "ftp://old.practice/users/anna")
    assert bad.status_code == 400
    assert bad.json()["error"].startswith("Bad Request: invalid also_known_as_uri")
    unknown = await _alias(client, gts, token, f"{net.origin('old.practice')}/users/nobody")
    assert unknown.status_code == 422
    assert unknown.json()["error"].startswith("Unprocessable Entity: error dereferencing")
    missing = await client.post(f"{gts}/api/v1/accounts/alias", headers=auth(token), data={})
    assert missing.status_code == 400


async def test_move_checks_and_texts(client: httpx.AsyncClient, net: PracticeNetwork) -> None:
    me, other = _gts_people(net)
    gts = net.origin("gts.practice")
    token = await token_for(client, net, "gts.practice", me)
    password = f"pass-{me}"
    target = f"{gts}/users/{other}"

    async def move(**data: str) -> httpx.Response:
        return await client.post(f"{gts}/api/v1/accounts/move", headers=auth(token), data=data)

    no_password = await move(moved_to_uri=target)
    assert no_password.json() == {
        "error": "Bad Request: no password provided in account Move request"
    }
    wrong = await move(moved_to_uri=target, password="wrong")
    assert wrong.json() == {
        "error": "Bad Request: invalid password provided in account Move request"
    }
    not_aliased = await move(moved_to_uri=target, password=password)
    assert not_aliased.status_code == 422
    assert f"set alsoKnownAs to {gts}/users/{me}" in not_aliased.json()["error"]

    gts_instance = net.instance("gts.practice")
    target_account = gts_instance.state.find(other, "gts.practice")
    assert target_account is not None
    target_account.also_known_as = [f"{gts}/users/{me}"]
    target_account.moved_to = f"{net.origin('new.practice')}/users/anna"
    moved = await move(moved_to_uri=target, password=password)
    assert "has already Moved somewhere else" in moved.json()["error"]

    target_account.moved_to = None
    accepted = await move(moved_to_uri=target, password=password)
    assert (accepted.status_code, accepted.json()) == (202, {"message": "accepted"})
    elsewhere = await move(
        moved_to_uri=f"{net.origin('new.practice')}/users/anna", password=password
    )
    assert elsewhere.status_code == 422
    assert "is already Moved to" in elsewhere.json()["error"]
