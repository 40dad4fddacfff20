"""Run the registry's probes on the sides they concern and judge each result.

A probe that fails with a coded Fedimove error (server down, throttled, refused) makes its fact
"could not check", with the error's code as the reason: one flaky answer never ends the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fedimove.core.errors import FedimoveError
from fedimove.core.selftest.context import Side
from fedimove.core.selftest.facts import Fact, FactResult, Observation, Outcome, judge
from fedimove.core.selftest.registry import FACTS


async def observe(fact: Fact, side: Side) -> Observation:
    try:
        return await fact.probe(side)
    except FedimoveError as error:
        return Observation.unavailable(f"the probe failed ({error.code})")


async def check_fact(fact: Fact, side: Side) -> FactResult | None:
    """The fact's result on one side; None where it does not apply to that server."""
    expected = fact.expect(side.server)
    if expected is None:
        return None
    observation = await observe(fact, side)
    outcome = judge(expected, observation, one_of=fact.one_of)
    server = side.server
    return FactResult(
        fact_id=fact.id,
        title=fact.title,
        source=fact.source,
        role=side.role,
        host=server.host,
        software=server.software,
        version=server.version,
        outcome=outcome,
        expected=expected,
        observed=observation.value if observation.checked else None,
        note=observation.why_not or observation.detail,
    )


async def check_facts(sides: Sequence[Side], facts: Iterable[Fact] = FACTS) -> list[FactResult]:
    """Every applicable fact on every side it concerns, in registry order."""
    results: list[FactResult] = []
    for fact in facts:
        for side in sides:
            if side.role in fact.roles:
                result = await check_fact(fact, side)
                if result is not None:
                    results.append(result)
    return results


def differed(results: Iterable[FactResult]) -> list[FactResult]:
    return [r for r in results if r.outcome is Outcome.DIFFERED]
