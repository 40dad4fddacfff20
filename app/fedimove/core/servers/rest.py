"""One typed client for Mastodon-compatible REST APIs (Mastodon, GoToSocial, Akkoma).

`RestClient(origin, token, scheduler, http=...)` reads everything the snapshot needs
(`rest_reads.py`) and performs every write the copy needs (here), each returning `core/models`
values. Transport, budgets and coded errors live in `rest_session.py`; JSON parsing in
`rest_parse.py`. Resolving follows fediverse-apis §4: `accounts/lookup` only finds accounts the
server knows, so a 404 falls back to `v2/search?resolve=true`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from fedimove.core.errors import AccountNotFoundError, MalformedResponseError, ServerError
from fedimove.core.models import (
    AccountRef,
    FilterEntry,
    ListEntry,
    ProfileData,
    StatusRef,
)
from fedimove.core.servers import rest_parse as parse
from fedimove.core.servers.base import Capabilities
from fedimove.core.servers.rest_reads import OwnAccount, RestReader
from fedimove.core.servers.rest_session import FormData

__all__ = ["OwnAccount", "RestClient"]


def _bool(value: bool) -> str:
    return "true" if value else "false"


class RestClient(RestReader):
    capabilities: Capabilities | None = None

    def use_capabilities(self, capabilities: Capabilities) -> None:
        """Take the server's declared page sizes (the budgets belong to the scheduler)."""
        self.capabilities = capabilities
        if capabilities.page_sizes:
            self.page_sizes = capabilities.page_sizes

    # --- resolving ------------------------------------------------------------------------

    async def resolve_account(self, acct: str) -> AccountRef | None:
        """This server's copy of `user@domain`, fetched over WebFinger if it does not know it."""
        acct = acct.lstrip("@")
        try:
            data = await self.get_object("/api/v1/accounts/lookup", params=[("acct", acct)])
            ref = parse.account(data, self.local_domain)
            if ref is not None:
                return ref
        except AccountNotFoundError:
            pass
        found = await self._search(f"@{acct}", "accounts")
        wanted = acct.lower()
        for item in parse.objects(found.get("accounts")):
            ref = parse.account(item, self.local_domain)
            if ref is not None and ref.acct.lower() == wanted:
                return ref
        return None

    async def resolve_status(self, uri: str) -> StatusRef | None:
        """This server's copy of a post (by its ActivityPub id or URL); None if it is gone."""
        found = await self._search(uri, "statuses")
        for item in parse.objects(found.get("statuses")):
            ref = parse.status(item, self.local_domain)
            if ref is not None:
                return ref
        return None

    async def _search(self, query: str, kind: str) -> dict[str, Any]:
        params = [("q", query), ("type", kind), ("resolve", "true"), ("limit", "1")]
        try:
            return await self.get_object("/api/v2/search", params=params)
        except AccountNotFoundError:
            return {}

    # --- relations --------------------------------------------------------------------------

    async def _relation(
        self, path: str, data: FormData = (), family: str = ""
    ) -> parse.Relationship:
        body = await self.call("POST", path, data=data, family=family)
        if not isinstance(body, dict):
            raise ServerError("unexpected answer", host=self.host)
        return parse.relationship(body)

    async def follow(
        self,
        account_id: str,
        *,
        reblogs: bool = True,
        notify: bool = False,
        languages: Sequence[str] | None = None,
    ) -> parse.Relationship:
        data = [("reblogs", _bool(reblogs)), ("notify", _bool(notify))]
        data += [("languages[]", code) for code in languages or ()]
        return await self._relation(f"/api/v1/accounts/{account_id}/follow", data, "follows")

    async def block(self, account_id: str) -> parse.Relationship:
        return await self._relation(f"/api/v1/accounts/{account_id}/block")

    async def mute(
        self, account_id: str, *, notifications: bool = True, duration: int = 0
    ) -> parse.Relationship:
        data = [("notifications", _bool(notifications)), ("duration", str(max(0, duration)))]
        return await self._relation(f"/api/v1/accounts/{account_id}/mute", data)

    async def endorse(self, account_id: str) -> parse.Relationship:
        """`/endorse` (4.4), else the older `/pin` (fediverse-apis §4)."""
        try:
            return await self._relation(f"/api/v1/accounts/{account_id}/endorse")
        except AccountNotFoundError:
            return await self._relation(f"/api/v1/accounts/{account_id}/pin")

    async def set_note(self, account_id: str, comment: str) -> parse.Relationship:
        return await self._relation(f"/api/v1/accounts/{account_id}/note", [("comment", comment)])

    async def block_domain(self, domain: str) -> None:
        await self.call("POST", "/api/v1/domain_blocks", data=[("domain", domain)])

    # --- lists, statuses, tags, filters ---------------------------------------------------

    async def create_list(self, entry: ListEntry) -> ListEntry:
        data = [
            ("title", entry.title),
            ("replies_policy", entry.replies_policy),
            ("exclusive", _bool(entry.exclusive)),
        ]
        body = await self.call("POST", "/api/v1/lists", data=data, idempotent=False)
        created = parse.list_entry(body) if isinstance(body, dict) else None
        if created is None or created.title != parse.ident(entry.title, 200):
            # An answer that does not name the new list: whether it was created is unknown,
            # so the item stays in flight and the next run looks for it by title.
            raise MalformedResponseError("the new list is not in the answer", host=self.host)
        return created

    async def add_list_members(self, list_id: str, account_ids: Sequence[str]) -> None:
        data = [("account_ids[]", account_id) for account_id in account_ids]
        await self.call("POST", f"/api/v1/lists/{list_id}/accounts", data=data)

    async def bookmark(self, status_id: str) -> None:
        await self.call("POST", f"/api/v1/statuses/{status_id}/bookmark")

    async def favourite(self, status_id: str) -> None:
        await self.call("POST", f"/api/v1/statuses/{status_id}/favourite")

    async def follow_tag(self, name: str) -> None:
        await self.call("POST", f"/api/v1/tags/{name.lstrip('#')}/follow")

    async def feature_tag(self, name: str) -> None:
        data = [("name", name.lstrip("#"))]
        await self.call("POST", "/api/v1/featured_tags", data=data, idempotent=False)

    async def create_filter(self, entry: FilterEntry, *, now: datetime | None = None) -> None:
        data: list[tuple[str, str]] = [("title", entry.title), ("filter_action", entry.action)]
        data += [("context[]", context) for context in entry.context]
        for index, keyword in enumerate(entry.keywords):
            data.append((f"keywords_attributes[{index}][keyword]", keyword.keyword))
            data.append((f"keywords_attributes[{index}][whole_word]", _bool(keyword.whole_word)))
        if entry.expires_at is not None and now is not None:
            data.append(("expires_in", str(max(1, int((entry.expires_at - now).total_seconds())))))
        await self.call("POST", "/api/v2/filters", data=data, idempotent=False)

    # --- profile ------------------------------------------------------------------------------

    async def update_credentials(
        self,
        profile: ProfileData,
        *,
        avatar: tuple[bytes, str] | None = None,
        header: tuple[bytes, str] | None = None,
        include_locked: bool = False,
    ) -> OwnAccount:
        """Multipart PATCH. `locked` is left alone unless asked (DESIGN §0.3)."""
        data = _profile_form(profile, include_locked=include_locked)
        files: dict[str, tuple[str, bytes, str]] = {}
        for name, image in (("avatar", avatar), ("header", header)):
            if image is not None:
                files[name] = (f"{name}{_extension(image[1])}", image[0], image[1])
        await self.call(
            "PATCH", "/api/v1/accounts/update_credentials", data=data, files=files or None
        )
        return await self.verify_credentials()


def _profile_form(profile: ProfileData, *, include_locked: bool) -> list[tuple[str, str]]:
    data = [
        ("display_name", profile.display_name),
        ("note", profile.note),
        ("bot", _bool(profile.bot)),
        ("source[privacy]", profile.privacy),
        ("source[sensitive]", _bool(profile.sensitive)),
    ]
    if profile.language:
        data.append(("source[language]", profile.language))
    for name, value in (
        ("discoverable", profile.discoverable),
        ("indexable", profile.indexable),
        ("hide_collections", profile.hide_collections),
    ):
        if value is not None:
            data.append((name, _bool(value)))
    if include_locked:
        data.append(("locked", _bool(profile.locked)))
    for index, field in enumerate(profile.fields):
        data.append((f"fields_attributes[{index}][name]", field.name))
        data.append((f"fields_attributes[{index}][value]", field.value))
    return data


def _extension(content_type: str) -> str:
    return {
        "image/png": ".png",
        "image/jpeg": ".jpg",
        "image/gif": ".gif",
        "image/webp": ".webp",
    }.get(content_type.split(";", maxsplit=1)[0].strip().lower(), "")
