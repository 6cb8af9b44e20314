"""The faster forms of the rule-based components give exactly what spaCy's own give."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from digest.analysis.attribute_rules import RuleIndex
from digest.analysis.nlp import load_pipeline
from digest.config import DEFAULT_MODEL
from digest.ingest.extract import extract_article
from digest.model import RawPage

from .conftest import SAMPLES, SHARED, needs_shared

# Colloquial forms and contractions that the ruler's regex, set and multi-token rules are about
COLLOQUIAL = (
    "I ain't gonna say nothin' about it, y'all know that. She's doin' fine, ain't she? We'd've "
    "gone if we'd "
    "known. \"Don't,\" he said, \"I won't.\" You can't tell 'em what they wanna hear. It is what "
    "it is.\n\n "
    # words no list knows
    "Whether or not the bill passes, the senator, who has served since 2004, said she was 'not "
    "worried'. The zorbles were glimfing across the plains."
)


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(DEFAULT_MODEL)


def token_view(doc: Doc) -> list[tuple[object, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


def assert_same(stock: Language, texts: list[str]) -> None:
    fast = load_pipeline()
    for text in texts:
        assert token_view(fast(text)) == token_view(stock(text))


def test_same_tokens_on_colloquial_text_and_the_samples(stock: Language) -> None:
    samples = [
        extract_article(RawPage(p.name, p.read_bytes())).text
        for p in sorted(SAMPLES.glob("*.html"))
    ]
    assert samples, f"no sample pages in {SAMPLES}"
    assert_same(stock, [COLLOQUIAL, "", "   ", *samples])


@needs_shared
def test_same_tokens_on_real_articles(stock: Language) -> None:
    truth = json.loads((SHARED / "corpus/aeb/ground-truth.json").read_text())
    texts = [
        entry["articleBody"] for entry in list(truth.values())[:40] if entry.get("articleBody")
    ]
    seed = (SHARED / "seeds/kim-putin-vostochny.txt").read_text()
    assert_same(stock, [seed, *texts])


def test_rule_index_finds_what_the_matcher_finds(stock: Language) -> None:
    """Matches themselves, before they are applied: same rules, same tokens, same order."""
    ruler = stock.get_pipe("attribute_ruler")
    index = RuleIndex(ruler)
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        doc = stock(COLLOQUIAL)
    expected = ruler.match(doc)
    assert index.match(doc) == expected
    assert index.match(doc) == expected  # again, from what it remembered
    patterns = [str(ruler.patterns[rule]["patterns"]) for rule, *_ in expected]
    assert any("REGEX" in p for p in patterns) and any(
        "'IN'" in p for p in patterns
    )  # the text tests them
    assert any(
        end - start == 2 for _, _, start, end in expected
    )  # and a rule of two tokens ("gon na")
