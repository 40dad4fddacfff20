"""`LateService`: the wizard's service while the real one is still being opened (start-up).
Calls made before it arrives wait and then reach it; choices made before it are handed over in
order; when it cannot be opened, waiting and later calls raise that error."""

from __future__ import annotations

import asyncio

import pytest

from fedimove.core.errors import StorageError
from fedimove.core.progress import CancelToken, discard_progress
from fedimove.core.service_api import AccountRole
from fedimove.ui.late_service import LateService
from tests.ui.fake_service import FakeMigrationService


class ChoosingService(FakeMigrationService):
    """Also takes the wizard's synchronous choices (`WizardChoices`), and records them."""

    def __init__(self) -> None:
        super().__init__()
        self.choices: list[str] = []
        self.opened: list[str] = []

    def set_move_answers(
        self, *, no_recent_move: bool, accept_uncopied: bool, locked_choice: str = ""
    ) -> None:
        self.choices.append(f"answers {no_recent_move} {accept_uncopied} {locked_choice}")

    def set_move_password(self, password: str) -> None:
        self.choices.append("password")

    def pause_copy(self) -> None:
        self.choices.append("pause")

    def resume_copy(self) -> None:
        self.choices.append("resume")

    async def open(self, url: str) -> None:
        self.opened.append(url)


async def _settle() -> None:
    """Let every task run as far as it can."""
    for _ in range(5):
        await asyncio.sleep(0)


async def test_calls_made_before_the_service_arrives_wait_and_then_reach_it() -> None:
    late = LateService()
    real = ChoosingService()
    assert [late.service] == [None]  # (a list: mypy would keep the narrowing)
    unfinished = asyncio.ensure_future(late.find_unfinished())
    signed_in = asyncio.ensure_future(
        late.sign_in(
            AccountRole.OLD, "@a@old.example", progress=discard_progress, cancel=CancelToken()
        )
    )
    opened = asyncio.ensure_future(late.open("https://old.example/settings"))
    await _settle()
    assert not unfinished.done()
    assert not signed_in.done()
    assert not opened.done()
    assert real.calls == []

    late.arrive(real)
    point = await unfinished
    assert point is not None
    assert point.migration_id == "m1"
    assert (await signed_in).handle == "@a@old.example"
    await opened
    assert real.calls == ["find_unfinished", "sign_in"]
    assert real.opened == ["https://old.example/settings"]
    assert late.service is real
    # Afterwards, straight through.
    await late.preview(progress=discard_progress, cancel=CancelToken())
    assert real.calls[-1] == "preview"


async def test_choices_made_before_the_service_arrives_are_handed_over_in_order() -> None:
    late = LateService()
    late.set_move_answers(no_recent_move=True, accept_uncopied=False, locked_choice="keep")
    late.pause_copy()
    late.resume_copy()
    real = ChoosingService()
    late.arrive(real)
    assert real.choices == ["answers True False keep", "pause", "resume"]
    late.set_move_password("pw")
    assert real.choices[-1] == "password"


async def test_a_service_without_choices_ignores_them() -> None:
    late = LateService()
    late.pause_copy()
    real = FakeMigrationService()
    late.arrive(real)  # nothing to hand the choice to: no error
    late.resume_copy()
    await late.open("https://new.example")
    assert real.calls == []


async def test_when_the_service_cannot_be_opened_waiting_and_later_calls_raise_its_error() -> None:
    late = LateService()
    waiting = asyncio.ensure_future(late.find_unfinished())
    late.pause_copy()  # dropped: there is nothing to hand it to
    await _settle()
    error = StorageError("journal file error")
    late.fail(error)
    with pytest.raises(StorageError) as raised:
        await waiting
    assert raised.value is error
    with pytest.raises(StorageError):
        await late.copy((), progress=discard_progress, cancel=CancelToken())
    assert late.service is None


async def test_the_service_arrives_once() -> None:
    late = LateService()
    real = FakeMigrationService()
    late.arrive(real)
    with pytest.raises(RuntimeError):
        late.arrive(FakeMigrationService())
    late.fail(StorageError("too late"))  # no effect once it has arrived
    assert await late.find_unfinished() is not None
    assert late.service is real
