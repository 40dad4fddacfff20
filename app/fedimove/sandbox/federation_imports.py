"""CSV imports: Mastodon's `/settings/imports` and GoToSocial's `/api/v1/import` share the
formats and the processing [fediverse-apis.md §3; M: app/models/form/import.rb,
app/services/bulk_import_service.rb, bulk_import_row_service.rb].

Parsing: a known first header means a header row (columns by name); otherwise the file is read
header-less with the type's default columns; blank lines are skipped; a bare username is a
local account. Processing runs as a background job on the injected clock: follows bypass the
400/day limit but not the 7,500 cap; a `lists` row follows the account before adding it;
`overwrite` removes what the file does not list.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fedimove.sandbox import limits, resolve
from fedimove.sandbox.federation import node_of
from fedimove.sandbox.federation_follow import follow_from, unfollow_from
from fedimove.sandbox.index import PairIndex, Rows
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.state import Account, AccountList, Block, DomainBlock, ListMember, Mark, Mute

MAX_ROWS = 20_000
MAX_BYTES = 20 * 1024 * 1024
#: GoToSocial's type names → Mastodon's.
ALIASES = {"blocks": "blocking", "mutes": "muting"}
#: Default columns of each type (also the headers a header row must start with).
COLUMNS: dict[str, tuple[str, ...]] = {
    "following": ("Account address", "Show boosts", "Notify on new posts", "Languages"),
    "blocking": ("Account address",),
    "muting": ("Account address", "Hide notifications"),
    "domain_blocking": ("#domain",),
    "bookmarks": ("#uri",),
    "lists": ("List name", "Account address"),
}


class ImportError_(ValueError):
    """The upload is refused (shown on the form or as a 400)."""


@dataclass
class ImportJob:
    id: int
    account_id: int
    kind: str
    mode: str
    rows: list[dict[str, str]]
    created_at: datetime
    state: str = "unconfirmed"  # → scheduled → in_progress → finished
    processed: int = 0
    imported: int = 0
    failures: list[str] = field(default_factory=list)


def parse_rows(kind: str, text: str) -> list[dict[str, str]]:
    columns = COLUMNS[kind]
    lines = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    if lines and lines[0] and lines[0][0].strip() == columns[0]:
        header, lines = [h.strip() for h in lines[0]], lines[1:]
    else:
        header = list(columns)
    return [
        {header[i]: cell.strip() for i, cell in enumerate(row) if i < len(header)} for row in lines
    ]


def parse_upload(instance: Instance, me: Account, kind: str, mode: str, data: bytes) -> ImportJob:
    kind = ALIASES.get(kind, kind)
    if kind not in COLUMNS:
        raise ImportError_(f"unknown import type {kind}")
    if len(data) > MAX_BYTES:
        raise ImportError_("File is too big")
    try:
        rows = parse_rows(kind, data.decode("utf-8-sig"))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ImportError_("The file could not be read as CSV") from exc
    if len(rows) > MAX_ROWS:
        raise ImportError_(f"The file has more than {MAX_ROWS} rows")
    state = instance.state
    if kind == "following" and instance.flavour.follow_limits:
        current = 0 if mode == "overwrite" else state.following_count(me.id)
        cap = limits.follow_cap(state.followers_count(me.id), state.following_count(me.id))
        if len(rows) > cap - current:
            raise ImportError_(f"You cannot follow more than {cap} people")
    job = ImportJob(state.ids.next(), me.id, kind, mode, rows, instance.clock.now())
    node_of(instance).imports[job.id] = job
    return job


def schedule_import(instance: Instance, job: ImportJob) -> None:
    job.state = "scheduled"
    node_of(instance).layer.jobs.spawn(run_import(instance, job))


async def run_import(instance: Instance, job: ImportJob) -> None:
    me = instance.state.accounts[job.account_id]
    jobs = node_of(instance).layer.jobs
    job.state = "in_progress"
    wanted: set[str] = set()
    for row in job.rows:
        await jobs.pause(0)
        key = await _apply_row(instance, me, job.kind, row)
        job.processed += 1
        if key is None:
            job.failures.append(next(iter(row.values()), ""))
        else:
            job.imported += 1
            wanted.add(key)
    if job.mode == "overwrite":
        await _remove_unlisted(instance, me, job.kind, wanted)
    job.state = "finished"


async def _account(instance: Instance, address: str) -> Account | None:
    username, _, domain = address.strip().lstrip("@").partition("@")
    if not username:
        return None
    return await resolve.resolve_acct(instance, username, domain or instance.domain)


def _flag(value: str | None, default: bool) -> bool:
    return default if not value else value.strip().lower() in ("true", "1", "yes")


async def _apply_row(instance: Instance, me: Account, kind: str, row: dict[str, str]) -> str | None:
    """Apply one row; the key of what it stands for, or None when it failed."""
    state = instance.state
    if kind == "domain_blocking":
        return _domain_block(instance, me, row.get("#domain", "").lower())
    if kind == "bookmarks":
        status = await resolve.resolve_status(instance, row.get("#uri", ""))
        if status is None:
            return None
        if state.bookmarks.get(me.id, status.id) is None:
            state.bookmarks.add(Mark(state.ids.next(), me.id, status.id))
        return str(status.id)
    target = await _account(instance, row.get("Account address", ""))
    if target is None or target.id == me.id:
        return None
    if kind in ("following", "lists"):
        if not await _follow(instance, me, target, row):
            return None
        if kind == "lists":
            _add_to_list(instance, me, row.get("List name", ""), target)
    elif kind == "blocking":
        _block(instance, me, target)
    elif kind == "muting":
        hide = _flag(row.get("Hide notifications"), True)
        old = state.mutes.get(me.id, target.id)
        state.mutes.add(Mute(old.id if old else state.ids.next(), me.id, target.id, hide))
    return str(target.id)


async def _follow(instance: Instance, me: Account, target: Account, row: dict[str, str]) -> bool:
    state = instance.state
    if state.follows.get(me.id, target.id) is None and instance.flavour.follow_limits:
        cap = limits.follow_cap(state.followers_count(me.id), state.following_count(me.id))
        if state.following_count(me.id) + len(state.follow_requests.owned(me.id)) >= cap:
            return False
    languages = [x.strip() for x in row.get("Languages", "").split(",") if x.strip()] or None
    await follow_from(
        instance,
        me,
        target,
        reblogs=_flag(row.get("Show boosts"), True),
        notify=_flag(row.get("Notify on new posts"), False),
        languages=languages,
    )
    return True


def _block(instance: Instance, me: Account, target: Account) -> None:
    state = instance.state
    for owner, other in ((me.id, target.id), (target.id, me.id)):
        state.follows.remove(owner, other)
        state.follow_requests.remove(owner, other)
    if state.blocks.get(me.id, target.id) is None:
        state.blocks.add(Block(state.ids.next(), me.id, target.id))


def _domain_block(instance: Instance, me: Account, domain: str) -> str | None:
    if not domain or "." not in domain:
        return None
    state = instance.state
    names = state.domain_block_names.setdefault(me.id, {})
    if domain not in names:
        row = DomainBlock(state.ids.next(), me.id, domain)
        state.domain_blocks.setdefault(me.id, Rows()).add(row.id, row)
        names[domain] = row.id
    return domain


def _add_to_list(instance: Instance, me: Account, title: str, target: Account) -> None:
    state = instance.state
    lists = state.lists_of.setdefault(me.id, {})
    lst = next((x for x in lists.values() if x.title == title), None)
    if lst is None:
        lst = AccountList(state.ids.next(), me.id, title or "Imported")
        state.lists[lst.id] = lst
        lists[lst.id] = lst
    if lst.members.get(lst.id, target.id) is None:
        lst.members.add(ListMember(state.ids.next(), lst.id, target.id))


async def _remove_unlisted(instance: Instance, me: Account, kind: str, wanted: set[str]) -> None:
    """Overwrite mode: what the file does not list goes [M: app/services/bulk_import_service.rb]."""
    state = instance.state
    if kind == "following":
        for row in list(state.follows.owned(me.id).oldest_first()):
            if str(row.target) not in wanted:
                await unfollow_from(instance, me, state.accounts[row.target])
        return
    if kind == "domain_blocking":
        names = state.domain_block_names.get(me.id, {})
        for domain in [d for d in names if d not in wanted]:
            state.domain_blocks[me.id].remove(names.pop(domain))
        return
    for name, index in (("blocking", state.blocks), ("muting", state.mutes)):
        if kind == name:
            _drop_unlisted(index, me, wanted)
    if kind == "bookmarks":
        _drop_unlisted(state.bookmarks, me, wanted)


def _drop_unlisted(index: PairIndex[Any], me: Account, wanted: set[str]) -> None:
    for target in [row.target for row in index.owned(me.id).oldest_first()]:
        if str(target) not in wanted:
            index.remove(me.id, target)
