"""Problems a build meets and goes past: one record type for every stage (reading, extraction,
validation, loading), so a report lists them together and one bad input never stops the rest."""
from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    source: str  # "path" or "path:line"
    message: str  # what is wrong and what to do
    severity: str = ERROR  # ERROR: the input (or part of it) is not built; WARNING: built, but read with a guess
    article: str | None = None  # the article id, when the problem is with one article's graph
    quarantined: bool = False  # the article's new graph did not conform to the shapes and was not loaded


def problem_record(problem: Problem) -> dict[str, object]:
    """A problem as a JSON object: source, file, line (a JSON Lines line, else null), severity, problem."""
    file, sep, line = problem.source.rpartition(":")
    if not (sep and line.isdigit() and file):
        file, line = problem.source, ""
    return {"source": problem.source, "file": file, "line": int(line) if line else None,
            "severity": problem.severity, "problem": problem.message}
