"""A compact progress display for ``skillradar refresh``: one line per step, a counter, timings."""

from __future__ import annotations

import logging
import sys
import time
from typing import Any

import dagster as dg

_STEP_EVENTS = {"STEP_START", "STEP_SUCCESS", "STEP_FAILURE", "ASSET_CHECK_EVALUATION"}


class ProgressHandler(logging.Handler):
    """Turns Dagster step events into lines such as ``[ 3/17] skill_mentions ✓ 1.2 s``."""

    def __init__(self, total_steps: int, stream: Any = None) -> None:
        super().__init__(level=logging.DEBUG)
        self.total = total_steps
        self.done = 0
        self.started: dict[str, float] = {}
        self.stream = stream or sys.stderr

    def emit(self, record: logging.LogRecord) -> None:
        """Print a line for step starts, ends, failures, check results and asset log messages."""
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        step = meta.get("step_key") or ""
        kind = event.event_type_value if event is not None else None
        if kind is None:
            if record.levelno >= logging.INFO and step:
                message = record.getMessage().rsplit(f" - {step} - ", 1)[-1]
                self._line(f"        {step}: {message}")
            return
        if kind not in _STEP_EVENTS:
            return
        if kind == "STEP_START":
            self.started[step] = time.perf_counter()
        elif kind == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            warn = evaluation.severity.value == "WARN"
            mark = "✓" if evaluation.passed else ("! (warning)" if warn else "✗")
            self._line(f"        check {evaluation.check_name} {mark}")
        else:
            self.done += 1
            seconds = time.perf_counter() - self.started.get(step, time.perf_counter())
            mark = "✓" if kind == "STEP_SUCCESS" else "✗ failed"
            self._line(f"[{self.done:>2}/{self.total}] {step} {mark} {seconds:.1f} s")

    def _line(self, text: str) -> None:
        print(text, file=self.stream, flush=True)


def progress_logger(total_steps: int) -> dg.LoggerDefinition:
    """A Dagster logger definition that reports to a :class:`ProgressHandler`."""

    @dg.logger(description="Compact step progress for the command line")
    def _progress(_init_context: dg.InitLoggerContext) -> logging.Logger:
        logger = logging.Logger("skillradar.progress", level=logging.DEBUG)
        logger.addHandler(ProgressHandler(total_steps))
        return logger

    return _progress
