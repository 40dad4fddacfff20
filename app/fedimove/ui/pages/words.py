"""Words for the codes the pages show: categories, predictions, progress statuses, skip
reasons (translated when looked up, so a language switch takes effect at once)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from fedimove.core.models import Category
from fedimove.core.service_api import Prediction

_C = "Words"


def category_label(category: Category | str) -> str:
    tr = QCoreApplication.translate
    labels = {
        Category.PROFILE: tr(_C, "Profile"),
        Category.FOLLOWING: tr(_C, "Accounts you follow"),
        Category.FOLLOWERS: tr(_C, "Followers"),
        Category.LISTS: tr(_C, "Lists"),
        Category.BOOKMARKS: tr(_C, "Bookmarks"),
        Category.FAVOURITES: tr(_C, "Favourites"),
        Category.BLOCKS: tr(_C, "Blocked accounts"),
        Category.MUTES: tr(_C, "Muted accounts"),
        Category.DOMAIN_BLOCKS: tr(_C, "Hidden servers"),
        Category.FOLLOWED_TAGS: tr(_C, "Followed hashtags"),
        Category.FILTERS: tr(_C, "Filters"),
        Category.FEATURED_TAGS: tr(_C, "Featured hashtags"),
        Category.ENDORSEMENTS: tr(_C, "Featured accounts"),
        Category.NOTES: tr(_C, "Private notes"),
        Category.POSTS: tr(_C, "Posts"),
    }
    try:
        return labels[Category(category)]
    except ValueError:
        return str(category).replace("_", " ")


def prediction_label(prediction: Prediction) -> str:
    tr = QCoreApplication.translate
    labels = {
        Prediction.WILL_MOVE: tr(_C, "will move"),
        Prediction.ARRIVES_AS_REQUEST: tr(_C, "will arrive as follow requests"),
        Prediction.NO_MOVE_SUPPORT: tr(_C, "their server cannot move followers"),
        Prediction.UNREACHABLE: tr(_C, "their server does not answer"),
        Prediction.BLOCKED: tr(_C, "blocked by your new server"),
        Prediction.UNKNOWN: tr(_C, "not known"),
    }
    return labels[prediction]


def skip_reason_label(reason: str) -> str:
    tr = QCoreApplication.translate
    labels = {
        "favourites_off_by_default": tr(_C, "off by default: notifies each author"),
        "already_present": tr(_C, "already on the new account"),
        "suspended": tr(_C, "the account is suspended"),
        "gone": tr(_C, "the account or post is gone"),
        "domain_blocked": tr(_C, "your new server blocks that server"),
        "expired": tr(_C, "the mute has expired"),
        "follow_not_accepted": tr(_C, "they did not accept the follow"),
    }
    return labels.get(reason, reason.replace("_", " "))


def eta_words(until: datetime, *, daily_limit: bool) -> str:
    """An ETA that names the 00:00 UTC reset when a daily limit is the reason (DESIGN §0.12)."""
    tr = QCoreApplication.translate
    when = until.astimezone().strftime("%a %H:%M")
    if daily_limit:
        reset = until.astimezone(UTC).strftime("%H:%M")
        return (
            tr(_C, "Daily limit reached: goes on by itself on {when} (the server resets at "
                   "{reset} UTC).")
            .replace("{when}", when)
            .replace("{reset}", reset)
        )  # fmt: skip
    return tr(_C, "Waiting for the server: goes on by itself at {when}.").replace("{when}", when)
