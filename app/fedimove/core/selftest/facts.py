"""What a fact is, what a probe saw, and how the two make a result.

A fact names what Fedimove relies on (`ratelimit.reset_iso8601`), where that knowledge comes from
(a section of fediverse-apis.md or an adapter's `Capabilities` field), and the value the
reference gives for the server at hand. A probe measures what the server actually does. The
result is *held*, *differed* (with the observed value) or *could not check* (with why).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from fedimove.core.servers.base import ServerInfo

if TYPE_CHECKING:
    from fedimove.core.selftest.context import Side


class Outcome(StrEnum):
    HELD = "held"
    DIFFERED = "differed"
    NOT_CHECKED = "could_not_check"


class Role(StrEnum):
    """Which account a fact is measured with."""

    OLD = "old"
    NEW = "new"


@dataclass(frozen=True, slots=True)
class Observation:
    """What a probe saw: a value, or why it could not look."""

    value: Any = None
    why_not: str = ""  # non-empty: the fact could not be checked
    detail: str = ""  # extra words for the report (never a secret, never a raw body)

    @classmethod
    def unavailable(cls, why: str) -> Observation:
        return cls(why_not=why)

    @property
    def checked(self) -> bool:
        return not self.why_not


#: The reference's value for a server; None when the fact does not apply to that server.
Expectation = Callable[[ServerInfo], Any]
Probe = Callable[["Side"], Awaitable[Observation]]


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    title: str
    source: str
    expect: Expectation
    probe: Probe
    roles: tuple[Role, ...] = (Role.OLD,)
    #: The expectation is a collection of acceptable values (e.g. every declared budget).
    one_of: bool = False


@dataclass(frozen=True, slots=True)
class FactResult:
    fact_id: str
    title: str
    source: str
    role: Role
    host: str
    software: str
    version: str
    outcome: Outcome
    expected: Any
    observed: Any
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "fact": self.fact_id,
            "title": self.title,
            "source": self.source,
            "account": self.role.value,
            "host": self.host,
            "software": self.software,
            "version": self.version,
            "outcome": self.outcome.value,
            "expected": _plain(self.expected),
            "observed": _plain(self.observed),
            "note": self.note,
        }


def judge(expected: Any, observation: Observation, *, one_of: bool) -> Outcome:
    if not observation.checked:
        return Outcome.NOT_CHECKED
    if one_of and isinstance(expected, Collection) and not isinstance(expected, str):
        return Outcome.HELD if observation.value in expected else Outcome.DIFFERED
    return Outcome.HELD if _plain(observation.value) == _plain(expected) else Outcome.DIFFERED


def _plain(value: Any) -> Any:
    """JSON-friendly and comparable: tuples and sets become sorted lists."""
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, StrEnum):
        return value.value
    return value
