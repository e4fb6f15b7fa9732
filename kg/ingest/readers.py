"""Reading articles from .txt, .jsonl and .html files and folders of them.

Every reader yields `Article`s or `Problem`s, never raises for one bad file or line, so one
broken input does not stop a build of thousands; the caller reports the problems.

`read_articles` also checks each article it yields: text that looks binary or is not Indonesian is
reported and left out (the rules read Indonesian only: "when unsure, extract nothing"), an article
longer than MAX_ARTICLE_CHARS is cut at a paragraph break and reported (extraction time grows
faster than the text), and text that had to be guessed (not UTF-8, undecodable bytes, an unreadable
date) is built with a warning.
"""
from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from functools import cache
from pathlib import Path

import ftfy

from kg.nlp.dates import MONTHS
from kg.problems import WARNING, Problem
from kg.records import Article
from kg.resources import words

SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
ARTICLE_FIELDS = ("id", "url", "title", "published", "text")
MAX_ARTICLE_CHARS = 50_000  # 2.5 times the longest of 9,719 news articles in shared/data (20,027)
MIN_HTML_WORDS = 10  # fewer words extracted from a page: it has no article body
LANGUAGE_MIN_WORDS = 40  # shorter texts are not judged
MIN_INDONESIAN_SHARE = 0.02  # share of common Indonesian words; news: median 0.25, lowest 0.028
MAX_NON_TEXT_SHARE = 0.02  # share of control, private-use or undecodable characters
MAX_PUNCTUATION_RUN = 100  # longer runs of punctuation ("-----", "!!!!!") are shortened
REPLACEMENT = "\ufffd"
_NON_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]")
_PUNCTUATION_RUN = re.compile(rf"[^\w\s]{{{MAX_PUNCTUATION_RUN + 1},}}")
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")  # \n stays; \r is gone (normalise_text)


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path | Problem]:
    """Files to read: the given files, and every file under the given folders (sorted; hidden files
    and folders, whose names start with ".", are left out). Paths that cannot be read and files of
    other types are reported, not skipped in silence."""
    for path in paths:
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
            path.stat()
        except OSError as exc:
            what = "permission denied" if isinstance(exc, PermissionError) else exc.strerror or str(exc)
            yield Problem(str(path), f"cannot read: {what}; check the path and its permissions")
            continue
        except ValueError as exc:  # e.g. a NUL character in the path
            yield Problem(str(path), f"not a usable path ({exc})")
            continue
        if is_dir:
            yield from _folder_inputs(path)
        elif is_file:
            if path.suffix.lower() not in SUFFIXES:
                yield Problem(str(path), f"unsupported file type '{path.suffix}': give .txt, .jsonl or .html")
            else:
                yield path
        else:
            yield Problem(str(path), "not a regular file (a device, pipe or socket): give .txt, .jsonl or "
                                         ".html files or folders of them")


def _folder_inputs(folder: Path) -> Iterator[Path | Problem]:
    problems: list[Problem] = []

    def unreadable(exc: OSError) -> None:
        problems.append(Problem(exc.filename or str(folder), f"cannot list the folder: {exc.strerror}; "
                                                                 "check its permissions"))

    files, others = [], []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = Path(root, name)
            if name.startswith("."):
                continue
            if not path.is_file():  # a pipe would block the read; a broken link has nothing to read
                problems.append(Problem(str(path), "not a regular file (a broken link, device, pipe or "
                                                       "socket): skipped"))
            elif path.suffix.lower() in SUFFIXES:
                files.append(path)
            else:
                others.append(path)
    yield from problems
    for path in sorted(others):
        yield Problem(str(path), f"skipped: '{path.suffix or path.name}' is not an article file "
                                     "(.txt, .jsonl or .html)", WARNING)
    if not files and not problems:
        yield Problem(str(folder), f"no .txt, .jsonl or .html files under {folder}")
    yield from sorted(files)


def read_articles(paths: Iterable[Path]) -> Iterator[Article | Problem]:
    """Articles of `paths`, each checked (see the module's doc), and the problems met on the way."""
    for item in iter_inputs(paths):
        if isinstance(item, Problem):
            yield item
            continue
        suffix = item.suffix.lower()
        reader = read_jsonl if suffix == ".jsonl" else read_html if suffix in (".html", ".htm") else read_txt
        found = False
        try:
            for result in reader(item):
                found = True
                if isinstance(result, Article):
                    yield from check_article(result)
                else:
                    yield result
        except Exception as exc:  # a reader bug must not stop the build; the rest of this file is lost
            yield Problem(str(item), f"reading failed ({type(exc).__name__}: {exc}); the rest of this file "
                                         "was not read: please report it with this message")
            continue
        if not found:
            yield Problem(str(item), "no articles in the file (it is empty): give one JSON object per line")


def check_article(article: Article) -> Iterator[Article | Problem]:
    """The problems of one article's text, then the article (cut or cleaned) unless it is left out."""
    text, source = article.text, article.source or article.id
    problems = []
    if len(text) > MAX_ARTICLE_CHARS:
        cut = _cut(text, MAX_ARTICLE_CHARS)
        problems.append(Problem(source, f"{len(text):,} characters, far longer than a news article (limit "
                                            f"{MAX_ARTICLE_CHARS:,}): only the first {cut:,} characters were "
                                            "built; split the file into one article per file or JSON line"))
        text = text[:cut]
    non_text = len(_NON_TEXT.findall(text))
    if non_text > MAX_NON_TEXT_SHARE * len(text):
        yield Problem(source, f"looks like a binary file, not text ({non_text} of {len(text)} characters are "
                                  "control or undecodable characters): give the article as UTF-8 text")
        return
    share, count = indonesian_share(text)
    if count >= LANGUAGE_MIN_WORDS and share < MIN_INDONESIAN_SHARE:
        yield Problem(source, f"does not look like Indonesian (only {share:.1%} of its {count} words are "
                                  "common Indonesian words such as 'yang', 'dan', 'di'): the extractor reads "
                                  "Indonesian news only; give the Indonesian text or leave the article out")
        return
    # control characters become spaces, lone surrogates U+FFFD (what RDF serializers cannot write)
    text = _UNSAFE.sub(lambda m: REPLACEMENT if "\ud800" <= m.group() <= "\udfff" else " ", text)
    runs = len(_PUNCTUATION_RUN.findall(text))
    if runs:  # spaCy's tokenizer takes time quadratic in such a run: 26 s for 4,000 hyphens
        text = _PUNCTUATION_RUN.sub(lambda m: m.group()[:MAX_PUNCTUATION_RUN], text)
        problems.append(Problem(source, f"{runs} runs of more than {MAX_PUNCTUATION_RUN} punctuation marks "
                                            f"were shortened to {MAX_PUNCTUATION_RUN}", WARNING))
    if REPLACEMENT in text:
        problems.append(Problem(source, f"{text.count(REPLACEMENT)} characters could not be decoded and "
                                            f"show as '{REPLACEMENT}': save the article as UTF-8", WARNING))
    raw_date = dict(article.metadata).get("published")
    if raw_date is not None:
        problems.append(Problem(source, f"'published' value {raw_date!r} is not a date this reader knows: "
                                            "the article has no publication date (the value is kept as "
                                            "metadata); write it as YYYY-MM-DD (also read: 16/09/2019, "
                                            "10-Sep-19, 26 Oktober 2019)", WARNING))
    yield from problems
    yield replace(article, text=text) if text != article.text else article


def indonesian_share(text: str) -> tuple[float, int]:
    """Share of the words of `text` that are common Indonesian function words, and the word count."""
    found = [w for w in re.findall(r"[^\W\d_]+", text.casefold())]
    if not found:
        return 0.0, 0
    common = _function_words()
    return sum(w in common for w in found) / len(found), len(found)


@cache
def _function_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in words("function_words"))


def _cut(text: str, limit: int) -> int:
    """Where to cut `text` to at most `limit` characters: a paragraph break, a sentence end, a space."""
    for mark in ("\n", ". ", " "):
        at = text.rfind(mark, limit // 2, limit)
        if at > 0:
            return at + (1 if mark == ". " else 0)
    return limit


def _read_text(path: Path) -> tuple[str, Problem | None] | Problem:
    """The text of a file and, when its encoding had to be guessed, a warning."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Problem(str(path), f"cannot read: {exc.strerror}; check the path and its permissions")
    for bom, encoding in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                          (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):  # the byte-order mark says the encoding
            return data.decode(encoding, errors="replace"), None
    if b"\x00" in data[:4096]:
        return Problem(str(path), "looks like a binary file (or UTF-16 without a byte-order mark), not "
                                      "text: give the article as UTF-8 text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return _decode_mixed(data), _not_utf8(str(path), exc.start)


def _not_utf8(source: str, position: int) -> Problem:
    return Problem(source, f"not UTF-8 (byte {position}): read the bytes that are not UTF-8 as Windows-1252 "
                               "(Latin-1); check the accented letters and quotation marks, or save the file as UTF-8",
                       WARNING)


def _decode_mixed(data: bytes) -> str:
    """UTF-8 where the bytes are UTF-8, Windows-1252 elsewhere: a UTF-8 file with a few pasted
    Windows quotes keeps its UTF-8 letters."""
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="surrogateescape")
    return re.sub("[\udc80-\udcff]+",
                  lambda m: bytes(ord(c) - 0xDC00 for c in m.group()).decode("cp1252", errors="replace"), text)


def _read_file(path: Path, to_article: Callable[[Path, str], Article | Problem]) -> Iterator[Article | Problem]:
    """The article `to_article` makes of the text of `path`, after the warning about the file's
    encoding when it had to be guessed; or the problem that left the file out."""
    read = _read_text(path)
    if isinstance(read, Problem):
        yield read
        return
    text, warning = read
    result = to_article(path, text)
    if warning and isinstance(result, Article):
        yield warning
    yield result


def read_txt(path: Path) -> Iterator[Article | Problem]:
    return _read_file(path, _txt_article)


def _txt_article(path: Path, text: str) -> Article | Problem:
    if not text.strip():
        return Problem(str(path), "empty article: the file has no text")
    return Article(id=path.stem, text=normalise_text(text), source=str(path))


def read_jsonl(path: Path) -> Iterator[Article | Problem]:
    """One article per line, read line by line from the open file: a file of any size streams
    through in constant memory. The bytes of a line that are not UTF-8 are read as Windows-1252,
    with a warning."""
    try:
        with path.open("rb") as raw:
            head = raw.read(4096)
            raw.seek(0)
            if head.startswith((b"\xff\xfe", b"\xfe\xff")):
                lines: Iterable[tuple[str, int | None]] = (
                    (line, None) for line in io.TextIOWrapper(raw, encoding="utf-16", newline=None))
            elif b"\x00" in head:
                yield Problem(str(path), "looks like a binary file, not text: give a UTF-8 article")
                return
            else:
                lines = (_decode_line(line, first=n == 0) for n, line in enumerate(raw))
            for n, (line, not_utf8) in enumerate(lines, start=1):
                if not line.strip():
                    continue
                source = f"{path}:{n}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield Problem(source, f"not valid JSON ({exc.msg} at column {exc.colno}); "
                                              "fix or remove the line")
                    continue
                result = article_from_record(record, source, default_id=f"{path.stem}-{n}")
                if not_utf8 is not None and isinstance(result, Article):
                    yield _not_utf8(source, not_utf8)
                yield result
    except OSError as exc:
        yield Problem(str(path), f"cannot read: {exc.strerror}; check the path and its permissions")


def _decode_line(line: bytes, first: bool) -> tuple[str, int | None]:
    """The line as text and, when it is not UTF-8, the position of its first byte that is not
    (such bytes are then read as Windows-1252, by `_decode_mixed`)."""
    if first and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        return line.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return _decode_mixed(line), exc.start


def article_from_record(record: object, source: str, default_id: str) -> Article | Problem:
    """One JSON object with `text` (required), `id`, `url`, `title`, `published`; other fields kept."""
    if not isinstance(record, dict):
        return Problem(source, "a JSON Lines article must be an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Problem(source, "the article has no 'text' (or it is empty); add the article body as 'text'")
    published = dated_by_url(parse_date(record.get("published")), _field(record.get("url")))
    extra = tuple((str(k), json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v)
                  for k, v in record.items() if k not in ARTICLE_FIELDS and v is not None)
    if published is None and _field(record.get("published")) is not None:  # kept, and warned about
        extra += (("published", _field(record.get("published"))),)
    return Article(id=_field(record.get("id")) or default_id, text=normalise_text(text), url=_field(record.get("url")),
                   title=_field(record.get("title")), published=published, source=source, metadata=extra)


def _field(value: object) -> str | None:
    """A JSON value as text: strings stripped, numbers and objects as JSON; None when empty."""
    text = value.strip() if isinstance(value, str) else None if value is None else json.dumps(value, ensure_ascii=False)
    return text or None


def read_html(path: Path) -> Iterator[Article | Problem]:
    return _read_file(path, _html_article)


def _html_article(path: Path, html: str) -> Article | Problem:
    import trafilatura  # only HTML input needs it, and it is slow to import

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) \
        if html.strip() else None
    if not text or len(text.split()) < MIN_HTML_WORDS:  # a menu or a title is no article
        return Problem(str(path), "no article body found in the HTML page; save the article page itself "
                                      "(or its text as .txt)")
    meta = trafilatura.extract_metadata(html)
    return Article(id=path.stem, text=normalise_text(text), url=getattr(meta, "url", None) or None,
                   title=getattr(meta, "title", None) or None,
                   published=dated_by_url(parse_date(getattr(meta, "date", None)), getattr(meta, "url", None)),
                   source=str(path))


URL_DATE = re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/")  # "kompas.com/read/2019/09/10/09181451/...": the day it was published


def dated_by_url(published: date | None, url: str | None) -> date | None:
    """The publication date, unless its day and month are those of the date its URL carries swapped:
    a spreadsheet read "10/09/2019" month first (2019-10-09 for 10 September; 659 Kompas.com articles
    of the CLICK-ID corpus are dated so), and the URL's date is the one the site gave."""
    found = URL_DATE.search(url or "")
    if published is None or found is None:
        return published
    try:
        given = date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return published
    swapped = given.day <= 12 and given.day != given.month and published == date(given.year, given.day, given.month)
    return given if swapped else published


_MONTH_NAMES = {**MONTHS, **{name[:3]: n for name, n in MONTHS.items()},
                "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "agu": 8,
                "agt": 8, "sep": 9, "sept": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "des": 12,
                "january": 1, "february": 2, "march": 3, "june": 6, "july": 7, "august": 8,
                "october": 10, "december": 12}
# Day first, as Indonesian sites write dates: "16/09/2019", "16-09-2019", "10-Sep-19",
# "Senin, 26 Oktober 2019 10:00 WIB"; the weekday and the time are ignored.
_DAY_FIRST = re.compile(r"(?:[A-Za-z']+,?\s+)?(\d{1,2})\s*[-/. ]\s*(\d{1,2}|[A-Za-z]{3,9})\.?\s*[-/. ]\s*(\d{4}|\d{2})\b")
_MONTH_FIRST = re.compile(r"(?:[A-Za-z']+,\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")  # "Juli 19, 2019"


def parse_date(value: object) -> date | None:
    """The date of a publication-date field: ISO ("2024-09-24", "2024-09-24T14:30:00+08:00"), day
    first with the month as a number or an Indonesian or English name ("16/09/2019", "10-Sep-19",
    "Senin, 26 Oktober 2019 10:00 WIB"), or a month name first ("Juli 19, 2019"); None when absent
    or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if iso := re.match(r"(\d{4})-(\d{2})-(\d{2})", text):
        day, month, year = iso.group(3), iso.group(2), iso.group(1)
    elif day_first := _DAY_FIRST.match(text):
        day, month, year = day_first.groups()
    elif month_first := _MONTH_FIRST.match(text):
        month, day, year = month_first.groups()
    else:
        return None
    number = int(month) if month.isdigit() else _MONTH_NAMES.get(month.lower())
    try:
        return date(int(year) + (2000 if len(year) == 2 else 0), number, int(day)) if number else None
    except ValueError:
        return None


#: mis-encoded text repaired ("‚Äú" for "“", "Ã©" for "é"); quotes, widths and control characters stay as
#: written (check_article judges and reports the latter)
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, fix_latin_ligatures=False,
                             remove_control_chars=False, remove_terminal_escapes=False)
#: paragraphs a scraper joined with "," right after the closing punctuation ("Riau.,Penangkapan", "Berikut
#: faktanya:,Menurut", a list's "Kadis Perikanan dan Kelautan;,I Nyoman Suandi")
#: and with two or more commas glued to the last word ("periode 2019-2024:,,Menteri Pertahanan: Prabowo
#: Subianto,,Menteri Keuangan: ...", "dihubungi,,Informasi"); a link cut out of a sentence leaves spaces (" ,, ")
PARAGRAPH_JOIN = re.compile(r"(?<=[.!?:;\"”'])[ \t]*,+(?=[^\W\d_]|“|\"(?=\S))|(?<=[.!?])[ \t]*,+[ \t]+(?=[A-Z\"“])"
                            r"|(?<=[^\W_]|[):]),{2,}(?=[A-Z“‘])")
#: an abbreviation written with inner periods ("S.Sos.", "S.H.", "S.I.K."): a degree after a name, no sentence end
DOTTED = re.compile(r"(?:[A-Za-z]{1,4}\.){2,}$")


def _paragraph_break(match: re.Match[str]) -> str:
    """A line break for a joined paragraph; the comma kept between a name's degrees ("Dr. Rutiana,
    S.Sos., M.Si", "Robi, S.Kep., Ners"), whose periods end no sentence."""
    text = match.string
    before = text[max(0, match.start() - 20):match.start()].split()[-1:]  # a window, not the whole text per join
    after = text[match.end():match.end() + 12].split()[:1]
    before, after = (before[0] if before else ""), (after[0] if after else "")
    degrees = words("degrees")
    if DOTTED.search(before) or before.replace(".", "") in degrees or after.replace(".", "").rstrip(",") in degrees:
        return match.group()
    return "\n"


def normalise_text(text: str) -> str:
    """Encoding repaired (ftfy), line breaks as \\n, paragraphs one per line, no trailing spaces."""
    if not text.isascii() or "&" in text:  # plain ASCII has no mis-encoding and, without "&", no HTML entity
        text = ftfy.fix_text(text, _FTFY)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = PARAGRAPH_JOIN.sub(_paragraph_break, text)
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
