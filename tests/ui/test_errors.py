"""Every error code has words and an action; unknown codes fall back safely."""

from __future__ import annotations

import inspect

import pytest

from fedimove.core import errors
from fedimove.ui.errors import ErrorAction, describe_error, mapped_codes


def all_error_classes() -> list[type[errors.FedimoveError]]:
    return [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.FedimoveError)
    ]


def test_every_code_in_errors_py_has_a_mapping() -> None:
    codes = {cls.code for cls in all_error_classes()}
    missing = sorted(codes - mapped_codes())
    assert missing == [], f"add these codes to fedimove/ui/errors.py: {missing}"


@pytest.mark.parametrize("cls", all_error_classes(), ids=lambda cls: cls.code)
def test_each_error_reads_as_words(qapp: object, cls: type[errors.FedimoveError]) -> None:
    text = describe_error(cls.__new__(cls))
    assert text.title
    assert text.message
    assert text.action_label
    assert text.code == cls.code
    assert "_" not in text.title  # words, not a code


def test_a_new_subclass_falls_back_to_its_parent(qapp: object) -> None:
    class FutureTimeout(errors.NetworkTimeoutError):
        code = "network.timeout.future"

    text = describe_error(FutureTimeout("x"))
    assert text.code == "network.timeout.future"
    assert text.title == describe_error("network.timeout").title
    assert text.action is ErrorAction.RETRY


def test_words_never_include_parameters(qapp: object) -> None:
    error = errors.ServerError("raw body <script>", status=500, body="secret-ish")
    text = describe_error(error)
    assert "secret-ish" not in text.message
    assert "<script>" not in text.message
