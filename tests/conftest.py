"""Shared test set-up: no real user dirs, no OS keyring prompts, no network, Qt offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

# Qt must never try to open a real display in tests (set before any Qt import).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fedimove.core.storage.paths import HOME_ENV, AppPaths
from fedimove.core.storage.secrets import MemoryKeyring, SecretStore


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own FEDIMOVE_HOME, so nothing reaches the real data dirs."""
    home = tmp_path_factory.mktemp("fedimove-home")
    monkeypatch.setenv(HOME_ENV, str(home))
    return home


@pytest.fixture(autouse=True)
def _memory_keyring() -> Iterator[MemoryKeyring]:
    """The process-wide keyring is an in-memory one for every test."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(_memory_keyring: MemoryKeyring) -> MemoryKeyring:
    return _memory_keyring


@pytest.fixture
def app_paths(_isolated_home: Path) -> AppPaths:
    return AppPaths.under(_isolated_home).ensure()


@pytest.fixture
def secrets(memory_keyring: MemoryKeyring) -> SecretStore:
    return SecretStore(memory_keyring)
