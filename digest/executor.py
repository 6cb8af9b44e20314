"""Where the per-article work runs: a process pool by default, in this process, or on a Dask
cluster.

Any `concurrent.futures.Executor` works, so a user with a cluster can hand the per-article stage to
Dask (`analysis.executor: dask`, scheduler address in DIGEST_DASK_SCHEDULER) without changing the
pipeline.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Any, TypeVar

from .errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")
IN_FLIGHT_PER_WORKER = (
    4  # tasks queued per worker: keeps every core busy, memory flat however many pages
)


class SerialExecutor(Executor):
    """Runs each task when submitted, in this process (one core, no start-up cost)."""

    def submit(self, fn: Callable[..., R], /, *args: Any, **kwargs: Any) -> Future[R]:
        future: Future[R] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as err:  # delivered through the future, as a pool would
            future.set_exception(err)
        return future


def make_executor(kind: str, workers: int) -> tuple[Executor, int]:
    """The executor named in config and how many tasks it runs at once."""
    count = workers or os.cpu_count() or 1
    if kind == "serial" or (kind == "process" and count == 1):
        return SerialExecutor(), 1
    if kind == "process":
        # fork: workers inherit the spaCy pipeline the parent has loaded, instead of loading
        # their own
        context = multiprocessing.get_context(
            "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        )
        return ProcessPoolExecutor(
            max_workers=count, mp_context=context, initializer=die_with_parent
        ), count
    if kind == "dask":
        return _dask_executor(count)
    raise ConfigError(
        f"Config value 'analysis.executor': Expected process, serial or dask but received: {kind!r}"
    )


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def die_with_parent() -> None:
    """In a pool worker: end when the run that started it is killed, instead of waiting on its queue
    for ever (and holding a model's memory, and the run's output pipe, open). Linux only; elsewhere
    a no-op."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _dask_executor(count: int) -> tuple[Executor, int]:
    try:
        from dask.distributed import Client
    except ImportError as err:
        raise ConfigError(
            "analysis.executor is 'dask' but dask.distributed is not installed: "
            "pip install 'dask[distributed]'"
        ) from err
    address = os.environ.get("DIGEST_DASK_SCHEDULER")
    if address:
        client = Client(address)  # type: ignore[no-untyped-call]
    else:
        client = Client(n_workers=count, threads_per_worker=1, processes=True)  # type: ignore[no-untyped-call]
    workers = len(client.scheduler_info().get("workers", {})) or count
    return DaskExecutor(client), workers


class DaskExecutor(Executor):
    """Tasks on a Dask cluster; shutting it down closes the client (and the local cluster it
    started)."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.tasks = client.get_executor(
            pure=False
        )  # each batch its own task, even with equal pages

    def submit(self, fn: Callable[..., R], /, *args: Any, **kwargs: Any) -> Future[R]:
        return self.tasks.submit(fn, *args, **kwargs)  # type: ignore[no-any-return]

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.tasks.shutdown(wait=wait and not cancel_futures)
        self.client.close()


def map_bounded(
    executor: Executor, fn: Callable[[T], R], items: Iterable[T], workers: int
) -> Iterator[tuple[T, Future[R]]]:
    """Like executor.map, in input order, but never more than a few tasks per worker in flight."""
    window: list[tuple[T, Future[R]]] = []
    for item in items:
        window.append((item, executor.submit(fn, item)))
        if len(window) >= workers * IN_FLIGHT_PER_WORKER:
            yield window.pop(0)
    yield from window
