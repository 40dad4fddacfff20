from __future__ import annotations

import io
import subprocess
import sys

import pytest

from fedimove import __version__, cli
from fedimove.cli import main
from fedimove.core.storage.paths import AppPaths
from fedimove.selfcheck import collect, run_self_check


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--version"])
    assert raised.value.code == 0
    assert capsys.readouterr().out.strip() == f"Fedimove {__version__}"


def test_console_entry_point_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "fedimove", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in done.stdout


def test_self_check_passes_here_and_names_everything(app_paths: AppPaths) -> None:
    out = io.StringIO()
    assert run_self_check(out, app_paths) == 0
    text = out.getvalue()
    for name in ("Qt", "keyring", "TLS", "resources", "data dir", "log dir"):
        assert f" {name}:" in text
    assert str(app_paths.data) in text


def test_self_check_fails_on_an_unwritable_data_dir(app_paths: AppPaths) -> None:
    blocker = app_paths.data.parent / "not-a-dir"
    blocker.write_text("a file where a directory should be")
    broken = AppPaths(
        data=blocker / "data", config=app_paths.config, log=app_paths.log, cache=app_paths.cache
    )
    results = {r.name: r for r in collect(broken)}
    assert not results["data dir"].ok
    out = io.StringIO()
    assert run_self_check(out, broken) == 1
    assert "FAIL data dir" in out.getvalue()


def test_missing_keyring_is_a_warning_not_a_failure(app_paths: AppPaths) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    results = {r.name: r for r in collect(app_paths)}
    assert not results["keyring"].ok
    assert not results["keyring"].required


@pytest.mark.parametrize(("argv", "practice"), [([], False), (["--practice"], True)])
def test_the_wizard_opens_without_building_the_sub_commands_parser(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], practice: bool
) -> None:
    """Importing every sub-command costs start-up time the wizard does not need (issue 8)."""
    opened: list[bool] = []

    def no_parser() -> None:
        raise AssertionError("the parser was built")

    def open_wizard(*, practice: bool) -> int:
        opened.append(practice)
        return 0

    monkeypatch.setattr(cli, "build_parser", no_parser)
    monkeypatch.setattr(cli, "_open_wizard", open_wizard)
    assert main(argv) == 0
    assert opened == [practice]


def test_anything_else_still_goes_through_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--practice", "--help"])
    assert raised.value.code == 0
    assert "practice-move" in capsys.readouterr().out
