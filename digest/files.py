"""Safe writes: a temporary file in the same folder, then an atomic rename."""

from __future__ import annotations

import functools
import itertools
import os
import signal
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

# For tests: DIGEST_TEST_KILL_AT_WRITE=N makes this process kill itself half-way through its N-th
# atomic write, so that an interruption lands exactly mid-write (tests/test_interrupted.py), not
# wherever a timer falls.
KILL_AT_WRITE = int(os.environ.get("DIGEST_TEST_KILL_AT_WRITE") or 0)
_writes = itertools.count(1)
TEMP_SUFFIX = (
    ".tmp"  # of write_atomic's temporary files, hidden as `.NAME.*.tmp` beside their target
)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        os.fchmod(fd, _file_mode(path))  # mkstemp makes it 0o600
        with os.fdopen(fd, "wb") as handle:
            if KILL_AT_WRITE and next(_writes) == KILL_AT_WRITE:
                _die_half_way(handle, data, path)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _die_half_way(handle: BinaryIO, data: bytes, path: Path) -> None:
    handle.write(data[: len(data) // 2])
    handle.flush()
    print(f"killed while writing {path}", file=sys.stderr, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


def remove_temporaries(folder: Path) -> None:
    """Delete the temporary files a killed run left under `folder` (write_atomic's `.NAME.*.tmp`);
    call it only while holding the store's lock, when no other run is writing."""
    for path in folder.rglob(f".*{TEMP_SUFFIX}"):
        if path.is_file():
            path.unlink(missing_ok=True)


def write_if_changed(path: Path, text: str) -> bool:
    """Write text atomically unless the file already holds exactly it; True when written."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True


def _file_mode(path: Path) -> int:
    """The mode the file has, or the one a new file gets under the process's umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)  # reading it means setting it: once, and put back at once
    os.umask(mask)
    return mask
