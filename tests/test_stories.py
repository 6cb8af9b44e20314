"""Stories: canonical URLs, fingerprints, duplicate and same-event grouping (real spaCy,
find_actors)."""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import time
from pathlib import Path

import pytest

from digest.analysis.actors.find import find_actors, lead_actor
from digest.analysis.fingerprint import Fingerprint, fingerprint
from digest.analysis.nlp import load_pipeline, parse
from digest.errors import ExtractError
from digest.ingest.extract import extract_article
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

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus"
CORPUS_PARSE_CHARS = (
    3000  # actors come from the first 3,000 characters: keeps the corpus test under a minute
)

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


# --- the real corpus: pairwise precision and recall on ../shared/corpus/stories-dev.json ---


def _corpus_fingerprints() -> tuple[list[str], list[Fingerprint], int]:
    truth = json.loads((CORPUS / "aeb" / "ground-truth.json").read_text())
    articles, skipped = [], 0
    for path in sorted((CORPUS / "aeb" / "html").glob("*.html.gz")):
        page_id = path.name.split(".")[0]
        page = RawPage(
            source=page_id, content=gzip.decompress(path.read_bytes()), url=truth[page_id]["url"]
        )
        try:
            articles.append(extract_article(page))
        except ExtractError:
            skipped += 1
    docs = load_pipeline().pipe(a.text[:CORPUS_PARSE_CHARS] for a in articles)
    fps = []
    for article, doc in zip(articles, docs):
        actors = find_actors(doc)
        fps.append(fingerprint(article, actors, lead_actor(doc, actors)))
    return [a.source for a in articles], fps, skipped


needs_corpus = pytest.mark.skipif(
    not (CORPUS / "stories-dev.json").exists(), reason=f"{SHARED} is absent: no corpus to score"
)
FLOOR_PRECISION, FLOOR_RECALL = 0.95, 0.90  # the targets; measured 1.00 / 1.00
FLOOR_STRICT = (
    0.33  # unlisted pages that report one event together count as errors here; measured 0.36
)


@pytest.fixture(scope="module")
def corpus_scores() -> tuple[float, float, float]:
    """Pairwise precision on pairs touching a listed group, recall, and strict precision on all
    pairs."""
    start = time.monotonic()
    ids, fps, skipped = _corpus_fingerprints()
    listed = json.loads((CORPUS / "stories-dev.json").read_text())["groups"]
    story = {m: g["name"] for g in listed for m in g["members"]}
    pairs = itertools.combinations(range(len(ids)), 2)
    gold = {(i, j) for i, j in pairs if story.get(ids[i], i) == story.get(ids[j], j)}
    pred = {(i, j) for g in group_fingerprints(fps) for i, j in itertools.combinations(g, 2)}
    judged = {(i, j) for i, j in pred if ids[i] in story or ids[j] in story}
    precision = len(gold & judged) / max(1, len(judged))
    recall = len(gold & pred) / len(gold)
    strict = len(gold & pred) / max(1, len(pred))
    print(
        f"skipped {skipped}; pairs gold {len(gold)} predicted {len(pred)} judged {len(judged)}; "
        f"P {precision:.3f} (strict {strict:.3f}) R {recall:.3f}; {time.monotonic() - start:.0f}s"
    )
    return precision, recall, strict


@needs_corpus
def test_corpus_pairwise_precision_and_recall_targets(
    corpus_scores: tuple[float, float, float],
) -> None:
    precision, recall, strict = corpus_scores
    assert precision >= FLOOR_PRECISION and recall >= FLOOR_RECALL and strict >= FLOOR_STRICT


def test_long_names_also_count_as_their_initials() -> None:
    text = (
        "The European Space Agency said on Monday that hibernating crews would need smaller ships. "
        "The European Space Agency studied a crewed mission to Mars."
    )
    fp = _fp(_article("esa", text, "https://c.example/esa", 5))
    assert "european space agency" in fp.actors
    assert dict(fp.terms).get("esa", 0) > 0  # meets the outlet that only writes "ESA"
