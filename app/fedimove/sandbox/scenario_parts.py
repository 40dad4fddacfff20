"""Building blocks for scenarios: people, posts and relations written directly into both
sides' state, exactly as federation would have left them."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from fedimove.sandbox.index import Rows
from fedimove.sandbox.instance import Instance
from fedimove.sandbox.state import (
    Account,
    AccountList,
    Block,
    DomainBlock,
    FeaturedTag,
    Filter,
    FilterKeyword,
    Follow,
    ListMember,
    Mark,
    Media,
    Mute,
    Status,
    TagFollow,
)

if TYPE_CHECKING:
    from fedimove.sandbox.network import PracticeNetwork
    from fedimove.sandbox.scenarios import GroundTruth, ScenarioSpec

_NAMES = (
    "ada",
    "bo",
    "cai",
    "dee",
    "eli",
    "fay",
    "gus",
    "hal",
    "ivy",
    "jo",
    "kit",
    "lou",
    "mae",
    "ned",
    "ona",
    "pip",
    "quin",
    "rae",
    "sol",
    "tam",
    "uma",
    "vic",
    "wren",
    "xan",
    "yara",
    "zed",
)
_POSTS = (
    "Morning walk done.",
    "New recipe: lentil soup.",
    "Reading a good book.",
    "Rain again.",
    "Look at this heron!",
    "Coffee first.",
    "Release day!",
)


class Builder:
    def __init__(self, network: PracticeNetwork, rng: random.Random) -> None:
        self.network = network
        self.rng = rng

    def local(self, instance: Instance, username: str, created: datetime) -> Account:
        account = instance.state.new_account(username, instance.name, created)
        account.email = f"{username}@{instance.name}"
        return account

    def media(self, instance: Instance, data: bytes) -> Media:
        media = Media(instance.state.ids.next(), "image/png", data)
        instance.state.media[media.id] = media
        return media

    def post(self, instance: Instance, author: Account, text: str, when: datetime) -> Status:
        status = Status(instance.state.ids.next(), author.id, when, text)
        return instance.state.add_status(status, instance.name)

    def copy_status(self, instance: Instance, status: Status, home: Instance) -> Status:
        author = home.state.accounts[status.owner]
        copy_author = instance.ensure_account(home.name, author.username)
        copy = Status(
            instance.state.ids.next(),
            copy_author.id,
            status.created_at,
            status.content,
            home_id=status.id,
        )
        return instance.state.add_status(copy, home.name)

    def population(self, instances: list[Instance], count: int) -> list[tuple[Instance, Account]]:
        now = instances[0].clock.now()
        people = []
        for index in range(count):
            home = instances[index % len(instances)]
            name = f"{_NAMES[index % len(_NAMES)]}{index}"
            person = self.local(home, name, now - timedelta(days=self.rng.randint(40, 3000)))
            person.display_name = name.capitalize()
            person.locked = self.rng.random() < 0.05
            people.append((home, person))
        return people

    def connect(
        self, follower: tuple[Instance, Account], target: tuple[Instance, Account], **flags: object
    ) -> None:
        """One accepted follow, written on the follower's and the target's instance."""
        (f_inst, f_acc), (t_inst, t_acc) = follower, target
        for inst in {f_inst.name: f_inst, t_inst.name: t_inst}.values():
            owner = inst.ensure_account(f_inst.name, f_acc.username)
            other = inst.ensure_account(t_inst.name, t_acc.username)
            inst.state.follows.add(Follow(inst.state.ids.next(), owner.id, other.id, **flags))  # type: ignore[arg-type]

    def follows_and_followers(
        self,
        old: Instance,
        anna: Account,
        people: list[tuple[Instance, Account]],
        spec: ScenarioSpec,
        truth: GroundTruth,
    ) -> None:
        mutuals = spec.follows // 5
        pool = people[: spec.follows + spec.followers - mutuals]
        follows = pool[: spec.follows]
        followers = pool[spec.follows :] + self.rng.sample(follows, k=mutuals)
        for home, person in follows:
            flags: dict[str, object] = {
                "show_reblogs": self.rng.random() > 0.1,
                "notify": self.rng.random() < 0.1,
                "languages": ["en", "de"] if self.rng.random() < 0.1 else None,
            }
            self.connect((old, anna), (home, person), **flags)
            truth.following[f"{person.username}@{home.name}"] = flags
        for home, person in followers:
            self.connect((home, person), (old, anna))
            truth.followers.add(f"{person.username}@{home.name}")
            truth.followers_by_instance[home.name] = (
                truth.followers_by_instance.get(home.name, 0) + 1
            )

    def collections(
        self,
        old: Instance,
        anna: Account,
        people: list[tuple[Instance, Account]],
        spec: ScenarioSpec,
        truth: GroundTruth,
    ) -> None:
        state, rng = old.state, self.rng
        follows = people[: spec.follows]
        strangers = people[spec.follows + spec.followers :]
        copy = {
            (home.name, p.username): old.ensure_account(home.name, p.username)
            for home, p in follows
        }
        for index, title in enumerate(("Birds", "Bakers", "Close friends")[: spec.lists]):
            lst = AccountList(
                state.ids.next(),
                anna.id,
                title,
                ("list", "followed", "none")[index],
                exclusive=index == 2,
            )
            state.lists[lst.id] = lst
            state.lists_of.setdefault(anna.id, {})[lst.id] = lst
            members = rng.sample(follows, k=min(len(follows), 6 + index * 2))
            for home, person in members:
                lst.members.add(
                    ListMember(state.ids.next(), lst.id, copy[(home.name, person.username)].id)
                )
            truth.lists[title] = [f"{p.username}@{h.name}" for h, p in members]
        self._marks(old, anna, follows, spec.bookmarks, truth)
        self._moderation(old, anna, strangers, truth)
        self._tags_filters_notes(old, anna, follows, copy, truth)

    def _marks(
        self,
        old: Instance,
        anna: Account,
        follows: list[tuple[Instance, Account]],
        count: int,
        truth: GroundTruth,
    ) -> None:
        state, now = old.state, old.clock.now()
        for index in range(count + 5):
            home, author = follows[index % len(follows)]
            when = now - timedelta(hours=index + 1)
            original = self.post(home, author, _POSTS[index % len(_POSTS)], when)
            local = self.copy_status(old, original, home) if home is not old else original
            uri = old.status_uri(local)
            if index < count:
                state.bookmarks.add(Mark(state.ids.next(), anna.id, local.id))
                truth.bookmarks.append(uri)
            else:
                state.favourites.add(Mark(state.ids.next(), anna.id, local.id))
                truth.favourites.append(uri)

    def _moderation(
        self,
        old: Instance,
        anna: Account,
        strangers: list[tuple[Instance, Account]],
        truth: GroundTruth,
    ) -> None:
        state, now = old.state, old.clock.now()
        for home, person in strangers[:3]:
            target = old.ensure_account(home.name, person.username)
            state.blocks.add(Block(state.ids.next(), anna.id, target.id))
            truth.blocks.append(f"{person.username}@{home.name}")
        for index, (home, person) in enumerate(strangers[3:6]):
            target = old.ensure_account(home.name, person.username)
            expires = now + timedelta(days=7) if index == 0 else None
            hide = index != 1
            state.mutes.add(Mute(state.ids.next(), anna.id, target.id, hide, expires))
            truth.mutes[f"{person.username}@{home.name}"] = {
                "notifications": hide,
                "expires": expires,
            }
        rows = state.domain_blocks.setdefault(anna.id, Rows())
        for domain in ("spam.example", "rude.example"):
            row = DomainBlock(state.ids.next(), anna.id, domain)
            rows.add(row.id, row)
            state.domain_block_names.setdefault(anna.id, {})[domain] = row.id
            truth.domain_blocks.append(domain)

    def _tags_filters_notes(
        self,
        old: Instance,
        anna: Account,
        follows: list[tuple[Instance, Account]],
        copy: dict[tuple[str, str], Account],
        truth: GroundTruth,
    ) -> None:
        state, now = old.state, old.clock.now()
        rows = state.followed_tags.setdefault(anna.id, Rows())
        for tag in ("birds", "baking", "poetry", "fediverse"):
            row = TagFollow(state.ids.next(), anna.id, tag)
            rows.add(row.id, row)
            state.followed_tag_names.setdefault(anna.id, {})[tag] = row.id
            truth.followed_tags.append(tag)
        for tag in ("birds", "baking"):
            featured = FeaturedTag(state.ids.next(), anna.id, tag, now)
            state.featured_tags.setdefault(anna.id, {})[featured.id] = featured
            truth.featured_tags.append(tag)
        for home, person in follows[:2]:
            state.endorsements.add(
                Mark(state.ids.next(), anna.id, copy[(home.name, person.username)].id)
            )
            truth.endorsements.append(f"{person.username}@{home.name}")
        for home, person in follows[2:4]:
            state.notes[(anna.id, copy[(home.name, person.username)].id)] = (
                f"Met {person.username} at the market"
            )
            truth.notes[f"{person.username}@{home.name}"] = f"Met {person.username} at the market"
        for title, context, action, words in (
            ("Spoilers", ["home", "public"], "warn", ["spoiler", "finale"]),
            ("Politics", ["home"], "hide", ["election"]),
        ):
            flt = Filter(
                state.ids.next(),
                anna.id,
                title,
                context,
                action,
                keywords=[FilterKeyword(state.ids.next(), w) for w in words],
            )
            state.filters.setdefault(anna.id, {})[flt.id] = flt
            truth.filters[title] = words
