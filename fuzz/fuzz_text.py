"""atheris (libFuzzer) harness for every input path: bytes → reader (by format) → evaluate → every output.

    python fuzz/fuzz_text.py -runs=20000 -seed=1           # what CI runs (tests/test_hostile.py)
    python fuzz/fuzz_text.py -max_total_time=3600 fuzz/corpus   # an hour, keeping what it finds

The first byte picks the format (.txt .html .mhtml .docx .pdf .ofd); the rest is the file.  Seeds are
real reports in every format (made from the fixtures), so mutations start from real documents.

A finding is anything but the project's own documented errors (``LawcheckError``) escaping, evidence
pointing outside the text, a score outside 0–100, or an output that cannot be written.  Fuzzing goes
on past a finding: each distinct one (exception type and the last lawcheck frame) is printed once, on a
line starting "FINDING", and its input saved under ``fuzz/findings/`` (the test fails on any FINDING
line; libFuzzer ends the process itself, so the exit code does not say).  libFuzzer's "cov:" is the number
of code edges reached in lawcheck (the whole package is instrumented: every module is imported inside
the instrumented block, the lazy ones too).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import pkgutil
import sys
import traceback
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SUFFIXES = [".txt", ".html", ".mhtml", ".docx", ".pdf", ".ofd"]

with atheris.instrument_imports(include=["lawcheck"]):
    import lawcheck

    # Every module of the package, imported now so that it is instrumented: lawcheck imports most of
    # them lazily (readers, kinds, renderers), which would leave them outside the coverage map.
    for mod in pkgutil.walk_packages(lawcheck.__path__, "lawcheck."):
        if mod.name.endswith(("__main__", ".dask")):
            continue
        with contextlib.suppress(ImportError):  # an optional extra that is not installed
            importlib.import_module(mod.name)
    from lawcheck.errors import LawcheckError
    from lawcheck.model import Record
    from lawcheck.readers import read_document
    from lawcheck.render import Context, module

PACK = lawcheck.load_pack()
FORMATS = [module(name) for name in ("json", "text", "markdown", "csv", "junit", "html")]
FINDINGS = HERE / "findings"
_seen: dict[str, int] = {}


def check(data: bytes) -> None:
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    try:
        loaded = read_document("fuzz" + suffix, data[1:])
    except LawcheckError:
        return
    text = loaded.text
    card = lawcheck.evaluate(text, rules=PACK, title=loaded.meta.get("title"))
    if card.score is not None and not 0 <= card.score <= 100:
        raise AssertionError(f"score {card.score}")
    for r in card.results:
        for ev in r.evidence:
            if not (0 <= ev.start <= ev.end <= len(text)) or text[ev.start:ev.end] != ev.text:
                raise AssertionError(f"{r.rule}: evidence {ev.start}-{ev.end} does not match the text")
            if any(not (ev.start <= s < e <= ev.end) for s, e in ev.marks):
                raise AssertionError(f"{r.rule}: a mark outside its quote")
    card.model_dump_json()
    rec = Record(path="fuzz" + suffix, card=card, text=text)
    for fmt in FORMATS:
        fmt.render([rec], Context(lang="zh"))


def one_input(data: bytes) -> None:
    if not data:
        return
    try:
        check(data)
    except Exception as e:  # a finding: record it once, keep fuzzing
        frames = [f for f in traceback.extract_tb(e.__traceback__) if "/lawcheck/" in f.filename]
        where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
        key = f"{type(e).__name__} at {where}"
        if key not in _seen:
            _seen[key] = 0
            FINDINGS.mkdir(exist_ok=True)
            name = FINDINGS / f"crash-{hashlib.sha1(key.encode()).hexdigest()[:12]}"
            name.write_bytes(data)
            print(f"\nFINDING {key}: {e!r:.300} (input saved as {name})", file=sys.stderr, flush=True)
        _seen[key] += 1


def seeds(folder: Path | None = None) -> Path:
    """A folder of seed inputs (fresh, or ``folder``): each fixture as .txt, and (with the test helpers'
    libraries) as .html, .docx, .pdf and .ofd — a first byte that picks the format, then the file."""
    import tempfile

    folder = folder or Path(tempfile.mkdtemp(prefix="lawcheck-fuzz-"))  # libFuzzer adds what it finds here
    sys.path.insert(0, str(ROOT))
    makers = {}
    try:
        from tests.helpers import make_docs

        makers = {".html": make_docs.make_html, ".docx": make_docs.make_docx, ".pdf": make_docs.make_pdf,
                  ".ofd": make_docs.make_ofd}
    except ImportError:  # outside a checkout: text seeds only
        pass
    for p in sorted((ROOT / "fixtures").glob("*.txt")):
        text = p.read_text(encoding="utf-8")[:3000]
        (folder / f"{p.stem}.txt").write_bytes(bytes([SUFFIXES.index(".txt")]) + text.encode("utf-8"))
        for suffix, make in makers.items():
            try:
                (folder / f"{p.stem}{suffix}").write_bytes(bytes([SUFFIXES.index(suffix)]) + make(text))
            except Exception:  # a missing optional library: that format is not seeded
                continue
    return folder


def main() -> None:
    args = list(sys.argv)
    corpora = [Path(a) for a in args[1:] if not a.startswith("-") and Path(a).is_dir()]
    if not corpora:
        args.append(str(seeds()))
    elif not any(corpora[0].iterdir()):  # a new corpus folder starts from the seeds
        seeds(corpora[0])
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
