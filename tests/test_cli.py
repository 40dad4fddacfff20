from __future__ import annotations

import io
import subprocess
import sys

import pytest

from fedimove import __version__
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

    keyring.set_keyring(fail.Keyring())
    results = {r.name: r for r in collect(app_paths)}
    assert not results["keyring"].ok
    assert not results["keyring"].required
