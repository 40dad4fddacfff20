"""The practice Fediverse: Mastodon-, GoToSocial- and Akkoma-faithful servers in one process.

It is the client's examiner, so it imports nothing of the client's logic (only
`fedimove.core.errors` and `fedimove.core.clock`) and nothing of Qt.

Public API::

    net = PracticeNetwork.from_scenario("small", clock=clock, seed=1)   # network.py
    # scenarios: "small" (demo), "large" (benchmarks), "move-back" (return to a left
    # account); secure=True puts every instance in authorized-fetch mode;
    # scenario_akkoma.add_akkoma(net) adds an Akkoma server with a demo account
    net.transport, net.instance(name), net.origin(name), net.hosts, net.demo_logins,
    net.ground_truth                                                      # scenarios.GroundTruth
    async with net.serve_http() as served: served.origin(name)            # loopback ports
    await complete_authorization(client, url, user, password)            # testing.py
    with serve_in_thread(net) as served: ...                              # for sync clients

Where things live: `state.py` (data model and indexes), `instance.py` (one server: flavour,
origin, knobs, OAuth store, limiter, Starlette app, `add_routes`, `inbox_handlers`,
`federation`), `flavours.py`, `oauth*.py`, `api/` (REST, one module per area; `api/pleroma.py`
is Akkoma's alias/move/import API), `akkoma_move.py` (Akkoma's Move), `limits.py`,
`render.py` (entity shapes), `resolve.py` (WebFinger + actor fetch), `scenarios.py`
(with `scenario_parts.py`, `scenario_failures.py`, `scenario_move_back.py`).
"""
