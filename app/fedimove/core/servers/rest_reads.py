"""Every read the snapshot needs, at the largest page size each endpoint allows (fediverse-apis §2).

Collections are yielded page by page so callers can report progress and never need to hold
raw JSON for more than one page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fedimove.core.errors import AccountNotFoundError, FedimoveError, NotPermittedError
from fedimove.core.models import (
    AccountRef,
    Category,
    FilterEntry,
    ListEntry,
    MuteEntry,
    ProfileData,
    StatusRef,
)
from fedimove.core.servers import rest_parse as parse
from fedimove.core.servers.base import PageSize
from fedimove.core.servers.mastodon import PAGE_SIZES
from fedimove.core.servers.rest_session import RestSession

#: Ids per `accounts/relationships` call: Mastodon shows no cap in code (UNCONFIRMED), so stay
#: within the documented page sizes (§2 notes).
RELATIONSHIP_BATCH = 80


@dataclass(frozen=True, slots=True)
class OwnAccount:
    ref: AccountRef
    profile: ProfileData
    followers_count: int = 0
    following_count: int = 0
    statuses_count: int = 0
    moved: bool = False


def _block_key(item: dict[str, Any]) -> str:
    """The blocked domain, or `sha256:<digest>` when the server shows it obfuscated
    (`exa***.com`): the digest still identifies it (MD entities/DomainBlock.md)."""
    domain = parse.text(item.get("domain"), 253).lower()
    digest = parse.text(item.get("digest"), 64).lower()
    return f"sha256:{digest}" if "*" in domain and digest else domain


def _named_relationship(item: dict[str, Any]) -> parse.Relationship | None:
    """A relationship that does not name its account answers nothing (a garbled answer)."""
    rel = parse.relationship(item)
    return rel if rel.id else None


def _count(value: Any) -> int:
    return value if isinstance(value, int) and value >= 0 else 0


class RestReader(RestSession):
    page_sizes: Mapping[Category, PageSize] = PAGE_SIZES

    def limit_for(self, category: Category) -> int:
        size = self.page_sizes.get(category) or PAGE_SIZES.get(category)
        return size.maximum if size else 40

    async def verify_credentials(self) -> OwnAccount:
        data = await self.get_object("/api/v1/accounts/verify_credentials")
        ref = parse.account(data, self.local_domain)
        if ref is None:
            raise AccountNotFoundError("own account unreadable", host=self.host)
        self.user_key = ref.local_id
        return OwnAccount(
            ref=ref,
            profile=parse.profile(data),
            followers_count=_count(data.get("followers_count")),
            following_count=_count(data.get("following_count")),
            statuses_count=_count(data.get("statuses_count")),
            moved=isinstance(data.get("moved"), dict),
        )

    async def _account_pages(
        self, path: str, category: Category
    ) -> AsyncIterator[list[AccountRef]]:
        async for page in self.pages(path, limit=self.limit_for(category)):
            yield parse.accounts(page, self.local_domain)

    def following(self, account_id: str) -> AsyncIterator[list[AccountRef]]:
        return self._account_pages(f"/api/v1/accounts/{account_id}/following", Category.FOLLOWING)

    def followers(self, account_id: str) -> AsyncIterator[list[AccountRef]]:
        return self._account_pages(f"/api/v1/accounts/{account_id}/followers", Category.FOLLOWERS)

    def blocks(self) -> AsyncIterator[list[AccountRef]]:
        return self._account_pages("/api/v1/blocks", Category.BLOCKS)

    def endorsements(self) -> AsyncIterator[list[AccountRef]]:
        return self._account_pages("/api/v1/endorsements", Category.ENDORSEMENTS)

    async def mutes(self) -> AsyncIterator[list[tuple[dict[str, Any], AccountRef]]]:
        """Muted accounts with their raw entry (it carries `mute_expires_at`)."""
        async for page in self.pages("/api/v1/mutes", limit=self.limit_for(Category.MUTES)):
            refs = parse.accounts(page, self.local_domain)  # all or nothing, as every page
            yield list(zip(parse.objects(page), refs, strict=True))

    async def _status_pages(self, path: str, category: Category) -> AsyncIterator[list[StatusRef]]:
        async for page in self.pages(path, limit=self.limit_for(category)):
            yield parse.every(page, lambda item: parse.status(item, self.local_domain), "post")

    def bookmarks(self) -> AsyncIterator[list[StatusRef]]:
        return self._status_pages("/api/v1/bookmarks", Category.BOOKMARKS)

    def favourites(self) -> AsyncIterator[list[StatusRef]]:
        return self._status_pages("/api/v1/favourites", Category.FAVOURITES)

    async def statuses(self, account_id: str) -> AsyncIterator[list[dict[str, Any]]]:
        """The account's own posts, full Status objects (kept as they are, for the archive)."""
        path = f"/api/v1/accounts/{account_id}/statuses"
        async for page in self.pages(path, limit=self.limit_for(Category.POSTS)):
            yield parse.objects(page)

    async def domain_blocks(self) -> AsyncIterator[list[str]]:
        limit = self.limit_for(Category.DOMAIN_BLOCKS)
        async for page in self.pages("/api/v1/domain_blocks", limit=limit):
            yield parse.domains(page)

    async def followed_tags(self) -> AsyncIterator[list[str]]:
        limit = self.limit_for(Category.FOLLOWED_TAGS)
        async for page in self.pages("/api/v1/followed_tags", limit=limit):
            yield parse.tag_names(page)

    async def relationships(self, ids: Sequence[str]) -> dict[str, parse.Relationship]:
        """Relationships for `ids`, `RELATIONSHIP_BATCH` per call."""
        found: dict[str, parse.Relationship] = {}
        for start in range(0, len(ids), RELATIONSHIP_BATCH):
            found.update(await self.relationship_batch(ids[start : start + RELATIONSHIP_BATCH]))
        return found

    async def relationship_batch(self, ids: Iterable[str]) -> dict[str, parse.Relationship]:
        params = [("id[]", account_id) for account_id in ids]
        body = await self.get_list("/api/v1/accounts/relationships", params=params)
        rels = parse.every(body, _named_relationship, "relationship")
        return {rel.id: rel for rel in rels}

    async def lists(self) -> list[ListEntry]:
        body = await self.get_list("/api/v1/lists")
        return parse.every(body, parse.list_entry, "list")

    async def list_members(self, list_id: str) -> list[AccountRef]:
        """`limit=0` returns every member in one unpaginated answer (Mastodon, GoToSocial)."""
        members: list[AccountRef] = []
        async for page in self.pages(f"/api/v1/lists/{list_id}/accounts", limit=0):
            members.extend(parse.accounts(page, self.local_domain))
        return members

    async def filters(self) -> list[FilterEntry]:
        body = await self.get_list("/api/v2/filters")
        return parse.every(body, parse.filter_entry, "filter")

    async def featured_tags(self) -> list[str]:
        return parse.tag_names(await self.get_list("/api/v1/featured_tags"))

    async def instance_domain_blocks(self) -> list[tuple[str, str]] | None:
        """The server's published domain blocks as (domain, severity); None when it does not
        publish them (fediverse-apis §7.2; DESIGN §0.7)."""
        try:
            body = await self.get_list("/api/v1/instance/domain_blocks")
        except (AccountNotFoundError, NotPermittedError):
            return None
        except FedimoveError as error:
            if getattr(error, "status", None) in (401, 422):
                return None
            raise
        return [
            (_block_key(item), parse.text(item.get("severity"), 16))
            for item in parse.objects(body)
            if parse.text(item.get("domain"))
        ]

    @staticmethod
    def mute_entries(
        pairs: Sequence[tuple[dict[str, Any], AccountRef]],
        rels: Mapping[str, parse.Relationship],
    ) -> list[MuteEntry]:
        return [parse.mute_entry(item, ref, rels.get(ref.local_id)) for item, ref in pairs]
