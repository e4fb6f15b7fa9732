"""Reading articles from .txt, .jsonl and .html files and folders of them.

Every reader yields `Article`s or `ReadProblem`s, never raises for one bad file or line, so one
broken input does not stop a build of thousands; the caller reports the problems.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kg.records import Article

SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
ARTICLE_FIELDS = ("id", "url", "title", "published", "text")


@dataclass(frozen=True)
class ReadProblem:
    source: str  # "path" or "path:line"
    message: str  # what is wrong and what to do


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path | ReadProblem]:
    """Files to read: the given files, and every readable file under the given folders (sorted)."""
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield ReadProblem(str(path), f"no .txt, .jsonl or .html files under {path}")
            yield from files
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                yield ReadProblem(str(path), f"unsupported file type '{path.suffix}': give .txt, .jsonl or .html")
            else:
                yield path
        else:
            yield ReadProblem(str(path), "no such file or folder")


def read_articles(paths: Iterable[Path]) -> Iterator[Article | ReadProblem]:
    for item in iter_inputs(paths):
        if isinstance(item, ReadProblem):
            yield item
            continue
        suffix = item.suffix.lower()
        if suffix == ".jsonl":
            yield from read_jsonl(item)
        elif suffix in (".html", ".htm"):
            yield read_html(item)
        else:
            yield read_txt(item)


def _read_text(path: Path) -> str | ReadProblem:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return ReadProblem(str(path), f"cannot read: {exc.strerror}; check the path and its permissions")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        return ReadProblem(str(path), "looks like a binary file, not text: give a UTF-8 article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_txt(path: Path) -> Article | ReadProblem:
    text = _read_text(path)
    if isinstance(text, ReadProblem):
        return text
    if not text.strip():
        return ReadProblem(str(path), "empty article: the file has no text")
    return Article(id=path.stem, text=_normalise(text), source=str(path))


def read_jsonl(path: Path) -> Iterator[Article | ReadProblem]:
    content = _read_text(path)
    if isinstance(content, ReadProblem):
        yield content
        return
    for n, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(source, f"not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line")
            continue
        yield article_from_record(record, source, default_id=f"{path.stem}-{n}")


def article_from_record(record: object, source: str, default_id: str) -> Article | ReadProblem:
    """One JSON object with `text` (required), `id`, `url`, `title`, `published`; other fields kept."""
    if not isinstance(record, dict):
        return ReadProblem(source, "a JSON Lines article must be an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return ReadProblem(source, "the article has no 'text' (or it is empty); add the article body as 'text'")
    published = parse_date(record.get("published"))
    extra = tuple((str(k), json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v)
                  for k, v in record.items() if k not in ARTICLE_FIELDS and v is not None)
    return Article(id=str(record.get("id") or default_id), text=_normalise(text), url=record.get("url") or None,
                   title=record.get("title") or None, published=published, source=source, metadata=extra)


def read_html(path: Path) -> Article | ReadProblem:
    import trafilatura  # only HTML input needs it, and it is slow to import

    html = _read_text(path)
    if isinstance(html, ReadProblem):
        return html
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        return ReadProblem(str(path), "no article body found in the HTML page; save the article page itself")
    meta = trafilatura.extract_metadata(html)
    return Article(id=path.stem, text=_normalise(text), url=getattr(meta, "url", None) or None,
                   title=getattr(meta, "title", None) or None,
                   published=parse_date(getattr(meta, "date", None)), source=str(path))


def parse_date(value: object) -> date | None:
    """ISO date or date-time ("2024-09-24", "2024-09-24T14:30:00+08:00"); None when absent or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
        if match:
            try:
                return date(*map(int, match.groups()))
            except ValueError:
                return None
        return None


def _normalise(text: str) -> str:
    """Line breaks as \\n, paragraphs one per line, no trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
