"""Write tests/lifecycle/real_shapes.json: real catalog strings for the round-trip property test.

Usage: python tools/real_shapes.py [/work/shared/realdata]

Lines are taken byte for byte (no normalisation: NFD stays NFD) from the public crawl in
realdata/chatbot_tthc/bo-tu-phap/*.json (dichvucong.gov.vn detail pages, see SOURCES.md):
legal-basis lines (glued "…/NĐ-CPNghị định…" references, references without a number),
dossier lines, fee and time texts of the "cách thức thực hiện" table. A fixed seed picks
the same sample every time.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "lifecycle" / "real_shapes.json"
PER_KIND = 80
MAX_CHARS = 400


def main(realdata: Path) -> None:
    pages = sorted((realdata / "chatbot_tthc" / "bo-tu-phap").glob("*.json"))
    legal, documents, fees, times = set(), set(), set(), set()
    for page in pages:
        data = json.loads(page.read_text(encoding="utf-8"))
        for line in (data.get("can_cu_phap_ly") or "").split("\n"):
            if 10 < len(line) <= MAX_CHARS:
                legal.add(line.strip())
        for line in (data.get("thanh_phan_ho_so") or "").split("\n"):
            if 10 < len(line) <= MAX_CHARS:
                documents.add(line.strip())
        how = data.get("cach_thuc_thuc_hien") or ""
        for m in re.finditer(r"((?:Phí|Lệ phí)[^()]{0,120}?Đồng[^()]{0,60}|[\d.,]+ Việt Nam Đồng)", how):
            fees.add(m.group(1).strip())
        for m in re.finditer(r"(\d+ (?:Ngày làm việc|Ngày|Giờ|Tháng)[^.;()]{0,80})", how):
            times.add(m.group(1).strip())
    rng = random.Random(12)
    out = {
        "source": "chatbot-tthc/chatbot_tthc 7b79a320, scripts/crawler/data/raw/bo-tu-phap/*.json (tools/real_shapes.py)",
    }
    for name, found in (("legal", legal), ("documents", documents), ("fees", fees), ("times", times)):
        items = sorted(found)
        out[name] = sorted(rng.sample(items, min(PER_KIND, len(items))))
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(OUT, {k: len(v) for k, v in out.items() if isinstance(v, list)})


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/realdata"))
