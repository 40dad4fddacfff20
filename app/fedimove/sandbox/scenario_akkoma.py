"""An Akkoma server to add to any scenario (`fedimove sandbox --akkoma`): `akkoma.practice`
with a demo account to move to or from, federating with the rest of the network."""

from __future__ import annotations

from datetime import timedelta

from fedimove.sandbox.federation import install
from fedimove.sandbox.network import PracticeNetwork

AKKOMA = "akkoma.practice"
DEMO_USER = "kim"
DEMO_PASSWORD = "practice-akkoma-kim"  # noqa: S105 - a practice account's published password


def add_akkoma(network: PracticeNetwork) -> str:
    """Add the Akkoma server and its demo account; returns the account's handle."""
    instance = network.add_instance(AKKOMA, "akkoma")
    kim = instance.state.new_account(
        DEMO_USER, instance.name, instance.clock.now() - timedelta(days=30)
    )
    kim.email, kim.password = f"{DEMO_USER}@{AKKOMA}", DEMO_PASSWORD
    kim.display_name = "Kim (Akkoma)"
    handle = f"{DEMO_USER}@{AKKOMA}"
    network.demo_logins = [*network.demo_logins, (handle, DEMO_PASSWORD)]
    passwords = getattr(network.ground_truth, "passwords", None)
    if isinstance(passwords, dict):
        passwords[handle] = DEMO_PASSWORD
    install(network)  # idempotent; federates the new server too
    return handle
