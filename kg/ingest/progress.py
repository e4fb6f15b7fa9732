"""How a build shows its progress: a tqdm bar on a terminal, plain lines now and then elsewhere
(a script, CI, a log file), so a long build is never silent and a log holds no control codes."""
from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from typing import TextIO

from tqdm import tqdm

PLAIN_EVERY_SECONDS = 10.0  # between two lines when not on a terminal


@dataclass(frozen=True)
class Tick:
    """Where a build stands: articles done (built or unchanged) of `total` (None until counted)."""

    built: int
    skipped: int
    seconds: float
    total: int | None = None
    final: bool = False

    @property
    def done(self) -> int:
        return self.built + self.skipped

    @property
    def rate(self) -> float:
        return self.done / max(self.seconds, 1e-9)

    def __str__(self) -> str:
        counts = f"({self.built} built, {self.skipped} unchanged), {self.rate:.1f} articles/s"
        if self.total and not self.final:
            left = max(self.total - self.done, 0)
            eta = _duration(left / self.rate) if self.rate else "?"
            return f"{self.done}/{self.total} articles {counts}, ETA {eta}"
        return f"{self.done} articles {counts}"


class ProgressPrinter:
    """Call it with each `Tick`; `close` ends the bar (or prints the last line)."""

    def __init__(self, stream: TextIO | None = None, every: float = PLAIN_EVERY_SECONDS) -> None:
        self.stream = stream or sys.stderr
        self.every = every
        self._bar: tqdm | None = None
        self._printed = time.monotonic()  # the first line after `every` seconds: a short build prints none
        self._lines = 0
        if self.stream.isatty():
            columns, rows = _size(self.stream)
            self._bar = tqdm(total=None, file=self.stream, unit=" articles", ncols=columns, nrows=rows,
                             bar_format="{n_fmt}/{total_fmt} articles |{bar:20}| {rate_fmt}, ETA {remaining}{postfix}")

    def __call__(self, tick: Tick) -> None:
        if self._bar is not None:
            if tick.total and self._bar.total != tick.total:
                self._bar.total = tick.total
            self._bar.set_postfix_str(f"{tick.built} built, {tick.skipped} unchanged", refresh=False)
            self._bar.update(tick.done - self._bar.n)
            return
        now = time.monotonic()
        if (tick.final and self._lines) or now - self._printed >= self.every:
            print(str(tick), file=self.stream, flush=True)
            self._printed = now
            self._lines += 1

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m" if seconds >= 3600 else f"{seconds // 60}m{seconds % 60:02d}s"


def _size(stream: TextIO) -> tuple[int, int]:
    """The terminal's columns and lines, 100 by 24 where it reports none (a fresh pseudo-terminal
    says 0 by 0, and tqdm would then hide its bar)."""
    try:
        size = os.get_terminal_size(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return 100, 24
    return size.columns or 100, size.lines or 24
