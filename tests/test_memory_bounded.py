"""What a worker keeps stays bounded however much new text it reads: spaCy's vocabulary and string
store, the lemmatizer's cache and the attribute_ruler index's. The pages are invented words in
the shape of news sentences (never corpus text), analysed by the function the pool runs."""

from __future__ import annotations

import dataclasses
import random

import pytest

from digest import runner
from digest.analysis import nlp as nlp_module
from digest.analysis_json import briefing_json
from digest.config import Config
from digest.model import Briefing, RawPage

ANY_LANGUAGE = dataclasses.replace(
    Config(), analysis=dataclasses.replace(Config().analysis, languages=())
)  # invented words read as any language
CONSONANTS, VOWELS = "bcdfghjklmnpqrstvwxz", "aeiouy"


def _word(rng: random.Random, capital: bool = False) -> str:
    word = "".join(rng.choice(VOWELS if k % 2 else CONSONANTS) for k in range(rng.randint(6, 10)))
    return word.capitalize() if capital else word


def invented_page(seed: int) -> RawPage:
    """A text page of eight paragraphs, each a report with a quote, nearly every content word and
    name invented (about 120 words a page no other seed draws)."""
    rng = random.Random(seed)
    w = lambda: _word(rng)  # noqa: E731
    name = lambda: f"{_word(rng, True)} {_word(rng, True)}"  # noqa: E731
    lines = [f"{_word(rng, True)} {w()}s the {w()} of {_word(rng, True)}"]
    for _ in range(8):
        speaker, place = name(), _word(rng, True)
        lines.append(
            f"{speaker} {w()}ed the {w()} {w()} in {place} on Tuesday, after the {w()} of "
            f'{_word(rng, True)} had {w()}ed. "We will {w()} the {w()} this week," {speaker} said. '
            f"The {w()} {w()}s {rng.randint(2, 90)} {w()}s of {place}."
        )
    return RawPage(f"invented-{seed}.txt", "\n".join(lines).encode(), kind="text")


def _analyse(seeds: range) -> list[Briefing]:
    results = runner.analyze_bounded(
        [invented_page(s) for s in seeds], ANY_LANGUAGE, runner.briefing_of
    )
    assert all(isinstance(r, Briefing) for r in results), results
    return results  # type: ignore[return-value]


def test_new_words_stop_growing_the_vocabulary_and_the_caches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = nlp_module.cache_sizes()
    monkeypatch.setattr(nlp_module, "PERMANENT_WORDS", before["vocab"] + 1_000)
    monkeypatch.setattr(nlp_module, "CACHE_LIMIT", 1_500)
    sizes = []
    for batch in range(40):  # 160 pages, ~19,000 invented words: many times each bound
        _analyse(range(1000 + 4 * batch, 1004 + 4 * batch))
        sizes.append(nlp_module.cache_sizes())
    kept = [s for s in sizes if s["vocab"] > before["vocab"] + 1_000]  # past the warm-up
    assert len(kept) >= 30, sizes[:5]  # the bound is reached within a few batches
    lexemes, strings = kept[0]["vocab"], kept[0]["strings"]
    for s in kept:  # a morphology or label string may still be added for good, not a word
        assert lexemes <= s["vocab"] <= lexemes + 20 and strings <= s["strings"] <= strings + 20
        assert s["lemmatizer_cache"] <= 1_500 and s["rule_words"] <= 1_500
    assert sizes[-1]["vocab"] < before["vocab"] + 2_000  # one batch adds ~500 past the bound


def test_a_page_briefed_in_a_memory_zone_is_briefed_as_without(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The words a zone adds are dropped when it ends; the briefings it made, read afterwards,
    equal those of the same pages parsed with their words kept (the words then new each time)."""
    seeds = range(5000, 5004)
    lexemes = nlp_module.cache_sizes()["vocab"]
    monkeypatch.setattr(nlp_module, "PERMANENT_WORDS", 0)  # every task in a zone
    zoned = [briefing_json(b) for b in _analyse(seeds)]
    assert nlp_module.cache_sizes()["vocab"] <= lexemes + 20  # the pages' words were dropped
    monkeypatch.setattr(nlp_module, "PERMANENT_WORDS", 10**9)  # no zone: the words are kept
    kept = [briefing_json(b) for b in _analyse(seeds)]
    assert nlp_module.cache_sizes()["vocab"] > lexemes + 300
    assert zoned == kept
    assert any(b["quotes"] and b["actors"] for b in kept)  # real briefings, not empty ones
