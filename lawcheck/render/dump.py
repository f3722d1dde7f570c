"""A model's JSON, byte for byte what ``model.model_dump_json()`` writes, without building pydantic's
serializer: a cold ``lawcheck check one.txt --format json`` otherwise builds the serializers of the
scorecard's sixteen models and loads pydantic's plugin machinery (``importlib.metadata``) for one
scorecard — a third of the start's own work (issue 18).  A process that writes more than one (a batch,
a server) builds pydantic's serializer at the second and uses it from then on.

The JSON of each model class is planned once from its fields' declared types: what the plan can write
exactly as pydantic does (strings, integers, booleans, finite floats written without an exponent, dates,
lists, tuples, string-keyed dicts, optional values, nested models) is written by the standard library's
encoder; anything else — a float pydantic writes in its own exponent form, a string it refuses (a lone
surrogate), a type or a serializer setting the plan does not know — is handed to pydantic whole, so the
bytes are always pydantic's.  ``tests/test_dump.py`` compares the two on every real scorecard and on
hostile values."""

from __future__ import annotations

import datetime as dt
import json
import math
import types
import typing
from collections.abc import Callable
from typing import Any

from annotated_types import BaseMetadata
from pydantic import BaseModel

from lawcheck import rx

Convert = Callable[[Any], Any]


class _Pydantic(Exception):
    """A value or a type only pydantic writes exactly: the whole model goes to ``model_dump_json``."""


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False, check_circular=False).encode
_SURROGATE = rx.compile("[\ud800-\udfff]")
_PLANS: dict[type, Convert | None] = {}
_WRITTEN: set[type] = set()  # classes this process has written once already


def model_json(model: BaseModel) -> str:
    """``model.model_dump_json()``, the same string.  Written here for the first model of its class in a
    process; from the second on (a batch, a server), pydantic's serializer is built once and used: warm, it
    writes a scorecard in a third of this writer's time (195 against 690 µs)."""
    cls = type(model)
    if cls.__pydantic_complete__ or cls in _WRITTEN:
        return model.model_dump_json()
    _WRITTEN.add(cls)
    return written_here(model)


def written_here(model: BaseModel) -> str:
    """The writer itself: ``model.model_dump_json()``'s string, pydantic's serializer left unbuilt unless
    the model holds something only pydantic writes exactly."""
    convert = _plan_of(type(model))
    if convert is not None:
        try:
            out = _ENCODE(convert(model))
        except _Pydantic:
            pass
        else:
            if not _SURROGATE.search(out):  # pydantic refuses to write one: let it raise its own error
                return out
    return model.model_dump_json()


def _plan_of(cls: type) -> Convert | None:
    if cls not in _PLANS:
        try:
            _PLANS[cls] = _model(cls, set())
        except _Pydantic:
            _PLANS[cls] = None
    return _PLANS[cls]


def _model(cls: type[BaseModel], seen: set[type]) -> Convert:
    if cls in seen:  # a model that contains itself: rare enough to leave to pydantic
        raise _Pydantic
    seen = seen | {cls}
    config = cls.model_config
    if (cls.__pydantic_root_model__ or cls.__pydantic_computed_fields__ or config.get("extra") == "allow"
            or config.get("serialize_by_alias") or any(k.startswith("ser_") for k in config)
            or config.get("use_enum_values")):
        raise _Pydantic
    decorators = cls.__pydantic_decorators__
    if decorators.field_serializers or decorators.model_serializers:
        raise _Pydantic
    fields: list[tuple[str, Convert]] = []
    hints: dict[str, Any] | None = None
    for name, f in cls.__pydantic_fields__.items():
        # Constraints (min_length, ge …) do not change what is written; any other marker might.
        if f.exclude or f.serialization_alias is not None or not all(isinstance(x, BaseMetadata)
                                                                     for x in f.metadata):
            raise _Pydantic
        tp = f.annotation
        if isinstance(tp, typing.ForwardRef):  # a model named before it is defined, left for pydantic's build
            if hints is None:
                try:
                    hints = typing.get_type_hints(cls)
                except Exception as e:  # a name that cannot be resolved yet
                    raise _Pydantic from e
            tp = hints.get(name, tp)
        fields.append((name, _of(tp, seen)))
    plan = tuple(fields)

    def convert(m: Any) -> Any:
        if type(m) is not cls:  # a subclass writes its own fields
            raise _Pydantic
        d = m.__dict__
        return {name: conv(d[name]) for name, conv in plan}
    return convert


def _exactly(t: type) -> Convert:
    """A value written as it is, when it is of type ``t`` itself (a subclass — an enum, a bool where an int
    is declared — may be written otherwise by pydantic)."""
    def same(v: Any) -> Any:
        if type(v) is not t:
            raise _Pydantic
        return v
    return same


_same_str = _exactly(str)


def _float(v: Any) -> Any:
    t = type(v)
    if t is int:
        v = float(v)  # pydantic writes an integer in a float field as 5.0
    elif t is not float:
        raise _Pydantic
    # pydantic writes 1e-7 where Python writes 1e-07, and NaN and infinities its own way
    if not math.isfinite(v) or "e" in repr(v):
        raise _Pydantic
    return v


def _date(v: Any) -> Any:
    if type(v) is not dt.date:
        raise _Pydantic
    return v.isoformat()


def _literal(values: tuple[Any, ...]) -> Convert:
    if not all(type(x) is str for x in values):
        raise _Pydantic
    return _same_str


_SCALAR: dict[Any, Convert] = {str: _same_str, int: _exactly(int), bool: _exactly(bool), float: _float,
                               dt.date: _date}


def _of(tp: Any, seen: set[type]) -> Convert:
    """How a value declared as ``tp`` is written."""
    if tp in _SCALAR:
        return _SCALAR[tp]
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return _model(tp, seen)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Literal:
        return _literal(args)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1 or len(rest) == len(args):
            raise _Pydantic
        inner = _of(rest[0], seen)
        return lambda v: None if v is None else inner(v)
    if origin is list or (origin is tuple and len(args) == 2 and args[1] is Ellipsis):
        item = _of(args[0], seen)

        def each(v: Any) -> Any:
            if type(v) is not list and type(v) is not tuple:
                raise _Pydantic
            return [item(x) for x in v]
        return each
    if origin is tuple and args and Ellipsis not in args:
        parts = tuple(_of(a, seen) for a in args)

        def fixed(v: Any) -> Any:
            if (type(v) is not list and type(v) is not tuple) or len(v) != len(parts):
                raise _Pydantic
            return [conv(x) for conv, x in zip(parts, v, strict=True)]
        return fixed
    if origin is dict and args and args[0] is str:
        value = _of(args[1], seen)

        def mapping(v: Any) -> Any:
            if type(v) is not dict:
                raise _Pydantic
            return {_same_str(k): value(x) for k, x in v.items()}
        return mapping
    raise _Pydantic
