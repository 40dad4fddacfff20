"""Discovery documents written by hand from the servers' documentation (fediverse-apis §7)."""

from __future__ import annotations

from typing import Any

NODEINFO_INDEX: dict[str, Any] = {
    "links": [
        {
            "rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
            "href": "https://old.example/nodeinfo/2.0",
        }
    ]
}


def nodeinfo(name: str, version: str) -> dict[str, Any]:
    return {
        "version": "2.0",
        "software": {"name": name, "version": version},
        "protocols": ["activitypub"],
        "services": {"outbound": [], "inbound": []},
        "usage": {"users": {"total": 1}, "localPosts": 0},
        "openRegistrations": False,
        "metadata": {},
    }


MASTODON_46_INSTANCE: dict[str, Any] = {
    "domain": "old.example",
    "title": "Old Example",
    "version": "4.6.0",
    "api_versions": {"mastodon": 8},
    "configuration": {
        "accounts": {
            "max_featured_tags": 10,
            "max_pinned_statuses": 5,
            "max_profile_fields": 6,
            "profile_field_name_limit": 100,
            "profile_field_value_limit": 2000,
            "max_display_name_length": 60,
            "max_note_length": 1000,
        }
    },
}

MASTODON_42_INSTANCE: dict[str, Any] = {
    "domain": "legacy.example",
    "title": "Legacy",
    "version": "4.2.10",
    "configuration": {"accounts": {"max_featured_tags": 10}},
}

MASTODON_OAUTH_METADATA: dict[str, Any] = {
    "issuer": "https://old.example/",
    "authorization_endpoint": "https://old.example/oauth/authorize",
    "token_endpoint": "https://old.example/oauth/token",
    "revocation_endpoint": "https://old.example/oauth/revoke",
    "userinfo_endpoint": "https://old.example/oauth/userinfo",
    "scopes_supported": ["read", "write", "profile"],
    "response_types_supported": ["code"],
    "code_challenge_methods_supported": ["S256"],
    "grant_types_supported": ["authorization_code", "client_credentials"],
}

GTS_INSTANCE: dict[str, Any] = {
    "domain": "gts.example",
    "title": "GTS",
    "version": "3.5.3+0.20.0",
    "configuration": {"accounts": {"max_featured_tags": 10, "max_profile_fields": 8}},
}

AKKOMA_INSTANCE: dict[str, Any] = {
    "uri": "https://ak.example",
    "title": "Akkoma",
    "version": "2.7.2 (compatible; Akkoma 3.10.0)",
}
