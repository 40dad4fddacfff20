"""Reading what the user pasted: a bare code, or the whole redirect URL (with its `state`)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from fedimove.core.errors import AuthCodeInvalidError, AuthDeniedError, AuthStateMismatchError
from fedimove.core.oauth.pkce import same_state

_CODE = re.compile(r"^[A-Za-z0-9._~\-]{4,512}$")


def code_from_pasted(text: str, state: str) -> str:
    """The authorization code in `text`. A pasted redirect URL must carry our `state`."""
    cleaned = text.strip()
    if "code=" in cleaned or "error=" in cleaned or "state=" in cleaned:
        query = urlsplit(cleaned).query or cleaned.split("?", 1)[-1]
        values = {key: found[0] for key, found in parse_qs(query).items()}
        if not same_state(state, values.get("state")):
            raise AuthStateMismatchError("pasted redirect with a wrong state")
        if "error" in values:
            raise AuthDeniedError("authorization refused", reason=values["error"][:64])
        cleaned = values.get("code", "")
    if not _CODE.match(cleaned):
        raise AuthCodeInvalidError("this does not look like an authorization code")
    return cleaned
