"""A browsable local copy of an account's posts (issue 12; DESIGN §7 "Posts").

No server accepts posts through a Move, so the archive's outbox (a Fedimove backup's or
Mastodon's archive zip) is rendered as ONE self-contained HTML page: images, video and audio
inlined as `data:` URIs, no scripts, no external stylesheets, fonts or images (a Content Security
Policy forbids any), and every text that came from a server reduced to plain text and escaped —
post HTML is never passed through.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterator
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

#: Attachments larger than this stay a name in the page (the page must still open).
MAX_INLINE_MEDIA = 64 * 1024 * 1024
_MEDIA_TYPE = re.compile(r"^(image|video|audio)/[a-z0-9.+-]{1,60}$")
_BREAKS = {"br", "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}
STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:46rem;color:#222}"
    "article{border-bottom:1px solid #ddd;padding:1rem 0}time{color:#666;font-size:.9rem}"
    ".text{white-space:pre-wrap;overflow-wrap:anywhere}img,video{max-width:100%}"
    ".meta{color:#666;font-size:.85rem}"
)
CSP = (
    "default-src 'none'; img-src data:; media-src data:; style-src 'unsafe-inline'; "
    "form-action 'none'; base-uri 'none'"
)

MediaLoader = Callable[[str], bytes | None]


class _TextOnly(HTMLParser):
    """Keeps the words and the line structure of post HTML, nothing else."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BREAKS and self.parts:
            self.parts.append("\n\n" if tag == "p" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of a server's HTML (bio, profile field, post)."""
    if "<" not in html and "&" not in html:
        return html
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _items(outbox: Any) -> Iterator[dict[str, Any]]:
    items = outbox.get("orderedItems") if isinstance(outbox, dict) else None
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            yield item


def _media(entry: dict[str, Any], load: MediaLoader) -> str:
    url, name = str(entry.get("url") or ""), str(entry.get("name") or "")
    media_type = str(entry.get("mediaType") or "").lower()
    data = load(url.lstrip("/")) if url and not url.startswith(("http://", "https://")) else None
    if data is None or len(data) > MAX_INLINE_MEDIA or not _MEDIA_TYPE.match(media_type):
        shown = url.rsplit("/", 1)[-1] if url else "attachment"
        return f"<p class='meta'>Attachment not included: {_e(shown)}</p>"
    source = f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"
    if media_type.startswith("image/"):
        return f"<img src='{source}' alt='{_e(name)}'>"
    tag = "video" if media_type.startswith("video/") else "audio"
    return f"<{tag} controls src='{source}' title='{_e(name)}'></{tag}>"


def _post(item: dict[str, Any], load: MediaLoader) -> str:
    when = _e(item.get("published"))
    if item.get("type") == "Announce":
        return (
            f"<article><time>{when}</time><p class='meta'>Boosted: "
            f"{_e(item.get('object'))}</p></article>"
        )
    note = item.get("object")
    if not isinstance(note, dict):
        return ""
    text = _e(html_to_text(str(note.get("content") or "")))
    warning = html_to_text(str(note.get("summary") or ""))
    body = f"<div class='text'>{text}</div>"
    if warning:
        body = f"<details><summary>{_e(warning)}</summary>{body}</details>"
    media = "".join(_media(a, load) for a in note.get("attachment") or [] if isinstance(a, dict))
    visibility = f" · {_e(item['visibility'])}" if item.get("visibility") else ""
    link = _e(note.get("url") or note.get("id"))
    return (
        f"<article><time>{when}</time>{visibility}{body}{media}<p class='meta'>{link}</p></article>"
    )


def render_posts(outbox: Any, load_media: MediaLoader, *, title: str) -> str:
    posts = [html for item in _items(outbox) if (html := _post(item, load_media))]
    listing = "".join(posts) if posts else "<p>No posts in this archive.</p>"
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">"
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>"
        f"<h1>{_e(title)}</h1><p class='meta'>{len(posts)} posts, kept from the archive. "
        "No server can import them; this page keeps them readable.</p>"
        f"{listing}</body></html>"
    )


def write_posts_html(path: Path, outbox: Any, load_media: MediaLoader, *, title: str) -> int:
    """Write the page; returns how many posts it shows."""
    page = render_posts(outbox, load_media, title=title)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return page.count("<article>")
