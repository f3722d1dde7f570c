"""Load a rule pack directory: YAML with line marks, strict validation, readable errors, a disk cache.

Rule files are YAML (safe loader only): block scalars keep multi-line Chinese
examples readable, comments explain a rule in place, and the parser's marks give
every error a ``file:line:col``.  Validating a pack (and deriving its near-miss
terms with jieba) happens once per pack content; the result is cached as JSON
keyed by the hash of every file in the pack.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import pickle
import re
import tempfile
import time
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from lawcheck import __version__
from lawcheck.errors import Msg, RuleFileError
from lawcheck.spec import RULE_ADAPTER, RULE_MODELS, Manifest, Policy

RULE_SUFFIX = ".yaml"
META_FILES = {"pack.yaml", "policy.yaml"}
Marks = dict[tuple, tuple[int, int]]


def _yaml_loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        """Safe loader that keeps dates as strings (a rule's dates are data, not objects)."""

    Loader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in base.yaml_implicit_resolvers.items()
    }
    return Loader


def read_yaml(path: Path, display: str) -> tuple[Any, Marks, list[str]]:
    """Parse one YAML file; return the data, a map from key path to (line, col), and the lines."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RuleFileError(display, Msg("read", err=e)) from None
    lines = text.splitlines()
    loader_cls = _yaml_loader()
    try:
        node = yaml.compose(text, Loader=loader_cls)
        data = yaml.load(text, Loader=loader_cls)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        src = lines[line - 1] if line and line <= len(lines) else None
        raise RuleFileError(display, Msg("yaml_syntax", problem=e.problem or e.context), line, col,
                            source_line=src) from None
    except yaml.YAMLError as e:
        raise RuleFileError(display, Msg("yaml", err=e)) from None
    marks: Marks = {}
    if node is not None:
        _marks(node, (), marks, display, lines)
    return data, marks, lines


def _marks(node: Any, path: tuple, out: Marks, display: str, lines: list[str]) -> None:
    import yaml

    out.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))  # keys keep their own mark
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for k, v in node.value:
            key = k.value
            if key in seen:
                ln = k.start_mark.line + 1
                raise RuleFileError(display, Msg("dup_key", key=key), ln, k.start_mark.column + 1,
                                    source_line=lines[ln - 1])
            seen.add(key)
            out[(*path, key)] = (k.start_mark.line + 1, k.start_mark.column + 1)
            _marks(v, (*path, key), out, display, lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _marks(v, (*path, i), out, display, lines)


class _FileCtx:
    """Where errors in one file point."""

    def __init__(self, display: str, marks: Marks, lines: list[str]) -> None:
        self.display, self.marks, self.lines = display, marks, lines

    def error(self, path: tuple, problem: str | Msg, allowed: Iterable[str] | None = None) -> RuleFileError:
        p = tuple(path)
        while p not in self.marks and p:
            p = p[:-1]
        line, col = self.marks.get(p, (None, None))
        src = self.lines[line - 1] if line and line <= len(self.lines) else None
        return RuleFileError(self.display, problem, line, col, sorted(allowed) if allowed else None, src)


def _field_keys(cls: type[BaseModel]) -> dict[str, str]:
    """Accepted key → field name."""
    return {(f.alias or name): name for name, f in cls.model_fields.items()}


def _submodels(ann: Any) -> list[type[BaseModel]]:
    out: list[type[BaseModel]] = []
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return [ann]
    for arg in typing.get_args(ann):
        out.extend(_submodels(arg))
    return out


def check_keys(cls: type[BaseModel], data: Any, path: tuple, ctx: _FileCtx) -> None:
    """Unknown keys are errors, with the allowed keys and a did-you-mean."""
    if not isinstance(data, dict):
        return
    keys = _field_keys(cls)
    for key, value in data.items():
        if key not in keys:
            near = difflib.get_close_matches(str(key), list(keys), n=1)
            hint = Msg("did_you_mean", near=near[0]) if near else ""
            raise ctx.error((*path, key), Msg("unknown_key", key=key, hint=hint), keys)
        ann = cls.model_fields[keys[key]].annotation
        subs = _submodels(ann)
        if not subs:
            continue
        if typing.get_origin(ann) is dict and isinstance(value, dict):  # keys are names; values are models
            for name, item in value.items():
                check_keys(subs[0], item, (*path, key, name), ctx)
            continue
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            sub_path = (*path, key, i) if isinstance(value, list) else (*path, key)
            if isinstance(item, dict):
                check_keys(subs[0], item, sub_path, ctx)


def _validate(cls: type[BaseModel], data: Any, ctx: _FileCtx, adapter: TypeAdapter | None = None) -> Any:
    """Unknown keys first (with a did-you-mean), then pydantic; errors become RuleFileError."""
    check_keys(cls, data, (), ctx)
    try:
        return adapter.validate_python(data) if adapter else cls.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        loc = tuple(x for x in err["loc"] if not (isinstance(x, str) and x in RULE_MODELS and x == err["loc"][0]))
        expected = (err.get("ctx") or {}).get("expected")
        what = ".".join(str(x) for x in loc) or "file"
        raise ctx.error(loc, Msg("invalid", what=what, msg=err["msg"]), [expected] if expected else None) from None


def _expand_lists(data: Any, lists: dict[str, list[str]], path: tuple, ctx: _FileCtx) -> Any:
    """Replace "@name" items of any string list by the pack's shared vocabulary list."""
    if isinstance(data, dict):
        return {k: _expand_lists(v, lists, (*path, k), ctx) for k, v in data.items()}
    if isinstance(data, list):
        out: list[Any] = []
        for i, item in enumerate(data):
            if isinstance(item, str) and item.startswith("@"):
                name = item[1:]
                if name not in lists:
                    raise ctx.error((*path, i), Msg("unknown_list", item=item), ["@" + n for n in lists])
                out.extend(lists[name])
            else:
                out.append(_expand_lists(item, lists, (*path, i), ctx))
        return out
    return data


def rule_id_for(path: Path, root: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    return ".".join(rel.parts)


def rule_files(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*" + RULE_SUFFIX)
        if p.name not in META_FILES and not any(part.startswith(("_", ".")) for part in p.relative_to(root).parts)
    )


def packs_digest(roots: list[Path], extra: list[Path] | tuple = ()) -> str:
    h = hashlib.sha256()
    for r in [*roots, *extra]:
        h.update(pack_digest(r).encode())
    return h.hexdigest()


def packs_stamp(roots: list[Path], extra: list[Path] | tuple = ()) -> tuple | None:
    """Each pack file's path, size, mtime, ctime and inode: what changes when a file is edited, read with
    a directory walk and no file contents (0.1 ms, where hashing the contents costs 1 ms).

    None when a file changed in the last two seconds: timestamps are coarser than that on some
    file systems, so a second edit of the same size could keep the stamp ("racy git"); the caller
    then hashes the contents.
    """
    out = []
    recent = time.time_ns() - 2_000_000_000
    for root in [*roots, *extra]:
        stack = [str(root)]
        while stack:
            d = stack.pop()
            try:
                with os.scandir(d) as entries:
                    for e in entries:
                        if e.is_dir():
                            if e.name != "_packs":
                                stack.append(e.path)
                        elif e.name.endswith((".yaml", ".txt")):
                            st = e.stat()
                            if st.st_mtime_ns > recent:
                                return None
                            out.append((e.path, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
            except OSError:
                return None
    return tuple(sorted(out))


def pack_digest(root: Path) -> str:
    """Content hash of a pack, and of the code that compiles packs: either changing rebuilds the cache."""
    h = hashlib.sha256(__version__.encode())
    here = Path(__file__).resolve().parent
    for name in ("spec.py", "loader.py", "pack.py"):
        h.update((here / name).read_bytes())
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in (".yaml", ".txt") and "_packs" not in p.relative_to(root).parts:
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def resolve_pack(ref: str | Path, relative_to: Path | None = None) -> Path:
    """A pack by name (core, shaanxi, shenzhen, or a plugin's) or by directory."""
    from lawcheck.pack import builtin_pack_names, builtin_rules_dir, plugin_packs

    text = str(ref)
    for cand in ([relative_to / text] if relative_to else []) + [Path(text)]:
        if (cand / "pack.yaml").is_file():
            return cand.resolve()
    builtin = builtin_rules_dir()
    if text == "core":
        return builtin
    if (builtin / "_packs" / text / "pack.yaml").is_file():
        return (builtin / "_packs" / text).resolve()
    plugins = plugin_packs()
    if text in plugins:
        return plugins[text]
    if Path(text).is_dir():
        raise RuleFileError(text, Msg("not_pack"))
    raise RuleFileError(text, Msg("no_pack", name=text), [*builtin_pack_names(), *sorted(plugins)])


_EXTENDS = re.compile(
    r"""^extends:[ \t]*(?:"([^"\\\n]*)"|'([^'\n]*)'|([^\s"'#\[\]{}&*!|>%@`][^#\n]*?))[ \t]*(?:#.*)?$""", re.M
)


def _extends(path: Path) -> str | None:
    """The pack a pack.yaml extends.  The plain forms are read without the YAML parser, which
    the cached path would otherwise import just for this (~10-25 ms of every cold start)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = None
    heads = len(re.findall(r"^extends\b", text, re.M)) if text is not None else None
    if heads == 0:
        return None
    m = _EXTENDS.search(text) if heads == 1 else None  # type: ignore[arg-type]
    if m:
        quoted = m.group(1) if m.group(1) is not None else m.group(2)
        if quoted is not None:
            return quoted or None
        value = m.group(3).strip()
        return None if value in ("~", "null", "Null", "NULL") else value
    data, _, _ = read_yaml(path, str(path))
    value = data.get("extends") if isinstance(data, dict) else None
    return str(value) if value else None


def pack_chain(root: Path) -> list[Path]:
    """The pack and everything it extends, base first."""
    chain: list[Path] = []
    current: Path | None = root
    while current is not None:
        if current in chain:
            names = " → ".join(p.name for p in [*chain, current])
            raise RuleFileError(str(root / "pack.yaml"), Msg("pack_cycle", chain=names))
        chain.append(current)
        parent = _extends(current / "pack.yaml")
        current = resolve_pack(parent, current) if parent else None
    return list(reversed(chain))


def load_sources(root: Path) -> dict[str, Any]:
    """Read and validate one pack directory (no inheritance).  Plain data for ``compose``."""
    if not (root / "pack.yaml").is_file():
        raise RuleFileError(str(root), Msg("not_pack"))
    return compose([root])


def compose(roots: list[Path], extra: list[Path] | tuple = ()) -> dict[str, Any]:
    """Validate packs in order (each on top of those before it) and merge them.

    A later pack adds its rules, changes inherited ones (``overrides``), leaves some out
    (``disable``), adds vocabulary lists (same name: its own wins) and may bring its own policy.
    """
    manifest: Manifest | None = None
    policy: Policy | None = None
    rules: list = []
    chain: list[tuple[str, str]] = []
    userdict = ""
    for root in roots:
        if not (root / "pack.yaml").is_file():
            raise RuleFileError(str(root), Msg("not_pack"))
        own: Manifest = _validate_file(Manifest, root / "pack.yaml")
        manifest = _merge_manifests(manifest, own)
        chain.append((own.id, own.version))
        if (root / "policy.yaml").is_file():
            policy = _validate_file(Policy, root / "policy.yaml")
        known = {r.id for r in rules}
        for what, ids in (("what_override", list(own.overrides)), ("what_disable", own.disable)):
            missing = [i for i in ids if i not in known]
            if missing:
                raise RuleFileError(str(root / "pack.yaml"), Msg("pack_unknown_rule", what=Msg(what),
                                                                 ids=", ".join(missing)))
        rules = [r for r in rules if r.id not in set(own.disable)]
        rules = [r.model_copy(update={k: v for k, v in own.overrides[r.id].model_dump().items() if v is not None})
                 if r.id in own.overrides else r for r in rules]
        seen = {name: "inherited" for r in rules for name in (r.id, *r.aliases)}
        rules.extend(load_rule_files(root, manifest, seen))
        if (root / "userdict.txt").is_file():
            userdict += (root / "userdict.txt").read_text(encoding="utf-8") + "\n"
    assert manifest is not None
    if manifest.negation is None or manifest.future is None or policy is None:
        raise RuleFileError(str(roots[-1] / "pack.yaml"), Msg("pack_no_cues"))
    seen = {name: "pack" for r in rules for name in (r.id, *r.aliases)}
    for d in extra:
        rules.extend(load_rule_files(d, manifest, seen))
    return {"manifest": manifest, "policy": policy, "rules": rules, "userdict": userdict, "chain": chain}


def _merge_manifests(base: Manifest | None, own: Manifest) -> Manifest:
    if base is None:
        return own
    sources = [*base.sources, *(s for s in own.sources if s.id not in {b.id for b in base.sources})]
    categories = [*base.categories, *(c for c in own.categories if c not in base.categories)]
    return own.model_copy(update={
        "sources": sources,
        "categories": categories,
        "lists": {**base.lists, **own.lists},
        "negation": own.negation or base.negation,
        "future": own.future or base.future,
        "era": [*base.era, *(f for f in own.era if f.id not in {b.id for b in base.era})],
    })


def _validate_file(cls: type[BaseModel], path: Path) -> Any:
    data, marks, lines = read_yaml(path, str(path))
    return _validate(cls, data, _FileCtx(str(path), marks, lines))


def load_rule_files(root: Path, manifest: Manifest, seen: dict[str, str]) -> list:
    """Validate every rule file under ``root`` against the pack's vocabulary.

    ``seen`` maps ids and aliases already taken to the file that took them; it is updated.
    """
    rules = []
    for path in rule_files(root):
        display = str(path)
        data, marks, lines = read_yaml(path, display)
        ctx = _FileCtx(display, marks, lines)
        if not isinstance(data, dict):
            raise ctx.error((), Msg("not_mapping"))
        kind = data.get("kind")
        if kind not in RULE_MODELS:
            problem = Msg("unknown_kind", kind=repr(kind)) if kind else Msg("missing_kind")
            raise ctx.error(("kind",), problem, RULE_MODELS)
        expected = rule_id_for(path, root)
        if data.get("id") != expected:
            raise ctx.error(("id",), Msg("id_path", id=repr(data.get("id")), expected=expected))
        data = _expand_lists(data, manifest.lists, (), ctx)
        # Keys are checked against the kind's model; the rule is validated through the
        # discriminated union, as the JSON Schema describes it.
        rule = _validate(RULE_MODELS[kind], data, ctx, RULE_ADAPTER)
        for name in [rule.id, *rule.aliases]:
            if name in seen:
                raise ctx.error(("id",), Msg("id_taken", name=name, by=seen[name]))
            seen[name] = display
        rules.append(rule)
    return rules


def cache_dir() -> Path | None:
    env = os.environ.get("LAWCHECK_CACHE_DIR")
    if env == "":
        return None
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lawcheck"


def cache_read(digest: str) -> object | None:
    """The compiled pack cached under ``digest``, or None.

    Pickled, not JSON: unpickling the validated rule models skips pydantic's schema build and
    validation (~40 ms of every cold start).  Only a file this user owns and no one else can write
    is trusted, so another account cannot plant code in the cache; anything unreadable is rebuilt by the caller.
    """
    d = cache_dir()
    if d is None:
        return None
    path = d / f"pack-{digest}.pickle"
    try:
        st = path.stat()
        if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o022):
            return None  # another account's file, or one that others could have rewritten
        return pickle.loads(path.read_bytes())
    except Exception:
        return None


def cache_write(digest: str, payload: object) -> None:
    d = cache_dir()
    if d is None:
        return
    try:
        d.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=d, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, d / f"pack-{digest}.pickle")
    except (OSError, pickle.PicklingError):
        pass  # a read-only home must not stop a check
