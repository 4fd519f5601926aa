"""Finding Vietnamese that tthc itself wrote in an output meant to be English.

An English run may still quote the catalog (procedure names, dossier lines, sheet names), the
names of administrative units and the titles of legal documents, and cite a document by its
kind and number ("Nghị định 151/2025/NĐ-CP"). ``leaks(output, corpus)`` returns the other
Vietnamese words of ``output``: the ones tthc wrote. Machine formats are read as such (JSON
strings, CSV cells, XML text and attributes), so a quoted cell is compared whole.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator

_MARKS = re.compile(r"[\u0300-\u0323]")
_EDGE = "\"'“”‘’«»()[]{}<>.,;:!?…|/-–—*•→·`"
# a legal document cited by kind and number, as the law writes it: "Nghị định số 151/2025/NĐ-CP"
_CITATION = re.compile(
    r"\b(?:Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư(?: liên tịch)?|Quyết định|Công điện|Chỉ thị|Pháp lệnh)"
    r"(?: số)?\s+(?=[\w.]*\d)[\w./&-]*[A-ZĐ][\w./&-]*"
)
# a short quoted term: the wording an English message tells the officer to write ("toàn trình")
_QUOTED = re.compile(r"([\"“'‘])([^\"“”'‘’\n]{1,40})([\"”'’])")
# a quote of the catalog, a legal text or a rule's own example, whole or shortened with "…"
# (a terminal wraps long lines: a quote may span two)
_LONG_QUOTE = re.compile(r"(?<!\w)([\"“'‘])([^\"“”'‘’]{1,300})([\"”'’])(?!\w)")
# where a line holds separate things: list items joined by "; ", a position in brackets
_APART = re.compile(r"; |[()]")
_NUMBER = re.compile(r"(?<![\w/])\d+[a-z]?(?:/\d{4})?/[A-ZĐ][\w&]*(?:-[\w&]+)*")  # 06/QĐ-TTg, 151/2025/NĐ-CP
_CELL = re.compile(r"!(\$?[A-Z]{1,3}\$?\d+)")


def marked(token: str) -> bool:
    """Whether a word has a Vietnamese letter (a tone or vowel mark, or đ)."""
    return "đ" in token.lower() or bool(_MARKS.search(unicodedata.normalize("NFD", token)))


def _runs(line: str) -> Iterator[str]:
    """Stretches of Vietnamese words (an unmarked word between two marked ones belongs to them)."""
    tokens = line.split()
    i = 0
    while i < len(tokens):
        if not marked(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and (marked(tokens[j]) or (j + 1 < len(tokens) and marked(tokens[j + 1]))):
            j += 1 if marked(tokens[j]) else 2
        yield " ".join(tokens[i:j])
        i = j


def _in(corpus: str, text: str) -> bool:
    if " " in text:
        return text in corpus
    return re.search(rf"(?<!\w){re.escape(text)}(?!\w)", corpus) is not None


def leaks_in(text: str, corpus: str) -> list[str]:
    """The words tthc wrote in Vietnamese in one string (a line, a cell)."""
    found: list[str] = []
    text = _LONG_QUOTE.sub(
        lambda m: " " if _quotes(m.group(2), corpus) else m.group(0), unicodedata.normalize("NFC", text)
    )
    text = _NUMBER.sub(" ", _CITATION.sub(" ", text)).replace("|", " | ")
    text = _CELL.sub(r" \1", _QUOTED.sub(lambda m: " " if len(m.group(2).split()) <= 4 else m.group(0), text))
    for line in (part for whole in text.splitlines() for part in _APART.split(whole)):
        if not any(marked(w) for w in line.split()):
            continue
        if line.strip(_EDGE + " ") in corpus:
            continue
        for piece in _runs(line):
            piece = piece.strip(_EDGE)
            if not piece or piece in corpus:
                continue
            run: list[str] = []
            for w in [*piece.split(), ""]:
                if w and marked(w):
                    run.append(w)
                    continue
                stretch = " ".join(run).strip(_EDGE)
                if stretch and not _in(corpus, stretch):
                    found.append(stretch)
                run = []
    return found


def _quotes(inner: str, corpus: str) -> bool:
    """Whether a quote is the corpus's words: each part of it between "…" is in the corpus."""
    parts = [" ".join(p.split()).strip(_EDGE + " ") for p in inner.split("…")]
    return all(not p or p in corpus for p in parts) and any(parts)


def strings(output: str, kind: str) -> Iterable[str]:
    """The strings of an output: JSON strings, CSV cells, XML text/attributes, else the whole text."""
    if kind == "json":

        def walk(v: object) -> Iterator[str]:
            if isinstance(v, str):
                yield v
            elif isinstance(v, dict):
                for k, x in v.items():
                    if k == "vi" and isinstance(x, dict | str):
                        continue  # a message's Vietnamese, carried beside it on purpose ("text": {"vi": …})
                    yield str(k)
                    yield from walk(x)
            elif isinstance(v, list):
                for x in v:
                    yield from walk(x)

        return walk(json.loads(output))
    if kind == "csv":
        return (cell for row in csv.reader(io.StringIO(output)) for cell in row)
    if kind == "xml":
        import xml.etree.ElementTree as ET

        root = ET.fromstring(output)
        return [s for el in root.iter() for s in (el.text or "", el.tail or "", *el.attrib.values())]
    if kind == "github":  # ::error file=…,title=…::message, newlines as %0A
        return [
            part.replace("%0A", "\n").replace("%0D", "").replace("%25", "%")
            for line in output.splitlines()
            for part in re.split(r"::|,(?=\w+=)", line)
        ]
    return [output]  # leaks_in reads it line by line (a wrapped quote spans lines)


def leaks(output: str, corpus: str, kind: str = "text") -> list[str]:
    """The Vietnamese words of ``output`` that ``corpus`` does not contain (tthc's own words)."""
    return [leak for s in strings(output, kind) for leak in leaks_in(s, corpus)]
