"""atheris (libFuzzer) harness for the text path: bytes → reader → evaluate → JSON.

    python fuzz/fuzz_text.py -runs=30000 -seed=1  # what CI runs (tests/test_hostile.py)
    python fuzz/fuzz_text.py -max_total_time=3600 fuzz/corpus   # longer, on demand, keeping a corpus

Anything but the project's own documented errors (InputError and the other LawcheckError
subclasses) escaping is a finding; so is evidence pointing outside the text or a score outside
0-100.  The seed inputs are the real fixtures, so mutations start from real reports.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["lawcheck"]):
    import lawcheck
    from lawcheck.errors import LawcheckError
    from lawcheck.readers import read_document

PACK = lawcheck.load_pack()
SUFFIXES = [".txt", ".html", ".mhtml", ".docx", ".pdf", ".ofd"]


def one_input(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    body = data[1:]
    try:
        loaded = read_document("fuzz" + suffix, body)
    except LawcheckError:
        return
    text = loaded.text
    card = lawcheck.evaluate(text, rules=PACK)
    if card.score is not None and not 0 <= card.score <= 100:
        raise AssertionError(f"score {card.score}")
    for r in card.results:
        for ev in r.evidence:
            if not (0 <= ev.start <= ev.end <= len(text)) or text[ev.start:ev.end] != ev.text:
                raise AssertionError(f"{r.rule}: evidence {ev.start}-{ev.end} does not match the text")
    card.model_dump_json()


def main() -> None:
    args = list(sys.argv)
    # Seed with the real reports (as .txt) unless a corpus directory was given.
    if not any(Path(a).is_dir() for a in args[1:]):
        import tempfile

        seeds = Path(tempfile.mkdtemp(prefix="lawcheck-fuzz-"))  # libFuzzer adds what it finds here
        for p in sorted((Path(__file__).resolve().parent.parent / "fixtures").glob("*.txt")):
            (seeds / p.name).write_bytes(b"\0" + p.read_bytes()[:4000])
        args.append(str(seeds))
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
