"""Every output kind tthc writes, as a command line with OUT in the output's place (shared by tests)."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import CATALOGS

SMALL = CATALOGS / "xa-2026.yaml"  # 16 procedures: findings, fees, a site, a handbook


@dataclass(frozen=True)
class Kind:
    name: str
    args: tuple[str, ...]  # "{cat}", "{cat2}", "{dir}" and "{out}" are filled in by `argv`
    suffix: str
    readback: bool = False  # reads the output again (needs a regular file)

    def argv(self, work: Path, out: Path) -> list[str]:
        fill = {"{cat}": str(work / "catalogs" / SMALL.name), "{cat2}": str(work / "v2.yaml"), "{out}": str(out)}
        fill["{dir}"] = str(work / "catalogs")
        return [fill.get(a, a) for a in self.args]


KINDS = [
    Kind("check-json", ("check", "{cat}", "-f", "json", "-o", "{out}"), ".json"),
    Kind("check-text", ("check", "{cat}", "-o", "{out}"), ".txt"),
    Kind("check-sarif", ("check", "{cat}", "-f", "sarif", "-o", "{out}"), ".sarif"),
    Kind("check-csv", ("check", "{cat}", "-f", "csv", "-o", "{out}"), ".csv"),
    Kind("cost-csv", ("cost", "{cat}", "-f", "csv", "-o", "{out}"), ".csv"),
    Kind("baseline", ("baseline", "create", "{cat}", "-o", "{out}"), ".json"),
    Kind("schema", ("schema", "-o", "{out}"), ".json"),
    Kind("recommend-docx", ("recommend", "{cat}", "-o", "{out}"), ".docx"),
    Kind("recommend-xlsx", ("recommend", "{cat}", "-o", "{out}"), ".xlsx"),
    Kind("recommend-md", ("recommend", "{cat}", "-o", "{out}"), ".md"),
    Kind("handbook", ("handbook", "{cat}", "-o", "{out}"), ".docx"),
    Kind("stats-chart", ("stats", "{cat}", "--chart", "{out}"), ".png"),
    Kind("diff-docx", ("diff", "{cat}", "{cat2}", "-o", "{out}"), ".docx"),
    Kind("diff-xlsx", ("diff", "{cat}", "{cat2}", "-o", "{out}"), ".xlsx"),
    Kind("merge", ("merge", "{cat}", "{cat2}", "-o", "{out}", "--force"), ".yaml"),
    Kind("convert-yaml", ("convert", "{cat}", "{out}", "--force"), ".yaml", readback=True),
    Kind("convert-xlsx", ("convert", "{cat}", "{out}", "--force"), ".xlsx", readback=True),
    Kind("template", ("template", "{out}", "--force"), ".xlsx"),
]
BY_NAME = {k.name: k for k in KINDS}
SITE = ("publish", "{dir}", "-o", "{out}")


def workspace(root: Path) -> Path:
    """A folder with catalogs/xa-2026.yaml and a second version v2.yaml (one procedure renamed)."""
    (root / "catalogs").mkdir(parents=True, exist_ok=True)
    shutil.copy(SMALL, root / "catalogs" / SMALL.name)
    text = SMALL.read_text(encoding="utf-8")
    first = text.index("    name: ") + len("    name: ")
    (root / "v2.yaml").write_text(text[:first] + "Đổi tên " + text[first:], encoding="utf-8")
    return root


TEMP = re.compile(r"\.tthc-\d+-")  # the writer's temp files: .NAME.tthc-PID-XXXX.tmp / .old


def temp_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if TEMP.search(p.name))
