"""The question bank and its rotation: pure, no database."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date, timedelta

import pytest

from hearth.core import questions as bank

SEED = "0b0e7a52-2f43-4b55-9d0e-3f6f2d9e6a11"


def test_it_has_at_least_150_questions_with_unique_ids_and_texts() -> None:
    assert len(bank.QUESTIONS) >= 150
    assert len({q.id for q in bank.QUESTIONS}) == len(bank.QUESTIONS)
    assert len({q.text for q in bank.QUESTIONS}) == len(bank.QUESTIONS)
    for q in bank.QUESTIONS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", q.id), q.id
        assert len(q.id) <= 64
        assert q.text.endswith(("?", ".")), q.text


def test_it_balances_the_categories() -> None:
    counts = Counter(q.category for q in bank.QUESTIONS)
    assert set(counts) == set(bank.CATEGORIES)
    assert min(counts.values()) >= 15
    assert max(counts.values()) - min(counts.values()) <= 5


def test_it_keeps_most_questions_for_every_kind_of_space() -> None:
    couples_only = [q for q in bank.QUESTIONS if q.couples_only]
    assert 0 < len(couples_only) < len(bank.QUESTIONS) // 5
    assert len(bank.eligible("family")) >= 130


@pytest.mark.parametrize("kind", ["couple", "family", "friends", "other"])
def test_it_asks_every_question_once_before_any_repeats(kind: str) -> None:
    count = len(bank.eligible(kind))
    first_cycle = [bank.question_for_index(SEED, kind, i).id for i in range(count)]
    assert len(set(first_cycle)) == count
    assert set(first_cycle) == {q.id for q in bank.eligible(kind)}
    second_cycle = [bank.question_for_index(SEED, kind, count + i).id for i in range(count)]
    assert set(second_cycle) == set(first_cycle)
    assert second_cycle != first_cycle  # each cycle is shuffled afresh
    assert second_cycle[0] != first_cycle[-1]  # no same question two days running


def test_it_never_repeats_on_consecutive_days_across_many_cycles() -> None:
    ids = [bank.question_for_index(SEED, "couple", i).id for i in range(len(bank.QUESTIONS) * 6)]
    assert all(a != b for a, b in itertools.pairwise(ids))


def test_it_never_gives_a_couples_question_to_a_family_or_friends_space() -> None:
    couples_only = {q.id for q in bank.QUESTIONS if q.couples_only}
    for kind in ("family", "friends", "other"):
        asked = {bank.question_for_index(SEED, kind, i).id for i in range(400)}
        assert not asked & couples_only


def test_it_gives_couples_their_own_questions_too() -> None:
    couples_only = {q.id for q in bank.QUESTIONS if q.couples_only}
    asked = {bank.question_for_index(SEED, "couple", i).id for i in range(len(bank.QUESTIONS))}
    assert couples_only <= asked


def test_it_is_stable_for_a_given_space_and_day() -> None:
    start = date(2025, 1, 1)
    day = date(2025, 3, 14)
    first = bank.question_for_day(SEED, "couple", start, day)
    assert bank.question_for_day(SEED, "couple", start, day) == first
    assert bank.question_for_index(SEED, "couple", (day - start).days) == first


def test_it_gives_different_spaces_different_orders() -> None:
    other = "7d1f3c2e-95a8-4f0b-8c55-2d6b1f0a9e44"
    mine = [bank.question_for_index(SEED, "couple", i).id for i in range(30)]
    theirs = [bank.question_for_index(other, "couple", i).id for i in range(30)]
    assert mine != theirs
    assert sum(a == b for a, b in zip(mine, theirs, strict=True)) < 5


def test_it_walks_one_question_a_day() -> None:
    start = date(2025, 1, 1)
    days = [bank.question_for_day(SEED, "friends", start, start + timedelta(d)) for d in range(10)]
    assert len({q.id for q in days}) == 10


def test_it_refuses_an_unknown_question_id() -> None:
    with pytest.raises(bank.QuestionError):
        bank.get("not-a-question")
    assert bank.get("first-date").couples_only
    assert bank.get("first-date").category_label == "Memories"
