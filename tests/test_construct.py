"""``model.construct`` is ``model_construct`` made faster (issue 18): the same object, field by field."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest
from pydantic import BaseModel

import lawcheck
from lawcheck import model
from lawcheck.model import construct

FIXTURES = sorted(glob.glob(str(Path(__file__).resolve().parent.parent / "fixtures" / "*.txt")))[:6]


def _models(obj: object, out: list[BaseModel]) -> None:
    if isinstance(obj, BaseModel):
        out.append(obj)
        for v in obj.__dict__.values():
            _models(v, out)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            _models(v, out)


def _same(a: BaseModel, b: BaseModel) -> None:
    assert type(a) is type(b)
    assert list(a.__dict__) == list(b.__dict__)  # the fields, in their order
    assert a.__dict__ == b.__dict__
    assert a.model_fields_set == b.model_fields_set
    assert a.__pydantic_extra__ == b.__pydantic_extra__
    assert a.__pydantic_private__ == b.__pydantic_private__
    assert a == b
    assert a.model_dump_json() == b.model_dump_json()


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: Path(p).name)
def test_every_part_of_a_real_scorecard_is_the_same_object(path: str) -> None:
    card = lawcheck.evaluate(Path(path).read_text(encoding="utf-8"))
    parts: list[BaseModel] = []
    _models(card, parts)
    kinds = {type(p) for p in parts}
    assert len(kinds) >= 8, kinds
    for p in parts:
        _same(construct(type(p), **p.__dict__), type(p).model_construct(**p.__dict__))
        # Only the fields without a default given: the defaults are filled the same way.
        required = {k: v for k, v in p.__dict__.items() if type(p).model_fields[k].is_required()}
        _same(construct(type(p), **required), type(p).model_construct(**required))


def test_defaults_are_not_shared_and_unknown_keys_are_ignored() -> None:
    a = construct(model.Scorecard, lawcheck_version="x", not_a_field=1)
    b = construct(model.Scorecard, lawcheck_version="x")
    assert "not_a_field" not in a.__dict__ and a.model_fields_set == {"lawcheck_version"}
    assert a.figures == [] and a.figures is not b.figures  # a factory's default is made anew
    _same(a, model.Scorecard.model_construct(lawcheck_version="x", not_a_field=1))


def test_every_model_of_the_api_is_covered_or_falls_back() -> None:
    classes = [c for c in vars(model).values() if isinstance(c, type) and issubclass(c, BaseModel)
               and c.__module__ == model.__name__]
    assert len(classes) > 20
    for cls in classes:
        given = {k: None for k, f in cls.model_fields.items() if f.is_required()}
        _same(construct(cls, **given), cls.model_construct(**given))
