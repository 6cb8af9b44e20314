"""The per-article stage behind an executor: same results serial, in a process pool or on Dask,
bounded in flight."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digest.analysis.page import analyze_page
from digest.analysis_json import briefing_json
from digest.config import Config, parse_config
from digest.errors import ConfigError, DigestError
from digest.executor import SerialExecutor, make_executor, map_bounded
from digest.model import Briefing, RawPage
from digest.pipeline import run_build
from digest.runner import analyze_batch, briefing_of

from .conftest import SAMPLES


def test_map_bounded_keeps_order_and_bounds_the_work_in_flight() -> None:
    pulled: list[int] = []

    def items():
        for i in range(20):
            pulled.append(i)
            yield i

    results = []
    for _item, future in map_bounded(SerialExecutor(), lambda x: x * x, items(), workers=1):
        results.append(future.result())
        assert len(pulled) - len(results) <= 4  # never more than IN_FLIGHT_PER_WORKER ahead
    assert results == [i * i for i in range(20)]


def test_serial_executor_delivers_exceptions_through_the_future() -> None:
    future = SerialExecutor().submit(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        future.result()


def test_unknown_executor_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="Expected process, serial or dask but received: 'cloud'"):
        make_executor("cloud", 2)


def test_errors_keep_their_source_across_processes() -> None:
    executor, _ = make_executor("process", 2)
    with executor:
        future = executor.submit(_fail)
        with pytest.raises(DigestError) as info:
            future.result()
    assert str(info.value) == "page.html: no article"


def _fail() -> None:
    raise DigestError("no article", "page.html")


def _build_with(kind: str, folder: Path, monkeypatch) -> dict[str, bytes]:
    shutil.copytree(SAMPLES, folder / "samples")
    monkeypatch.chdir(folder)
    config = parse_config(
        {"sources": ["samples/*.html"], "analysis": {"executor": kind, "workers": 2}}
    )
    report = run_build(config, make_site=False)
    assert report.ok and len(report.analyzed) == 6
    return {p.name: p.read_bytes() for p in (folder / "content" / "stories").glob("*.md")}


@pytest.mark.parametrize("kind", ["process", "dask"])
def test_a_pool_or_a_local_dask_cluster_writes_the_same_briefings_as_serial(
    tmp_path: Path, monkeypatch, kind
) -> None:
    serial = _build_with("serial", tmp_path / "serial", monkeypatch)
    assert _build_with(kind, tmp_path / kind, monkeypatch) == serial and len(serial) == 5


def test_a_batch_keeps_each_pages_result_or_error_in_its_place() -> None:
    pages = sorted(SAMPLES.glob("*.html"))[:3]
    batch = [
        RawPage(pages[0].name, pages[0].read_bytes()),
        RawPage("empty.html", b""),
        RawPage("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        RawPage(pages[1].name, pages[1].read_bytes()),
        RawPage(pages[2].name, pages[2].read_bytes()),
    ]
    results = analyze_batch(batch, Config(), briefing_of)
    assert [type(r).__name__ for r in results] == [
        "Briefing",
        "ExtractError",
        "ExtractError",
        "Briefing",
        "Briefing",
    ]
    assert "empty.html" in str(results[1]) and "photo.png" in str(results[2])
    for page, result in zip(batch, results):  # parsed in one spaCy batch, briefed as if one by one
        if isinstance(result, Briefing):
            assert briefing_json(result) == briefing_json(analyze_page(page, Config()))


WORKER_SCRIPT = """
import os, sys, time
from digest.executor import make_executor
executor, _ = make_executor("process", 2)
print(executor.submit(os.getpid).result(), flush=True)
time.sleep(60)
"""


def test_pool_workers_end_when_the_run_is_killed() -> None:
    """A killed run leaves no worker waiting on its queue (holding memory and the run's output
    pipe)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from .conftest import ROOT

    run = subprocess.Popen(
        [sys.executable, "-c", WORKER_SCRIPT],
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert run.stdout is not None
    worker = int(run.stdout.readline())
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 10
    status = Path(f"/proc/{worker}/status")

    def alive() -> bool:  # a zombie (State Z) has ended, and waits only to be reaped by init
        try:
            return "State:\tZ" not in status.read_text()
        except OSError:
            return False

    while time.monotonic() < deadline and alive():
        time.sleep(0.1)
    assert not alive(), f"worker {worker} outlived the killed run"
