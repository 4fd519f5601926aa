"""Search synonyms of the published site: what people type -> the catalog's wording.

The list shipped with tthc is ``tthc/publish/data/synonyms.yaml``; ``tthc publish
--synonyms FILE`` adds the entries of a file of the same shape::

    tthc_synonyms: 1
    synonyms:
      xác nhận tình trạng hôn nhân:      # the catalog's wording
        - xác nhận độc thân              # what people type
        - giấy độc thân

The browser folds both sides (case, diacritics, i/y) the way it folds the query, so an
entry is written once in ordinary Vietnamese.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from tthc.errors import TthcError
from tthc.i18n import T

MAX_BYTES = 1_000_000


class SynonymsError(TthcError):
    """A synonyms file that cannot be used (one line: file, where, what to do)."""


def load_synonyms(extra: Path | None = None) -> list[tuple[str, str]]:
    """(typed, catalog wording) pairs: the shipped list, then the user's file."""
    shipped = resources.files("tthc.publish").joinpath("data", "synonyms.yaml").read_text(encoding="utf-8")
    pairs = parse(shipped, "synonyms.yaml")
    if extra is not None:
        pairs += parse(_read(extra), str(extra))
    seen: set[tuple[str, str]] = set()
    out = []
    for pair in pairs:
        if pair not in seen:
            seen.add(pair)
            out.append(pair)
    return out


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SynonymsError(
                T(
                    f"{path}: tệp từ đồng nghĩa quá lớn (trên 1 MB)",
                    f"{path}: the synonyms file is too large (over 1 MB)",
                )
            )
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SynonymsError(
            T(f"{path}: không tìm thấy tệp từ đồng nghĩa", f"{path}: synonyms file not found")
        ) from None
    except UnicodeDecodeError:
        raise SynonymsError(
            T(f"{path}: tệp không phải UTF-8; lưu lại ở dạng UTF-8", f"{path}: not UTF-8; save it as UTF-8")
        ) from None
    except OSError as exc:
        raise SynonymsError(f"{path}: {exc.strerror or exc}") from None


def parse(text: str, name: str) -> list[tuple[str, str]]:
    import yaml

    from tthc.text import clean

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        problem = getattr(exc, "problem", None) or T("YAML không hợp lệ", "invalid YAML")
        raise SynonymsError(f"{where}: {problem}") from None
    entries = data.get("synonyms") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise SynonymsError(
            T(
                f"{name}: cần khóa 'synonyms:' gồm các mục 'cách danh mục viết: [cách người dân gõ, …]'",
                f"{name}: expected a 'synonyms:' mapping of 'catalog wording: [what people type, …]'",
            )
        )
    pairs = []
    for target, typed in entries.items():
        wording = clean(target) if isinstance(target, str) else None
        values = [typed] if isinstance(typed, str) else typed
        if not wording or not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise SynonymsError(
                T(
                    f"{name}: mục '{target}' phải là một cụm từ với danh sách cách gõ (chuỗi)",
                    f"{name}: entry '{target}' must be a phrase with a list of typed phrases (strings)",
                )
            )
        for value in values:
            if phrase := clean(value):
                pairs.append((phrase, wording))
    return pairs
