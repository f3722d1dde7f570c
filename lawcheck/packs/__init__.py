"""Rule packs: found (``discover``), read and validated (``read``), compiled (``compile``), cached (``cache``).

    from lawcheck.packs import load_pack
    pack = load_pack()                    # the built-in statutory pack
    pack = load_pack(packs=["shaanxi"])   # a regional overlay, with the core it extends
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from lawcheck.errors import Msg, RuleFileError, UsageError
from lawcheck.kinds import RULE_MODELS
from lawcheck.packs import cache
from lawcheck.packs.cache import PACKS, PackCache
from lawcheck.packs.compile import RulePack, derive_hints, rule_order
from lawcheck.packs.discover import builtin_pack_names, builtin_rules_dir, pack_chain, plugin_packs, resolve_pack
from lawcheck.packs.models import Catalogue, Manifest, Policy

_RULE_TYPES = tuple(RULE_MODELS.values())
_CACHE_FORMAT = 6  # 6: the words each regular expression begins with (issue 18)


def load_pack(
    path: str | Path | None = None,
    *,
    packs: list[str | Path] | tuple = (),
    extra: list[str | Path] | tuple = (),
    disable: list[str] | tuple = (),
) -> RulePack:
    """Load (or reuse) rule packs: ``path`` or ``packs`` by name (core, shaanxi, shenzhen, a plugin's)
    or directory, each with everything it extends; the default is the built-in statutory pack.

    ``extra`` are directories of more rule files (ids from their paths under each directory,
    using the pack's vocabulary); ``disable`` lists rule ids to leave out.
    """
    refs = [path] if path is not None else list(packs) or ["core"]
    roots: list[Path] = []
    for ref in refs:
        for root in pack_chain(resolve_pack(ref)):
            if root not in roots:
                roots.append(root)
    extra_roots = [Path(p).resolve() for p in extra]
    for d in extra_roots:
        if not d.is_dir():  # a folder named that is not there: the command's error (2), as a pack not found
            raise UsageError(Msg("no_extra_dir", path=str(d)))
    try:
        digest = PACKS.digest(roots, extra_roots)
    except OSError as e:  # a pack file that cannot be read (permissions, a FIFO): the pack's error
        raise RuleFileError(str(getattr(e, "filename", None) or roots[-1]), Msg("read", err=e)) from None
    key = (tuple(map(str, roots)), digest, tuple(map(str, extra_roots)), tuple(disable))
    pack = PACKS.get(key)
    if pack is not None:
        return pack
    builtin = builtin_rules_dir().resolve()
    # Made of the built-in packs alone: known before the pack is built, which folds their patterns' words in.
    trusted = not extra_roots and all(root.resolve().is_relative_to(builtin) for root in roots)
    pack = _from_disk(roots[-1], digest, trusted)
    if pack is None:
        from lawcheck.packs.read import compose  # YAML and validation: only when the cache cannot serve

        with cache.recording() as read:
            src = compose(roots, extra_roots)
        # Cached under the digest of what was compiled: a rule file edited meanwhile is not served
        # later for its old content.
        compiled = _digest_of(roots, extra_roots, read)
        if compiled != digest:
            key = (tuple(map(str, roots)), compiled, tuple(map(str, extra_roots)), tuple(disable))
        rules = sorted(src.rules, key=rule_order(src.manifest))
        hints = derive_hints(rules, src.userdict)
        pack = RulePack(roots[-1], compiled, src.manifest, src.policy, tuple(rules), hints, chain=tuple(src.chain),
                        indicators=src.catalogue, userdict=src.userdict, trusted=trusted)
        cache.cache_write(compiled, _payload(pack))
    if disable:
        known = {name for r in pack.rules for name in (r.id, *r.aliases)}
        unknown = [d for d in disable if d not in known]
        if unknown:
            import difflib

            near = difflib.get_close_matches(unknown[0], sorted(known), n=1, cutoff=0.6)
            raise UsageError(Msg("disable_unknown", ids=", ".join(unknown),
                                 hint=Msg("did_you_mean", near=near[0]) if near else ""))
        off = set(disable)
        pack = pack.only([r.id for r in pack.rules if r.id not in off and not off & set(r.aliases)])
    PACKS.put(key, pack)
    return pack


# ``evaluate(text)`` without a pack: the built-in pack, its files looked at again at most once a second.  A
# directory walk and a stat of each rule file on every call cost 7% of checking a report (issue 18); a rule
# file edited while a process runs is seen within the second.
DEFAULT_RECHECK_SECONDS = 1.0
_default: tuple[float, RulePack] | None = None
_LOADING = threading.Lock()


def default_pack() -> RulePack:
    """The built-in pack, as ``load_pack()`` gives it, looked up again when a second has passed."""
    global _default
    now = time.monotonic()
    held = _default
    if held is not None and now - held[0] < DEFAULT_RECHECK_SECONDS:
        return held[1]
    with _LOADING:  # threads starting together build it once, not once each (and never race its cache file)
        held = _default
        if held is not None and time.monotonic() - held[0] < DEFAULT_RECHECK_SECONDS:
            return held[1]
        pack = load_pack()
        _default = (now, pack)
        return pack


def _digest_of(roots: list[Path], extra: list[Path], read: dict[str, bytes] | None = None) -> str:
    try:
        return cache.packs_digest(roots, extra, read)
    except OSError as e:  # a pack file that cannot be read (permissions, a FIFO): the pack's error
        raise RuleFileError(str(getattr(e, "filename", None) or roots[-1]), Msg("read", err=e)) from None


def _payload(pack: RulePack) -> dict[str, Any]:
    return {"format": _CACHE_FORMAT, "manifest": pack.manifest, "policy": pack.policy, "rules": pack.rules,
            "hints": pack.hints, "chain": pack.chain, "normed": pack.phrase_forms(), "entries": pack.entry_forms(),
            "indicators": pack.indicators, "userdict": pack.userdict}


def _words(v: object) -> bool:
    """None, or a tuple of non-empty strings: the words a cached pattern begins with."""
    return v is None or (isinstance(v, tuple) and all(isinstance(w, str) and w for w in v))


def _from_disk(root: Path, digest: str, trusted: bool) -> RulePack | None:
    """The pack compiled before, from the disk cache; None when absent, stale or not ours."""
    data = cache.cache_read(digest)
    if data is None:
        return None
    try:
        if not isinstance(data, dict) or data.get("format") != _CACHE_FORMAT:
            return None
        if not (isinstance(data["manifest"], Manifest) and isinstance(data["policy"], Policy)
                and isinstance(data["indicators"], Catalogue)):
            return None
        rules = tuple(data["rules"])
        if not all(isinstance(r, _RULE_TYPES) for r in rules):
            return None
        normed = data["normed"]
        if not (isinstance(normed, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in normed.items())):
            return None
        if not isinstance(data["userdict"], str):
            return None
        entries = data["entries"]
        if not (isinstance(entries, dict) and all(isinstance(k, str) and _words(v) for k, v in entries.items())):
            return None
        return RulePack(root, digest, data["manifest"], data["policy"], rules, dict(data["hints"]),
                        chain=tuple(tuple(c) for c in data["chain"]), indicators=data["indicators"], _normed=normed,
                        userdict=data["userdict"], _entries=entries, trusted=trusted)
    except Exception:  # a stale or foreign cache file is rebuilt, never trusted
        return None


__all__ = ["PACKS", "PackCache", "RulePack", "builtin_pack_names", "builtin_rules_dir", "default_pack", "load_pack",
           "plugin_packs", "resolve_pack"]
