"""Read a pack directory: YAML with line marks, strict validation against the kinds' models, readable
errors (``file:line:col``, the allowed keys, a did-you-mean), and the merge of a pack over what it extends.

Rule files are YAML (safe loader only): block scalars keep multi-line Chinese examples readable,
comments explain a rule in place, and the parser's marks give every error a place.
"""

from __future__ import annotations

import difflib
import os
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from lawcheck.errors import Msg, RuleFileError, pydantic_zh
from lawcheck.kinds import RULE_ADAPTER, RULE_MODELS
from lawcheck.packs.cache import read_pack_file
from lawcheck.packs.models import Catalogue, Manifest, Policy

RULE_SUFFIX = ".yaml"
META_FILES = {"pack.yaml", "policy.yaml", "indicators.yaml"}
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


def read_yaml(path: Path, display: str, root: Path | None = None) -> tuple[Any, Marks, list[str]]:
    """Parse one YAML file; return the data, a map from key path to (line, col), and the lines.

    A file that is a link to somewhere outside its pack ``root`` is refused before it is read: a pack must
    not make lawcheck print (or parse) a file it points at, a key or a password file."""
    import yaml

    if root is not None and not _inside(path, root):
        raise RuleFileError(display, Msg("outside_pack"))
    try:
        text = read_pack_file(path).decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RuleFileError(display, Msg("read", err=e)) from None
    lines = text.splitlines()
    loader_cls = _yaml_loader()
    try:
        node = yaml.compose(text, Loader=loader_cls)
        if node is not None and _expanded_size(node) > _MAX_NODES:
            # Aliases are references when parsed, copies when validated: a kilobyte of nested
            # aliases ("billion laughs") would expand to gigabytes.
            raise RuleFileError(display, Msg("yaml_aliases", limit=_MAX_NODES))
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


_MAX_NODES = 200_000  # the largest built-in rule file has under 2,000 nodes


def _expanded_size(node: Any) -> int:
    """How many nodes the document has once every alias is expanded (each shared node counted as often
    as it is referred to), worked out once per node."""
    import yaml

    sizes: dict[int, int] = {}
    open_: set[int] = set()  # on the current path: met again, it is a recursive alias
    stack: list[tuple[Any, bool]] = [(node, False)]
    while stack:
        n, done = stack.pop()
        if id(n) in sizes:
            continue
        if isinstance(n, yaml.SequenceNode):
            children = n.value
        elif isinstance(n, yaml.MappingNode):
            children = [x for pair in n.value for x in pair]
        else:
            sizes[id(n)] = 1
            continue
        if done:
            open_.discard(id(n))
            sizes[id(n)] = min(1 + sum(sizes[id(c)] for c in children), _MAX_NODES + 1)
            continue
        if id(n) in open_:
            return _MAX_NODES + 1  # a node that contains itself never ends when expanded
        open_.add(id(n))
        stack.append((n, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(node)]


def _inside(path: Path, root: Path) -> bool:
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(root))
    except OSError:
        return False


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
        problem = Msg("bilingual", zh=pydantic_zh(err), en=err["msg"])
        # A choice among literals names them in the message itself.
        allowed = [expected] if expected and err["type"] != "literal_error" else None
        raise ctx.error(loc, Msg("invalid", what=what, msg=problem), allowed) from None


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


@dataclass(frozen=True)
class Composed:
    """Packs read and merged, base first: what a ``RulePack`` is compiled from."""

    manifest: Manifest
    policy: Policy
    rules: list[Any]
    userdict: str  # the packs' jieba dictionaries, for the near-miss hints
    chain: list[tuple[str, str]]  # (id, version) of every pack, base first
    catalogue: Catalogue  # the indicators read from reports, merged (indicators.yaml)


def compose(roots: list[Path], extra: list[Path] | tuple = ()) -> Composed:
    """Validate packs in order (each on top of those before it) and merge them.

    A later pack adds its rules, changes inherited ones (``overrides``), leaves some out
    (``disable``), adds vocabulary lists (same name: its own wins) and may bring its own policy.
    """
    manifest: Manifest | None = None
    policy: Policy | None = None
    rules: list = []
    chain: list[tuple[str, str]] = []
    userdict = ""
    catalogue = Catalogue()
    for root in roots:
        if not (root / "pack.yaml").is_file():
            raise RuleFileError(str(root), Msg("not_pack"))
        own: Manifest = _validate_file(Manifest, root / "pack.yaml")
        manifest = _merge_manifests(manifest, own)
        _check_era_sources(own, manifest, root / "pack.yaml")
        chain.append((own.id, own.version))
        if (root / "policy.yaml").is_file():
            policy = _validate_file(Policy, root / "policy.yaml")
        if (root / "indicators.yaml").is_file():
            catalogue = catalogue.merged(_validate_file(Catalogue, root / "indicators.yaml"))
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
            try:
                userdict += read_pack_file(root / "userdict.txt").decode("utf-8") + "\n"
            except (OSError, UnicodeDecodeError) as e:
                raise RuleFileError(str(root / "userdict.txt"), Msg("read", err=e)) from None
    assert manifest is not None
    if manifest.negation is None or manifest.future is None or policy is None:
        raise RuleFileError(str(roots[-1] / "pack.yaml"), Msg("pack_no_cues"))
    seen = {name: "pack" for r in rules for name in (r.id, *r.aliases)}
    for d in extra:
        rules.extend(load_rule_files(d, manifest, seen))
    return Composed(manifest, policy, rules, userdict, chain, catalogue)


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
        "negation_patterns": own.negation_patterns if own.negation_patterns is not None else base.negation_patterns,
        "negation_back_patterns": (own.negation_back_patterns if own.negation_back_patterns is not None
                                   else base.negation_back_patterns),
        "future": own.future or base.future,
        "future_patterns": own.future_patterns if own.future_patterns is not None else base.future_patterns,
        "future_back_patterns": (own.future_back_patterns if own.future_back_patterns is not None
                                 else base.future_back_patterns),
        "plan_back_patterns": (own.plan_back_patterns if own.plan_back_patterns is not None
                               else base.plan_back_patterns),
        "named_only_patterns": (own.named_only_patterns if own.named_only_patterns is not None
                                else base.named_only_patterns),
        "era": [*base.era, *(f for f in own.era if f.id not in {b.id for b in base.era})],
    })


def _validate_file(cls: type[BaseModel], path: Path) -> Any:
    data, marks, lines = read_yaml(path, str(path), path.parent)
    return _validate(cls, data, _FileCtx(str(path), marks, lines))


def load_rule_files(root: Path, manifest: Manifest, seen: dict[str, str]) -> list:
    """Validate every rule file under ``root`` against the pack's vocabulary and declared sources.

    ``seen`` maps ids and aliases already taken to the file that took them; it is updated.
    """
    declared = {s.id for s in manifest.sources}
    rules = []
    for path in rule_files(root):
        display = str(path)
        data, marks, lines = read_yaml(path, display, root)
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
        _check_sources(rule, declared, ctx)
        for name in [rule.id, *rule.aliases]:
            if name in seen:
                raise ctx.error(("id",), Msg("id_taken", name=name, by=seen[name]))
            seen[name] = display
        rules.append(rule)
    return rules




def _check_sources(rule: Any, declared: set[str], ctx: _FileCtx) -> None:
    """Every source a rule's basis cites is one its pack (or a pack it extends) declares: a basis is
    only as good as the source behind it, and an undeclared id is a typo or a source nobody read."""
    for i, b in enumerate(rule.basis):
        if b.source not in declared:
            raise ctx.error(("basis", i, "source"), Msg("unknown_source", source=b.source), sorted(declared))


def _check_era_sources(own: Manifest, merged: Manifest, path: Path) -> None:
    declared = {s.id for s in merged.sources}
    for fact in own.era:
        if fact.source not in declared:
            raise RuleFileError(str(path), Msg("unknown_source", source=fact.source), sorted(declared))
