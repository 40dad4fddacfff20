"""The browsable local copy of the posts: one self-contained page, media inlined, every remote
text escaped, nothing fetched from anywhere."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime
from pathlib import Path

from fedimove.core.posts_html import html_to_text, render_posts
from fedimove.core.sources.files import read_files, write_posts_page
from tests.core.sources.helpers import CLIP, outbox, write_mastodon_zip

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def test_the_page_shows_every_post_with_its_media_and_runs_nothing(tmp_path: Path) -> None:
    result = read_files([write_mastodon_zip(tmp_path / "archive.zip")], now=NOW)
    page_path = tmp_path / "posts.html"
    assert write_posts_page(result, page_path) == 3
    page = page_path.read_text(encoding="utf-8")
    assert "Hello world &amp; friends" in page
    assert "<script" not in page  # the post's script is gone, not merely escaped
    assert "alert(1)" not in page
    assert base64.b64encode(CLIP).decode("ascii") in page  # the attachment is inside the page
    assert "alt='a &lt;clip&gt;'" in page
    # Nothing loads from elsewhere: no remote src, and a policy that forbids it anyway.
    assert not re.search(r"src=['\"]https?:", page)
    assert "default-src 'none'" in page
    assert "Attachment not included: x.png" in page  # the remote image stays a name
    assert "<details><summary>CW food</summary>" in page
    assert "Boosted: https://other.example/users/zed/statuses/9" in page


def test_hostile_text_and_media_types_cannot_break_out() -> None:
    box = outbox()
    note = box["orderedItems"][0]["object"]
    note["content"] = "<img src=x onerror=alert(1)>&lt;script&gt;boom&lt;/script&gt;"
    note["attachment"] = [{"url": "clip.png", "mediaType": "text/html", "name": "'><b>"}]
    box["orderedItems"][0]["visibility"] = "<i>public</i>"
    page = render_posts(box, lambda name: b"<html>", title="Posts of <anna>")
    assert "&lt;script&gt;boom&lt;/script&gt;" in page
    assert "onerror" not in page
    assert "data:text/html" not in page  # only image/video/audio are inlined
    assert "<title>Posts of &lt;anna&gt;</title>" in page
    assert "&lt;i&gt;public&lt;/i&gt;" in page


def test_html_to_text_keeps_lines_and_drops_markup() -> None:
    assert html_to_text("<p>a<br>b</p><p>c</p>") == "a\nb\n\nc"
    assert html_to_text("plain & simple") == "plain & simple"
    assert html_to_text("<style>p{}</style>x &amp; y") == "x & y"


def test_no_outbox_no_page(tmp_path: Path) -> None:
    result = read_files([write_mastodon_zip(tmp_path / "a.zip")], now=NOW)
    result.outbox = None
    assert write_posts_page(result, tmp_path / "posts.html") == 0
    assert not (tmp_path / "posts.html").exists()
