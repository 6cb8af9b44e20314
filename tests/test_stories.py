"""Stories: canonical URLs, fingerprints, duplicate and same-event grouping (real spaCy,
find_actors), and grouping scored on the corpus's hand-checked groups."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from digest.analysis.actors.find import find_actors, lead_actor
from digest.analysis.brief import brief_articles
from digest.analysis.fingerprint import Fingerprint, fingerprint
from digest.analysis.nlp import parse
from digest.analysis.page import fingerprint_of
from digest.config import AnalysisOptions, Config
from digest.evaluate_stories import (
    SETS,
    Row,
    corpus_fingerprints,
    format_rows,
    load_groups,
    predicted_groups,
    score,
    set_paths,
)
from digest.ingest.identity import canonical_url
from digest.model import Article, RawPage
from digest.stories.grouping import (
    cosine,
    different_leads,
    group_fingerprints,
    idf_table,
    is_duplicate,
    same_event,
    why_grouped,
)
from digest.stories.scores import all_pairs_scores, bcubed_f1, listed_scores

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus"

RECALL_A = """\
Northwind Motors said on Tuesday it is recalling 41,000 Breeze electric scooters sold in the \
United \
States because their lithium batteries can overheat and catch fire while charging.

The Consumer Product Safety Commission said it had received 212 reports of batteries swelling or \
smoking, including nine fires that damaged garages in Oregon and Washington. No injuries were \
reported.

Dana Whitfield, the chief executive of Northwind Motors, said owners should stop charging the \
scooters at once and ask any dealer for a free replacement battery pack. "Nothing matters more to \
us \
than the safety of our riders," Whitfield said.

The faulty battery cells were made by Kestrel Cells, a supplier in Tacoma, between March and July. \
Northwind shares fell 6 percent in afternoon trading in New York."""

RECALL_B = """\
Scooter maker Northwind Motors is pulling about 41,000 of its Breeze electric scooters off the \
road \
after reports that the batteries overheat, swell and burst into flames during charging, federal \
regulators said.

According to the Consumer Product Safety Commission, owners filed 212 complaints about smoking or \
swollen batteries, and nine of the incidents ended in garage fires in Oregon and Washington state.

Chief executive Dana Whitfield told customers to unplug the scooters immediately and to visit a \
dealer for a free replacement battery. Whitfield said the company traced the problem to battery \
cells from its supplier Kestrel Cells, which produced the defective lots between March and July.

The recall covers Breeze scooters sold since last spring. Shares of Northwind fell 6 percent."""

FACTORY = """\
Northwind Motors will build a $900 million factory in Lorain, Ohio, to assemble delivery vans, the \
company announced on Thursday, promising 1,800 jobs by the end of the decade.

Governor Ellen Marsh said the state offered $120 million in tax credits to win the plant, which \
beat \
sites in Michigan and Indiana. Construction begins next spring on the former steel mill site along \
Lake Erie.

Dana Whitfield, the chief executive of Northwind Motors, said the vans would be sold to parcel \
carriers and city fleets. "Lorain has the workers and the port we need," Whitfield said at a \
ceremony with union leaders.

The United Auto Workers welcomed the decision and said it expected to represent the plant's \
workers."""

PANDA = """\
A giant panda at the Madrid Zoo gave birth to twin cubs on Sunday, the first panda twins born in \
Spain in more than a decade, keepers said.

The mother, Hua Zui Ba, delivered the cubs overnight after a pregnancy that veterinarians had \
confirmed only last week by ultrasound. Both cubs are pink, hairless and about the size of a stick \
of butter.

Zoo director Carmen Lozano said the cubs were feeding well and that visitors would not see them \
until spring. China lends its pandas to foreign zoos under agreements that send cubs back to \
Sichuan \
when they turn four."""


HEARING_TUESDAY = """\
Marta Lindqvist, the former envoy to Veldoria, testified before the Senate Oversight Committee on \
Tuesday about the frozen aid package at the center of the Ostrava inquiry. Lindqvist said she \
never \
heard the president link the aid to an investigation of the Harlan shipping contracts.

Lindqvist told senators that the aid freeze alarmed diplomats in the Veldorian capital. "We were \
told nothing," Lindqvist said. Committee chairman Owen Pryce asked Lindqvist about the July call \
between the president and the Veldorian prime minister.

Republicans on the committee said the inquiry had found no evidence of wrongdoing. Lindqvist \
answered questions for six hours. Lindqvist said the envoys had worked to release the aid."""

HEARING_WEDNESDAY = """\
Ambassador Tomas Brandt is the most awaited witness of the Ostrava inquiry when he faces the \
Senate \
Oversight Committee on Wednesday about the frozen aid package for Veldoria. Brandt has already \
changed his account of the July call between the president and the Veldorian prime minister once.

Brandt, a hotel owner named ambassador last year, is more entangled than any witness in the effort \
to get Veldoria to investigate the Harlan shipping contracts. Brandt met the Veldorian prime \
minister \
twice. Committee chairman Owen Pryce said Brandt would be asked about the aid freeze.

Brandt's lawyer said Brandt would answer every question. Earlier witnesses told senators the aid \
freeze alarmed diplomats."""


def _article(source: str, text: str, url: str, day: int, title: str = "") -> Article:
    title = title or text.split(".")[0][:80]
    return Article(source=source, title=title, text=text, url=url, published=dt.date(2031, 5, day))


def _fp(article: Article) -> Fingerprint:
    doc = parse(article.text)
    actors = find_actors(doc)
    return fingerprint(article, actors, lead_actor(doc, actors))


@pytest.fixture(scope="module")
def batch() -> list[Fingerprint]:
    articles = [
        _article(
            "a",
            RECALL_A,
            "https://www.dailywire-example.com/news/northwind-recall/?utm_source=x",
            6,
        ),
        _article(
            "b", RECALL_B, "https://business-times.example.org/2031/05/07/northwind-scooters", 7
        ),
        _article("c", FACTORY, "https://www.dailywire-example.com/news/northwind-ohio-plant", 8),
        _article("d", PANDA, "https://zoo-news.example.net/pandas/twins", 6),
        _article(
            "e",
            RECALL_A + "\n\nThis story was first published by Daily Wire.",
            "https://syndicate.example.com/wire/88231",
            6,
        ),
    ]
    return [_fp(a) for a in articles]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.Example.com/a/b/?utm_source=tw&utm_medium=social", "https://example.com/a/b"),
        ("http://example.com:80/story?id=7&fbclid=abc#comments", "https://example.com/story?id=7"),
        ("https://m.example.com/story/amp/", "https://example.com/story"),
        ("https://amp.example.com/story?amp=1&gclid=1&ref=home", "https://example.com/story"),
        ("https://mobile.example.com:8080/x/", "https://example.com:8080/x"),
        ("https://example.com/b?z=2&a=1&mc_cid=9", "https://example.com/b?a=1&z=2"),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_same_article_under_two_urls_compares_equal() -> None:
    assert canonical_url("https://www.site.com/x/?utm_campaign=a") == canonical_url(
        "http://m.site.com/x#top"
    )


def test_syndicated_copy_is_duplicate(batch: list[Fingerprint]) -> None:
    assert is_duplicate(batch[0], batch[4])
    assert why_grouped(batch[0], batch[4]).startswith("duplicate")
    assert not is_duplicate(batch[0], batch[1])


def test_same_url_is_duplicate(batch: list[Fingerprint]) -> None:
    moved = _fp(
        _article("f", PANDA, "https://zoo-news.example.net/pandas/twins/?utm_source=rss", 6)
    )
    assert is_duplicate(batch[3], moved)


def test_grouping(batch: list[Fingerprint]) -> None:
    groups = group_fingerprints(batch)
    assert groups == [[0, 1, 4], [2], [3]]


def test_same_event_by_two_outlets_groups_with_reason(batch: list[Fingerprint]) -> None:
    assert group_fingerprints(batch[:2]) == [[0, 1]]
    reason = why_grouped(batch[0], batch[1])
    assert "northwind motors" in reason and "shared terms:" in reason


def test_two_events_about_one_company_stay_apart(batch: list[Fingerprint]) -> None:
    assert group_fingerprints([batch[0], batch[2]]) == [[0], [1]]


def test_unrelated_story_stays_alone(batch: list[Fingerprint]) -> None:
    assert [3] in group_fingerprints(batch)


def test_reports_about_different_people_in_one_inquiry_stay_apart() -> None:
    tuesday = _fp(_article("t", HEARING_TUESDAY, "https://a.example/lindqvist", 5))
    wednesday = _fp(_article("w", HEARING_WEDNESDAY, "https://b.example/brandt", 6))
    idf = idf_table([tuesday, wednesday])
    assert (tuesday.lead, wednesday.lead) == ("marta lindqvist", "tomas brandt")
    assert cosine(tuesday, wednesday, idf) > 0.25  # the inquiry's words alone would group them
    assert different_leads(tuesday, wednesday) and same_event(tuesday, wednesday, idf) == 0.0


def test_reports_led_by_one_person_are_not_kept_apart(batch: list[Fingerprint]) -> None:
    recall_a, recall_b, factory = batch[0], batch[1], batch[2]
    assert recall_a.lead == recall_b.lead == "dana whitfield"
    assert not different_leads(recall_a, recall_b)
    assert factory.lead == "ellen marsh" and not different_leads(
        recall_a, factory
    )  # Whitfield is in both


def test_every_index_in_exactly_one_group(batch: list[Fingerprint]) -> None:
    items = batch + batch[:2]
    groups = group_fingerprints(items)
    assert sorted(i for g in groups for i in g) == list(range(len(items)))
    assert [g[0] for g in groups] == sorted(g[0] for g in groups)


def test_empty_batch() -> None:
    assert group_fingerprints([]) == []


def test_fingerprint_round_trips_through_json(batch: list[Fingerprint]) -> None:
    for fp in batch:
        again = Fingerprint.from_dict(json.loads(json.dumps(fp.to_dict())))
        assert again == fp
    restored = [Fingerprint.from_dict(fp.to_dict()) for fp in batch]
    assert group_fingerprints(restored) == group_fingerprints(batch)


def test_fingerprint_without_url_or_date() -> None:
    fp = _fp(Article(source="t", title="Panda twins", text=PANDA))
    assert fp.url is None and fp.published is None
    assert Fingerprint.from_dict(fp.to_dict()) == fp


# --- invented pairs: one event from two angles is one story; same actors, two events, two ---

PAIRS = json.loads((Path(__file__).parent / "fixtures" / "stories" / "pairs.json").read_text())
KNOWN_FAILURES = {  # what grouping still gets wrong (issue 16): strict, so that a fix is noticed
    "one-market-day-two-wire-reports": "split: the two reports share the day's figures, few words",
    "campaign-and-local-reaction": "split: the reaction is led by people the campaign report omits",
    "one-team-two-matches": "joined: the same players and coach three days apart look one event",
    "one-company-two-events": "joined: the same company and chief two days apart look one event",
}


@pytest.fixture(scope="module")
def pair_fingerprints() -> dict[str, tuple[Fingerprint, Fingerprint]]:
    """Each invented pair analysed as the pipeline analyses a page (the whole briefing)."""
    articles = [
        Article(
            source=f"{pair['name']}/{side}",
            title=pair[side]["title"],
            text=pair[side]["text"],
            url=f"https://{side}.example/{pair['name']}",
            published=dt.date.fromisoformat(pair[side]["published"]),
        )
        for pair in PAIRS["pairs"]
        for side in ("a", "b")
    ]
    page = RawPage(source="pairs.json", content=b"")
    fps = [fingerprint_of(page, b) for b in brief_articles(articles)]
    return {pair["name"]: (fps[2 * i], fps[2 * i + 1]) for i, pair in enumerate(PAIRS["pairs"])}


@pytest.mark.parametrize(
    "pair",
    [
        pytest.param(
            p,
            id=p["name"],
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[p["name"]])]
            if p["name"] in KNOWN_FAILURES
            else [],
        )
        for p in PAIRS["pairs"]
    ],
)
def test_invented_pairs_group_as_their_events(
    pair: dict[str, object], pair_fingerprints: dict[str, tuple[Fingerprint, Fingerprint]]
) -> None:
    """Grouped among all the invented articles, so that words are rare or common as in a day's
    news."""
    everything = [fp for two in pair_fingerprints.values() for fp in two]
    a, b = pair_fingerprints[str(pair["name"])]
    groups = group_fingerprints(everything)
    together = any(everything.index(a) in g and everything.index(b) in g for g in groups)
    assert together is pair["same"]


# --- the real corpus: pairwise precision and recall on hand-checked groups ---

needs_corpus = pytest.mark.skipif(
    not (CORPUS / "stories-dev.json").exists(), reason=f"{SHARED} is absent: no corpus to score"
)
# Floors: the figures measured (digest.evaluate_stories), rounded down. The targets are
# precision 0.95 and recall 0.90 on every set; tune and check are not there yet.
FLOORS = {  # set: (precision, recall, B-cubed F1)
    "dev": (0.95, 0.90, 0.95),  # measured 1.00 1.00 1.00
    "tune": (0.95, 0.60, 0.85),  # measured 1.00 0.65 0.88
    "check": (0.95, 0.60, 0.85),  # measured 1.00 0.64 0.88
    "all pairs": (0.90, 0.70, 0.95),  # measured 0.95 0.75 0.97; the three sets as the truth
}


@pytest.fixture(scope="module")
def corpus_rows() -> dict[str, Row]:
    """The corpus grouped as `digest stories` groups it, scored on dev, tune and check."""
    start = time.monotonic()
    paths = set_paths(SHARED)
    sets = {name: load_groups(paths[name]) for name in SETS}
    fingerprints = corpus_fingerprints(SHARED, Config(analysis=AnalysisOptions(executor="serial")))
    rows = score(predicted_groups(fingerprints), sets, list(fingerprints))
    print(f"{format_rows(rows)}\n{len(fingerprints)} pages; {time.monotonic() - start:.0f}s")
    return {row.name: row for row in rows}


@needs_corpus
@pytest.mark.parametrize("name", list(FLOORS))
def test_corpus_grouping_holds_its_floors(name: str, corpus_rows: dict[str, Row]) -> None:
    row, (precision, recall, bcubed) = corpus_rows[name], FLOORS[name]
    assert row.precision >= precision and row.recall >= recall and row.bcubed >= bcubed, row


def test_scores_count_pairs_and_pages() -> None:
    listed = [["a", "b", "c"]]
    predicted = [["a", "b"], ["c", "x"], ["y"]]
    pair = listed_scores(predicted, listed)
    assert (pair.precision, pair.recall) == (0.5, 1 / 3)  # a-b right, c-x wrong; a-c, b-c missed
    every = all_pairs_scores(predicted, [*listed, ["x", "y"]])
    assert (every.precision, every.recall) == (0.5, 0.25)
    precision, recall = (1 + 1 + 1 / 2) / 3, (2 / 3 + 2 / 3 + 1 / 3) / 3  # per page, averaged
    assert bcubed_f1(predicted, listed, ["a", "b", "c"]) == pytest.approx(
        2 * precision * recall / (precision + recall)
    )
    assert bcubed_f1([["a"], ["b"]], [["a"], ["b"]], ["a", "b"]) == 1.0


def test_long_names_also_count_as_their_initials() -> None:
    text = (
        "The European Space Agency said on Monday that hibernating crews would need smaller ships. "
        "The European Space Agency studied a crewed mission to Mars."
    )
    fp = _fp(_article("esa", text, "https://c.example/esa", 5))
    assert "european space agency" in fp.actors
    assert dict(fp.terms).get("esa", 0) > 0  # meets the outlet that only writes "ESA"


# --- the fast grouping gives the groups of scoring every pair ---


def _every_pair_grouping(items: list[Fingerprint]) -> list[list[int]]:
    """The reference: every pair scored, copies by checking every pair, then average linkage over
    all clusters at each step (cubic; what group_fingerprints did before candidate pairs)."""
    from digest.stories.grouping import EVENT_COSINE, idf_table, is_duplicate, same_event

    n = len(items)
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i):
            if is_duplicate(items[i], items[j]):
                parent[root(i)] = root(j)
    units: dict[int, list[int]] = {}
    for i in range(n):
        units.setdefault(root(i), []).append(i)
    unit_list = list(units.values())
    idf = idf_table(items)
    reps = [u[0] for u in unit_list]
    score = {
        (x, y): same_event(items[reps[x]], items[reps[y]], idf)
        for x in range(len(reps))
        for y in range(x)
    }
    clusters = [[x] for x in range(len(reps))]
    while True:
        best, at = EVENT_COSINE, None
        for x in range(len(clusters)):
            for y in range(x):
                s = [score[(max(i, j), min(i, j))] for i in clusters[x] for j in clusters[y]]
                link = 0.0 if min(s) == 0.0 else sum(s) / len(s)
                if link >= best:
                    best, at = link, (x, y)
        if at is None:
            break
        x, y = at
        clusters[y] += clusters.pop(x)
    groups = [sorted(i for x in c for i in unit_list[x]) for c in clusters]
    return sorted(groups, key=lambda g: g[0])


@pytest.mark.parametrize("seed", range(6))
def test_grouping_scores_only_pairs_that_can_score_and_finds_the_same_groups(seed: int) -> None:
    import random

    rng = random.Random(seed)
    people = ["ada rell", "rell", "tomas brell", "ines okafor", "okafor", "marrow works", "orrin"]
    words = [f"word{k}" for k in range(40)]
    items = []
    for i in range(45):
        base = rng.choice([None, *(fp for fp in items[-6:] if rng.random() < 0.5)])
        minhash = base.minhash if base and rng.random() < 0.3 else tuple(rng.sample(range(99), 16))
        items.append(
            Fingerprint(
                source=f"page{i}",
                title=f"Page {i}",
                url=None,
                published=None if rng.random() < 0.1 else dt.date(2026, 3, 1 + rng.randrange(9)),
                actors=tuple(rng.sample(people, rng.randrange(1, 4))),
                terms=tuple((w, rng.randrange(1, 5)) for w in rng.sample(words, 12)),
                minhash=minhash,
            )
        )
    groups = group_fingerprints(items)
    assert groups == _every_pair_grouping(items)
    assert any(len(g) > 1 for g in groups)  # some articles were grouped
