"""The per-article stage behind an executor: same results serial or in a process pool, bounded in flight."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digest.config import parse_config
from digest.errors import ConfigError, DigestError
from digest.executor import SerialExecutor, make_executor, map_bounded
from digest.pipeline import run_build

from .conftest import SAMPLES


def test_map_bounded_keeps_order_and_bounds_the_work_in_flight() -> None:
    pulled: list[int] = []

    def items():
        for i in range(20):
            pulled.append(i)
            yield i

    results = []
    for item, future in map_bounded(SerialExecutor(), lambda x: x * x, items(), workers=1):
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


def test_process_pool_and_serial_write_the_same_briefings(tmp_path: Path, monkeypatch) -> None:
    outputs = []
    for kind in ("serial", "process"):
        folder = tmp_path / kind
        shutil.copytree(SAMPLES, folder / "samples")
        monkeypatch.chdir(folder)
        config = parse_config({"sources": ["samples/*.html"], "analysis": {"executor": kind, "workers": 2}})
        report = run_build(config, make_site=False)
        assert report.ok and len(report.analyzed) == 6
        outputs.append({p.name: p.read_bytes() for p in (folder / "content" / "stories").glob("*.md")})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 5
