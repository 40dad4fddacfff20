"""Actor documents under the authorized-fetch knob.

With `AUTHORIZED_FETCH`, Mastodon answers an unsigned actor request with only `id, type,
preferred_username, inbox, public_key, endpoints` [fediverse-apis.md §7.3; M:
app/controllers/accounts_controller.rb `restrict_fields_to`], so `alsoKnownAs` and `movedTo`
cannot be read from outside; other servers (signed fetches) still see everything. Without the
knob these routes answer exactly as the built-in ones.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fedimove.sandbox.api import activitypub
from fedimove.sandbox.federation import node_of
from fedimove.sandbox.instance import Instance

RESTRICTED_FIELDS = (
    "@context",
    "id",
    "type",
    "preferredUsername",
    "inbox",
    "publicKey",
    "endpoints",
)


def _restricted(request: Request) -> Response | None:
    instance: Instance = request.app.state.instance
    if not node_of(instance).knobs.authorized_fetch or "signature" in request.headers:
        return None
    if not activitypub.wants_activitypub(request):
        return None
    account = instance.state.find(str(request.path_params["username"]), instance.name)
    if account is None:
        return None
    full = activitypub.actor_json(instance, account)
    body = {key: full[key] for key in RESTRICTED_FIELDS if key in full}
    return Response(json.dumps(body), media_type=activitypub.AP_TYPE)


async def actor(request: Request) -> Response:
    return _restricted(request) or await activitypub.actor(request)


async def profile_page(request: Request) -> Response:
    return _restricted(request) or await activitypub.profile_page(request)


ROUTES = [
    Route("/users/{username}", actor, methods=["GET"]),
    Route("/@{username}", profile_page, methods=["GET"]),
]
