"""Journal prompts: pure, no database."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

import pytest

from hearth.core import prompts


def test_it_has_at_least_60_prompts_in_every_theme() -> None:
    assert len(prompts.PROMPTS) >= 60
    counts = Counter(p.category for p in prompts.PROMPTS)
    assert set(counts) == set(prompts.CATEGORIES)
    assert min(counts.values()) >= 10


def test_it_gives_every_prompt_a_unique_stable_id() -> None:
    ids = [p.id for p in prompts.PROMPTS]
    assert len(set(ids)) == len(ids)
    assert len({p.text for p in prompts.PROMPTS}) == len(ids)
    for pid in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", pid)
    assert prompts.get("boundary-kept").category == prompts.BOUNDARIES


def test_it_suggests_the_same_prompt_all_day() -> None:
    day = date(2025, 6, 1)
    assert prompts.suggest(day, "7") == prompts.suggest(day, "7")


def test_it_varies_the_prompt_from_day_to_day() -> None:
    size = len(prompts.PROMPTS)
    start = date.fromordinal(date(2025, 6, 1).toordinal() // size * size + size)  # a cycle starts
    run = [prompts.suggest(start + timedelta(d), "7").id for d in range(size)]
    assert len(set(run)) == len(prompts.PROMPTS)  # nothing comes back within a cycle
    themes = {prompts.get(pid).category for pid in run[:10]}
    assert len(themes) >= 3


def test_it_offers_another_prompt() -> None:
    day = date(2025, 6, 1)
    offered = {prompts.suggest(day, "7", offset=n).id for n in range(5)}
    assert len(offered) == 5


def test_it_suggests_differently_for_different_people() -> None:
    start = date(2025, 6, 1)
    one = [prompts.suggest(start + timedelta(d), "7").id for d in range(10)]
    two = [prompts.suggest(start + timedelta(d), "8").id for d in range(10)]
    assert one != two


def test_it_refuses_an_unknown_prompt() -> None:
    with pytest.raises(prompts.PromptError):
        prompts.get("nope")
