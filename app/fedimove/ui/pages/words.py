"""Words for the codes the pages show: categories, predictions, progress statuses, skip
reasons (translated when looked up, so a language switch takes effect at once)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from fedimove.core.models import Category
from fedimove.core.service_api import Prediction


def category_label(category: Category | str) -> str:
    labels = {
        Category.PROFILE: QCoreApplication.translate("Words", "Profile"),
        Category.FOLLOWING: QCoreApplication.translate("Words", "Accounts you follow"),
        Category.FOLLOWERS: QCoreApplication.translate("Words", "Followers"),
        Category.LISTS: QCoreApplication.translate("Words", "Lists"),
        Category.BOOKMARKS: QCoreApplication.translate("Words", "Bookmarks"),
        Category.FAVOURITES: QCoreApplication.translate("Words", "Favourites"),
        Category.BLOCKS: QCoreApplication.translate("Words", "Blocked accounts"),
        Category.MUTES: QCoreApplication.translate("Words", "Muted accounts"),
        Category.DOMAIN_BLOCKS: QCoreApplication.translate("Words", "Hidden servers"),
        Category.FOLLOWED_TAGS: QCoreApplication.translate("Words", "Followed hashtags"),
        Category.FILTERS: QCoreApplication.translate("Words", "Filters"),
        Category.FEATURED_TAGS: QCoreApplication.translate("Words", "Featured hashtags"),
        Category.ENDORSEMENTS: QCoreApplication.translate("Words", "Featured accounts"),
        Category.NOTES: QCoreApplication.translate("Words", "Private notes"),
        Category.POSTS: QCoreApplication.translate("Words", "Posts"),
    }
    try:
        return labels[Category(category)]
    except ValueError:
        return str(category).replace("_", " ")


def prediction_label(prediction: Prediction) -> str:
    labels = {
        Prediction.WILL_MOVE: QCoreApplication.translate("Words", "will move"),
        Prediction.ARRIVES_AS_REQUEST: QCoreApplication.translate(
            "Words", "will arrive as follow requests"
        ),
        Prediction.NO_MOVE_SUPPORT: QCoreApplication.translate(
            "Words", "their server cannot move followers"
        ),
        Prediction.UNREACHABLE: QCoreApplication.translate("Words", "their server does not answer"),
        Prediction.BLOCKED: QCoreApplication.translate("Words", "blocked by your new server"),
        Prediction.UNKNOWN: QCoreApplication.translate("Words", "not known"),
    }
    return labels[prediction]


def skip_reason_label(reason: str) -> str:
    labels = {
        "favourites_off_by_default": QCoreApplication.translate(
            "Words", "off by default: notifies each author"
        ),
        "already_present": QCoreApplication.translate("Words", "already on the new account"),
        "suspended": QCoreApplication.translate("Words", "the account is suspended"),
        "gone": QCoreApplication.translate("Words", "the account or post is gone"),
        "domain_blocked": QCoreApplication.translate("Words", "your new server blocks that server"),
        "expired": QCoreApplication.translate("Words", "the mute has expired"),
        "follow_not_accepted": QCoreApplication.translate(
            "Words", "they did not accept the follow"
        ),
    }
    return labels.get(reason, reason.replace("_", " "))


def eta_words(until: datetime, *, daily_limit: bool) -> str:
    """An ETA that names the 00:00 UTC reset when a daily limit is the reason (DESIGN §0.12)."""
    when = until.astimezone().strftime("%a %H:%M")
    if daily_limit:
        reset = until.astimezone(UTC).strftime("%H:%M")
        words = QCoreApplication.translate(
            "Words",
            "Daily limit reached: goes on by itself on {when} (the server resets at {reset} UTC).",
        )
        return words.replace("{when}", when).replace("{reset}", reset)
    return QCoreApplication.translate(
        "Words", "Waiting for the server: goes on by itself at {when}."
    ).replace("{when}", when)
