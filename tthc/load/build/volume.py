"""Dossier volume: per year, online, and the per-year history."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tthc.fields import Field
from tthc.load.base import IssueSink
from tthc.load.build.scalars import _check_keys, _int, _wrong_type, source_of
from tthc.model import Procedure, SourceRef, Volume, YearVolume


def _volume(value: Any, src: SourceRef, sink: IssueSink) -> Volume | None:
    if value is None:
        return None
    where = source_of(value, src)
    if not isinstance(value, Mapping):
        count = _int(value, "volume", where, sink)
        return Volume(dossiers_per_year=count, source=where) if count is not None else None
    _check_keys(value, "volume", where, sink)
    volume = Volume(
        dossiers_per_year=_int(value.get("dossiers_per_year"), "volume.dossiers_per_year", where, sink),
        online_per_year=_int(value.get("online_per_year"), "volume.online_per_year", where, sink),
        source=where,
    )
    history = value.get("history") or []
    if isinstance(history, Mapping) or not isinstance(history, (list, tuple)):
        _wrong_type(sink, "volume.history", "danh sách các năm", "a list of years", history, where)
        history = []
    for item in history:
        item_src = source_of(item, where)
        if not isinstance(item, Mapping):
            _wrong_type(sink, "volume.history", "{year, dossiers, online}", "{year, dossiers, online}", item, item_src)
            continue
        _check_keys(item, "volume.history", item_src, sink)
        year = _int(item.get("year"), "volume.history.year", item_src, sink)
        if year is None:
            continue
        volume.history.append(
            YearVolume(
                year=year,
                dossiers=_int(item.get("dossiers"), "volume.history.dossiers", item_src, sink),
                online=_int(item.get("online"), "volume.history.online", item_src, sink),
            )
        )
    volume.history.sort(key=lambda y: y.year)
    return volume


def fill(p: Procedure, f: Field, value: Any, src: SourceRef, sink: IssueSink) -> None:
    p.volume = _volume(value, src, sink)
