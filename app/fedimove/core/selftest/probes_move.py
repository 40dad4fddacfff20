"""Probes of alias, Move and import facts (fediverse-apis §3, §6). The live run performs the
steps and writes what it saw into the `RunRecord`; these probes only read it, except the bulk
import, which sends two sample follows as a Mastodon CSV.
"""

from __future__ import annotations

from fedimove.core.models import Category
from fedimove.core.selftest.context import Answer, Side
from fedimove.core.selftest.facts import Observation, Probe
from fedimove.core.storage.csv_formats import write_blocks, write_following, write_mutes

LOGIN_DISABLED = "login is currently disabled"


async def alias_visible(side: Side) -> Observation:
    run = side.run
    if run.alias_seconds is None:
        return Observation.unavailable(run.alias_why_not)
    return Observation(run.alias_tier, detail=f"visible after {run.alias_seconds:.0f} s")


def _after_move(answer: Answer | None, side: Side) -> Observation:
    if not side.run.moved:
        return Observation.unavailable(side.run.move_why_not)
    if answer is None:
        return Observation.unavailable("this was not asked after the Move")
    return Observation(answer.status, detail=answer.text[:80])


async def old_token_verify(side: Side) -> Observation:
    answer = side.run.old_token_verify
    observed = _after_move(answer, side)
    if answer is not None and observed.checked and observed.value == 403:
        text = "login disabled" if LOGIN_DISABLED in answer.text.lower() else "other text"
        return Observation(f"403 {text}", detail=observed.detail)
    return observed


async def old_token_health(side: Side) -> Observation:
    return _after_move(side.run.old_token_health, side)


async def old_followers_readable(side: Side) -> Observation:
    return _after_move(side.run.old_followers_read, side)


async def move_retry_refused(side: Side) -> Observation:
    observed = _after_move(side.run.move_retry, side)
    if not observed.checked:
        return observed
    answer = side.run.move_retry
    text = answer.text.lower() if answer else ""
    says = "names the wait" if ("5 minutes" in text or "7 days" in text) else "other text"
    return Observation(f"{observed.value} {says}", detail=observed.detail)


IMPORT_TYPES = {Category.FOLLOWING: "following", Category.BLOCKS: "blocks", Category.MUTES: "mutes"}


def _sample_csv(side: Side, category: Category) -> str:
    """Mastodon's export format for the two sampled items (fediverse-apis §3)."""
    run = side.run
    if category is Category.FOLLOWING:
        return write_following(run.sample_follows[:2]) if run.sample_follows else ""
    if category is Category.BLOCKS:
        return write_blocks(run.sample_blocks[:2]) if run.sample_blocks else ""
    return write_mutes(run.sample_mutes[:2]) if run.sample_mutes else ""


def csv_import_probe(category: Category) -> Probe:
    async def probe(side: Side) -> Observation:
        return await csv_import_accepted(side, category)

    probe.__name__ = f"csv_import_{category.value}"
    return probe


async def csv_import_accepted(side: Side, category: Category) -> Observation:
    """GoToSocial's `/api/v1/import` takes Mastodon's CSVs (fediverse-apis §3). The rows are
    the two already copied, so the merge changes nothing on the new account."""
    content = _sample_csv(side, category)
    if not content:
        return Observation.unavailable(f"no {category.value} on the old account to import")
    reply = await side.rest.request(
        "POST",
        "/api/v1/import",
        data=[("type", IMPORT_TYPES[category]), ("mode", "merge")],
        files={"data": (f"{category.value}.csv", content.encode("utf-8"), "text/csv")},
        idempotent=False,
    )
    return Observation(reply.status_code, detail=reply.error_text()[:80])
