"""Traditional Chinese: recognise it, and give the matcher a simplified view with the same offsets.

Reports from some places (or copied through Hong Kong, Macao and Taiwan sites) arrive in
traditional characters.  The rules' phrases are simplified, so such a report is matched through a
character-for-character simplified view: one code point for one, so every offset into the view is
an offset into the original text.  The mapping is OpenCC's character table (TSCharacters, Apache
2.0), read from the opencc-python-reimplemented package the first time a traditional text is seen;
simplified texts never load it.
"""

from __future__ import annotations

from functools import lru_cache

from lawcheck import rx

# Very common characters that exist only in traditional writing (their simplified forms differ):
# a cheap first test, so that a simplified report never pays for the full table.
_COMMON_TRADITIONAL = (
    "們個來時會國說對這經過還為與發動學關現實點後體員區縣執權報決審議務應職責設開問題進總導鄉鎮機構規"
    "範監檢參與諮詢風險評討論訴訟調處糾紛熱線辦幹門環衛營產業農業資訊網絡數據統計財務稅費預專項級長處領"
)
_PROBE = rx.compile(f"[{_COMMON_TRADITIONAL}]")
_CJK = rx.compile(r"[\u4e00-\u9fff]")
# At least this share of the CJK characters are traditional-only: a traditional text.  Simplified
# reports quoting a traditional name stay far below it.
_SHARE = 0.05
_MIN_PROBES = 8


def detect(text: str) -> str:
    """``traditional`` or ``simplified`` (the default, also for texts with no Chinese at all)."""
    probes = len(_PROBE.findall(text))
    if probes < _MIN_PROBES:
        return "simplified"
    cjk = len(_CJK.findall(text)) or 1
    table = simplify_table()
    if table is None:  # the table is unavailable: decide by the common characters alone
        return "traditional" if probes / cjk >= _SHARE / 4 else "simplified"
    traditional = sum(1 for ch in text if ord(ch) in table)
    return "traditional" if traditional / cjk >= _SHARE else "simplified"


@lru_cache(maxsize=1)
def simplify_table() -> dict[int, str] | None:
    """str.translate table: traditional-only character → its simplified form (one for one)."""
    try:
        from importlib.resources import files

        ts = files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
        st = files("opencc").joinpath("dictionary", "STCharacters.txt").read_text(encoding="utf-8")
    except (ImportError, ModuleNotFoundError, OSError):
        return None
    # A character that is itself a simplified form (著, 乾, 後…) is left alone: mapping it would
    # change correct simplified text that happens to sit in a traditional report.
    simplified_forms = {line.split("\t", 1)[0] for line in st.splitlines() if "\t" in line}
    table: dict[int, str] = {}
    for line in ts.splitlines():
        if "\t" not in line:
            continue
        trad, simp = line.split("\t", 1)
        simp = simp.split()[0] if simp.split() else ""
        if len(trad) == 1 and len(simp) == 1 and trad != simp and trad not in simplified_forms:
            table[ord(trad)] = simp
    return table
