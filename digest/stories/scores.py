"""How well a grouping matches hand-checked groups: pairwise precision and recall, and B-cubed.

    listed_scores(predicted, listed)        pairs touching the listed groups: precision, recall
    all_pairs_scores(predicted, truth)      every pair of every page: precision, recall
    bcubed_f1(predicted, truth, items)      per-page precision and recall, averaged, as F1

Groups are lists of page ids. A page in no listed group is a story of its own, so a predicted pair
joining it to anything counts against precision. Pages missing from `predicted` (not extracted) are
stories of their own there: the pairs they belong to count as missed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Groups = Sequence[Sequence[str]]


@dataclass(frozen=True, slots=True)
class PairScores:
    precision: float
    recall: float
    predicted: int  # pairs judged: predicted pairs counted in the precision
    gold: int  # gold pairs: counted in the recall


def pairs(groups: Groups) -> set[tuple[str, str]]:
    """Every unordered pair of pages sharing a group, each as (smaller id, larger id)."""
    return {(a, b) if a < b else (b, a) for g in groups for a, b in itertools.combinations(g, 2)}


def listed_scores(predicted: Groups, listed: Groups) -> PairScores:
    """Precision over the predicted pairs that touch a listed page, recall over the listed pairs."""
    on_list = {page for g in listed for page in g}
    gold = pairs(listed)
    judged = {p for p in pairs(predicted) if p[0] in on_list or p[1] in on_list}
    return _scores(judged, gold)


def all_pairs_scores(predicted: Groups, truth: Groups) -> PairScores:
    """Precision over every predicted pair, recall over every true pair."""
    return _scores(pairs(predicted), pairs(truth))


def _scores(predicted: set[tuple[str, str]], gold: set[tuple[str, str]]) -> PairScores:
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(gold) if gold else 1.0
    return PairScores(precision, recall, len(predicted), len(gold))


def bcubed_f1(predicted: Groups, truth: Groups, items: Iterable[str]) -> float:
    """B-cubed F1 over `items`: each page's share of its predicted story that is truly its story
    (precision) and of its true story that was predicted with it (recall), averaged over pages."""
    story_of, gold_of = _members(predicted), _members(truth)
    precisions, recalls = [], []
    for page in items:
        mine, gold = story_of.get(page, {page}), gold_of.get(page, {page})
        both = len(mine & gold)
        precisions.append(both / len(mine))
        recalls.append(both / len(gold))
    if not precisions:
        return 1.0
    p, r = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return 2 * p * r / (p + r) if p + r else 0.0


def _members(groups: Groups) -> dict[str, set[str]]:
    return {page: set(g) for g in groups for page in g}
