"""All built-in routes of an instance, in one list."""

from __future__ import annotations

from starlette.routing import BaseRoute

from fedimove.sandbox.flavours import Flavour


def all_routes(flavour: Flavour) -> list[BaseRoute]:
    from fedimove.sandbox import oauth, oauth_session
    from fedimove.sandbox.api import (
        accounts,
        activitypub,
        collections,
        exports,
        filters,
        instance_info,
        lists,
        relations,
        search,
        statuses,
    )

    routes: list[BaseRoute] = [
        *oauth.ROUTES,
        *oauth_session.ROUTES,
        *accounts.ROUTES,
        *relations.ROUTES,
        *collections.ROUTES,
        *lists.ROUTES,
        *filters.ROUTES,
        *statuses.ROUTES,
        *search.ROUTES,
        *instance_info.ROUTES,
        *activitypub.ROUTES,
    ]
    if flavour.is_gotosocial:
        routes.extend(exports.ROUTES)
    return routes
