from __future__ import annotations

import inspect

import fedimove.core.errors as errors


def _error_classes() -> list[type[errors.FedimoveError]]:
    return [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.FedimoveError)
    ]


def test_every_error_has_its_own_stable_code() -> None:
    classes = _error_classes()
    codes = [cls.code for cls in classes]
    assert len(codes) == len(set(codes)), "two error classes share a code"
    for code in codes:
        assert code == code.lower()
        assert "." in code or code == "internal"


def test_params_are_kept_and_message_defaults_to_code() -> None:
    error = errors.ServerBusyError(status=503, host="old.example")
    assert error.params == {"status": 503, "host": "old.example"}
    assert error.message == "server.error" or error.message == "server.busy"
    assert error.retryable
    assert not errors.TlsError().retryable
