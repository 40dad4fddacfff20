"""All built-in routes of an instance, in one list, and the routes that need federation
(mounted by `federation.install`)."""

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


def federated_routes(flavour: Flavour) -> list[BaseRoute]:
    """Alias, Move and import routes, where the flavour keeps them [fediverse-apis.md §3, §6]."""
    from fedimove.sandbox import (
        federation_actor,
        gts_move,
        settings_imports,
        settings_migration,
        settings_pages,
    )
    from fedimove.sandbox.api import pleroma

    by_api: dict[str, list[BaseRoute]] = {
        "settings_pages": [
            *settings_pages.ROUTES,
            *settings_migration.ROUTES,
            *settings_imports.ROUTES,
        ],
        "gotosocial": list(gts_move.ROUTES),
        "pleroma": list(pleroma.ROUTES),
    }
    return [*federation_actor.ROUTES, *by_api[flavour.migration_api]]
