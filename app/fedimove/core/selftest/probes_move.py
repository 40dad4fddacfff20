"""Probes of alias, Move and import facts (fediverse-apis §3, §6). The live run performs the
steps and writes what it saw into the `RunRecord`; these probes only read it, except the bulk
import, which sends two sample follows as a Mastodon CSV.
"""

from __future__ import annotations

from fedimove.core.selftest.context import Answer, Side
from fedimove.core.selftest.facts import Observation
from fedimove.core.storage.csv_formats import write_following

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


async def csv_import_accepted(side: Side) -> Observation:
    """GoToSocial's `/api/v1/import` takes Mastodon's following CSV (fediverse-apis §3)."""
    samples = side.run.sample_follows[:2]
    if not samples:
        return Observation.unavailable("no follows on the old account to import")
    content = write_following(samples).encode("utf-8")
    reply = await side.rest.request(
        "POST",
        "/api/v1/import",
        data=[("type", "following"), ("mode", "merge")],
        files={"data": ("following_accounts.csv", content, "text/csv")},
        idempotent=False,
    )
    return Observation(reply.status_code, detail=reply.error_text()[:80])
