"""What is kept between runs: article records round-trip, one run at a time."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from digest.analysis.fingerprint import Fingerprint
from digest.errors import DigestError
from digest.ingest.identity import story_id
from digest.store import ArticleRecord, Store, StoryRecord, without_text

from .test_render import make_briefing

FP = Fingerprint(
    "a.html",
    "Bridge plan approved",
    "https://news.example/bridge",
    None,
    ("ann lee",),
    (("bridge", 3),),
    (1, 2, 3),
)


def test_article_record_round_trip(tmp_path: Path) -> None:
    record = ArticleRecord(
        "https://news.example/bridge", "hash", "v1", without_text(make_briefing()), FP
    )
    with Store.open(tmp_path) as store:
        store.put_article(record)
        assert store.article(record.key) == record
        assert store.article("https://other.example/") is None
    assert record.briefing.articles[0].text == ""


def test_story_index_round_trip(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        store.stories["abc"] = StoryRecord("abc", "stories/x.md", ("k1", "k2"))
        store.stories["def"] = StoryRecord("def", "stories/y.md", ("k3",), merged_into="abc")
        store.save_stories()
    with Store.open(tmp_path) as store:
        assert store.story_of("k2") == StoryRecord("abc", "stories/x.md", ("k1", "k2"))
        assert store.story_of("k3") is None  # merged away: its articles now count under "abc"
        assert store.stories["def"].merged_into == "abc"


def _try_open(folder: str, queue) -> None:  # runs in another process
    try:
        Store.open(Path(folder))
        queue.put("opened")
    except DigestError as err:
        queue.put(str(err))


def test_a_second_run_is_refused_while_one_writes(tmp_path: Path) -> None:
    with Store.open(tmp_path):
        queue = multiprocessing.get_context("fork").Queue()
        other = multiprocessing.get_context("fork").Process(
            target=_try_open, args=(str(tmp_path), queue)
        )
        other.start()
        other.join(10)
        message = queue.get(timeout=5)
    import os

    assert (
        message
        == f"{tmp_path / '.digest'}: another digest run (pid {os.getpid()}) is writing here; "
        "wait for it to finish"
    )
    Store.open(tmp_path).close()  # free again


def test_broken_index_is_reported(tmp_path: Path) -> None:
    (tmp_path / ".digest").mkdir()
    (tmp_path / ".digest" / "stories.json").write_text("{not json")
    with pytest.raises(DigestError, match="cannot read the story index"):
        Store.open(tmp_path)


def test_story_ids_are_stable() -> None:
    assert (
        story_id("https://news.example/bridge")
        == story_id("https://news.example/bridge")
        != story_id("x")
    )


def test_story_index_follows_merges() -> None:
    from digest.store import StoryIndex

    index = StoryIndex(
        {
            "a": StoryRecord("a", "stories/a.md", ("k1",)),
            "b": StoryRecord("b", "stories/b.md", ("k2",)),
        }
    )
    index["a"] = StoryRecord("a", "stories/a.md", ("k1", "k2"), latest="2026-11-20")
    index["b"] = StoryRecord("b", "stories/b.md", ("k2",), merged_into="a")
    assert (
        index.story_of("k2").id == "a"  # type: ignore[union-attr]
        and index.story_of("k1").id == "a"  # type: ignore[union-attr]
    )
    assert index.story_of("k3") is None


def test_opening_the_store_removes_what_a_killed_run_left(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "actors").mkdir(parents=True)
    stale = content / "actors" / ".orme.md.gzk49pff.tmp"  # as write_atomic names them
    stale.write_text("half a page")
    kept = content / "actors" / "orme.md"
    kept.write_text("---\ntitle: Orme\n---\n")
    with Store.open(content):
        pass
    assert not stale.exists()
    assert kept.read_text() == "---\ntitle: Orme\n---\n"


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut off mid-write by something other than Digest
        lambda text: "[1, 2, 3]",
        lambda text: text.replace('"title": "', '"title": 5, "x": "', 1),
        lambda text: text.replace('"quotes": [{', '"quotes": [{"text": "a"}, {', 1),
        lambda text: text.replace(
            '"actors": [{',
            '"actors": [{"name": "A", "kind": "person", "role": null, '
            '"aliases": [], "mentions": "many"}, {',
            1,
        ),
        lambda text: "\x00\xff garbage",
    ],
    ids=["truncated", "a-list", "wrong-type", "missing-field", "string-count", "garbage"],
)
def test_a_damaged_record_is_reported_in_one_line_and_analysed_again(
    tmp_path: Path, caplog, damage
) -> None:  # type: ignore[no-untyped-def]
    record = ArticleRecord(
        "https://news.example/bridge", "hash", "v1", without_text(make_briefing()), FP
    )
    with Store.open(tmp_path) as store:
        store.put_article(record)
        path = store._article_path(record.key)
        path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
        with caplog.at_level("WARNING", logger="digest"):
            assert store.article(record.key) is None
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and lines[0].startswith(f"{path}: stored analysis unreadable (")
    assert lines[0].endswith("analysing the page again") and "\n" not in lines[0]


def test_records_name_their_fields_and_an_older_format_is_analysed_again_quietly(
    tmp_path: Path, caplog
) -> None:  # type: ignore[no-untyped-def]
    import json

    record = ArticleRecord(
        "https://news.example/bridge", "hash", "v1", without_text(make_briefing()), FP
    )
    with Store.open(tmp_path) as store:
        store.put_article(record)
        path = store._article_path(record.key)
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["format"] == 6 and all(
            isinstance(a, dict) and "mentions" in a for a in data["actors"]
        )
        assert all(
            set(q) == {"text", "speaker", "start", "end", "evidence", "context", "joined"}
            for q in data["quotes"]
        )
        del data["format"]  # as an older Digest wrote it
        path.write_text(json.dumps(data), encoding="utf-8")
        with caplog.at_level("WARNING", logger="digest"):
            assert store.article(record.key) is None
    assert caplog.records == []
