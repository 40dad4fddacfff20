"""The installers' icons are rendered from the one SVG, in every size and format they need."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.packaging.test_bundle_rules import PACKAGING, load


def test_icons_for_every_platform(tmp_path: Path, qapp: object) -> None:
    render_icons = load(PACKAGING / "render_icons.py")
    written = render_icons.render_all(tmp_path)
    for size in (16, 48, 256, 512):
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "app.fedimove.Fedimove.png"
        assert png in written
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not blank
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "app.fedimove.Fedimove.svg").is_file()
    assert QImage(str(tmp_path / "fedimove.ico")).width() == 256
    assert (tmp_path / "fedimove.icns").read_bytes()[:4] == b"icns"


def test_usage_without_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    render_icons = load(PACKAGING / "render_icons.py")
    assert render_icons.main([]) == 2
    assert "render_icons.py" in capsys.readouterr().err
