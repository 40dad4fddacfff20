"""PKCE (RFC 7636, S256 only) and the `state` value that ties a redirect to its request."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

#: RFC 7636 §4.1: 43 to 128 characters from the unreserved set.
_VERIFIER_BYTES = 48  # 64 base64url characters


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def new_verifier() -> str:
    return _b64url(secrets.token_bytes(_VERIFIER_BYTES))


def challenge_for(verifier: str) -> str:
    """The S256 challenge: BASE64URL(SHA256(ASCII(verifier))), no padding."""
    return _b64url(hashlib.sha256(verifier.encode("ascii")).digest())


def new_state() -> str:
    return secrets.token_urlsafe(24)


def same_state(expected: str, received: str | None) -> bool:
    """Constant-time comparison, so the state cannot be guessed byte by byte."""
    return received is not None and hmac.compare_digest(expected.encode(), received.encode())


@dataclass(frozen=True, slots=True)
class AuthorizationSecrets:
    """The per-attempt values: never stored, never logged, gone when sign-in ends."""

    state: str = field(default_factory=new_state, repr=False)
    verifier: str = field(default_factory=new_verifier, repr=False)

    @property
    def challenge(self) -> str:
        return challenge_for(self.verifier)
