"""Progress of a long run, shown on the terminal by the CLI and nowhere else.

Flows call `report(stage, done, total)`; by default that does nothing, so flows run the same under a scheduler.
The CLI installs a `TextBar` for the length of a command with `showing(bar)`, or with `on_terminal()`, which
shows one only when stderr is a terminal (a bar redrawn with carriage returns is noise in a log file).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import TextIO

Reporter = Callable[[str, int, int], None]
BAR_WIDTH = 30
# Redraw at most this often: a bar that repaints per file slows a fast run and floods logs.
MIN_REDRAW_SECONDS = 0.2

_reporter: Reporter | None = None


def report(stage: str, done: int, total: int) -> None:
    if _reporter is not None:
        _reporter(stage, done, total)


@contextmanager
def showing(reporter: Reporter) -> Iterator[None]:
    global _reporter
    previous, _reporter = _reporter, reporter
    try:
        yield
    finally:
        _reporter = previous


def on_terminal(stream: TextIO | None = None):
    """A context showing a `TextBar` on `stream` (default stderr) when it is a terminal; nothing otherwise."""
    stream = stream or sys.stderr
    isatty = getattr(stream, "isatty", None)
    return showing(TextBar(stream)) if isatty is not None and isatty() else nullcontext()


class TextBar:
    """`download  [#########.....................]  42/140  3.1/s` on one line of stderr, redrawn in place."""

    def __init__(self, stream: TextIO = sys.stderr, clock: Callable[[], float] = time.monotonic):
        self.stream = stream
        self.clock = clock
        self._lock = threading.Lock()
        self._stage: str | None = None
        self._started = clock()
        self._drawn = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            now = self.clock()
            if stage != self._stage:
                if self._stage is not None:
                    self.stream.write("\n")
                self._stage, self._started, self._drawn = stage, now, float("-inf")
            finished = done >= total
            if not finished and now - self._drawn < MIN_REDRAW_SECONDS:
                return
            self._drawn = now
            self.stream.write("\r" + render(stage, done, total, now - self._started) + ("\n" if finished else ""))
            if finished:
                self._stage = None
            self.stream.flush()


def render(stage: str, done: int, total: int, seconds: float) -> str:
    filled = BAR_WIDTH * done // total if total else BAR_WIDTH
    rate = f"{done / seconds:.1f}/s" if seconds > 0 else ""
    return f"{stage:<9} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done:>5}/{total:<5} {rate}"
