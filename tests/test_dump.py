"""render.dump writes a model's JSON without pydantic's serializer: the bytes must be pydantic's, always —
on every real scorecard, on a folder's review, and on hostile values where it must hand over to pydantic."""

from __future__ import annotations

import datetime as dt
import json
import math
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, Field, computed_field, field_serializer

import lawcheck
from lawcheck.cli import main
from lawcheck.model import Evidence, FolderReview, NearMiss, Scorecard, construct
from lawcheck.render.dump import model_json, written_here
from tests.conftest import FIXTURES, ROOT, SHARED

DATA = ROOT / "tests" / "data" / "history"


def _texts() -> list[str]:
    paths = sorted(FIXTURES.glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    paths += sorted((SHARED / "corpus" / "pages").glob("*.txt"))[:40]
    return [p.read_text(encoding="utf-8") for p in paths]


@pytest.fixture(scope="module")
def cards() -> list[Scorecard]:
    return [lawcheck.evaluate(t) for t in _texts()]


def test_every_real_scorecard_is_written_as_pydantic_writes_it(cards):
    # every fixture at least (the seeds and report pages join them when ../shared is beside the checkout)
    assert len(cards) >= len(list(FIXTURES.glob("*.txt"))) >= 5
    for card in cards:
        assert written_here(card) == card.model_dump_json()


def test_the_scorecard_built_without_validation_is_the_validated_one(cards):
    # The engine builds the scorecard with construct (no validation): what pydantic reads back from its JSON
    # must be the same object, or the API would hand out values of the wrong type.
    for card in cards:
        assert Scorecard.model_validate_json(card.model_dump_json()) == card


def test_english_and_caller_facts_are_written_the_same(cards):
    text = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    card = lawcheck.evaluate(text, lang="en", report_year=2021, published=dt.date(2022, 3, 1), level="county")
    assert written_here(card) == card.model_dump_json()


def test_a_folder_review_is_written_as_pydantic_writes_it(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "003_changsheng_2020.txt", folder / "长胜2020.txt")
    shutil.copy(DATA / "changsheng.this.txt", folder / "长胜2021.txt")
    shutil.copy(DATA / "district1.this.txt", folder / "district1.txt")
    main(["compare", str(folder), "--format", "json"])
    out = capsys.readouterr().out
    review = FolderReview.model_validate_json(out)
    assert review.units
    assert written_here(review) == review.model_dump_json()
    assert out == written_here(review) + "\n"


# ------------------------------------------------------------- hostile values: pydantic's bytes or its error


def _altered(card: Scorecard, score: float | None, title: str) -> Scorecard:
    document = card.document.model_copy(update={"title": title})
    return card.model_copy(update={"score": score, "document": document})


@settings(max_examples=300, deadline=None)
@given(score=st.one_of(st.none(), st.floats(), st.integers(-10**20, 10**20)),
       title=st.text(alphabet=st.one_of(st.characters(codec=None, categories=["Cs", "Cc", "Cf", "Zl", "Zp"]),
                                         st.characters())))
def test_any_score_and_title_give_pydantic_s_bytes_or_its_error(score, title):
    card = _altered(_one(), score, title)
    try:
        expected = card.model_dump_json()
    except Exception as e:  # a lone surrogate: pydantic refuses it, and so must the writer
        with pytest.raises(type(e)):
            written_here(card)
        return
    assert written_here(card) == expected


@pytest.mark.parametrize("value", [1e-7, 1e16, 1.5e300, 5e-324, -0.0, 0.1 + 0.2, math.inf, -math.inf, math.nan, 3,
                                   123456789012345.0])
def test_floats_pydantic_writes_its_own_way(value):
    card = _altered(_one(), value, "标题")
    assert written_here(card) == card.model_dump_json()


_CARD: list[Scorecard] = []


def _one() -> Scorecard:
    if not _CARD:
        _CARD.append(lawcheck.evaluate((FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")))
    return _CARD[0]


class _Serialized(BaseModel):
    a: int

    @field_serializer("a")
    def _twice(self, v: int) -> int:
        return 2 * v


class _Computed(BaseModel):
    a: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def b(self) -> int:
        return self.a + 1


class _Aliased(BaseModel):
    a: int = Field(serialization_alias="A")


class _Excluded(BaseModel):
    a: int
    b: int = Field(0, exclude=True)


class _Holder(BaseModel):
    evidence: Evidence
    when: dt.datetime | None = None
    tags: set[str] = set()


@pytest.mark.parametrize("model", [
    _Serialized(a=2), _Computed(a=2), _Aliased(a=2), _Excluded(a=1, b=5),
    _Holder(evidence=construct(NearMiss, start=0, end=1, text="x", section="", reason="r")),
    _Holder(evidence=Evidence(start=0, end=1, text="x", section=""), when=dt.datetime(2024, 1, 2, 3, 4, 5)),
    _Holder(evidence=Evidence(start=0, end=1, text="x", section=""), tags={"b", "a"}),
])
def test_what_the_writer_does_not_know_is_left_to_pydantic(model):
    # Serializers, computed fields, aliases, exclusions, a subclass where a model is declared, datetimes, sets.
    assert written_here(model) == model.model_dump_json()


def test_the_json_is_json():
    card = _one()
    assert json.loads(written_here(card)) == json.loads(card.model_dump_json())


@pytest.mark.parametrize("title", ["\ud800", "a\udfffb", "\x00\x1f\x7f\u2028\u2029\u202e\"\\/"])
def test_strings_pydantic_refuses_or_escapes(title):
    card = _altered(_one(), 80.0, title)
    try:
        expected = card.model_dump_json()
    except Exception as e:
        with pytest.raises(type(e)):
            written_here(card)
    else:
        assert written_here(card) == expected


def test_the_first_model_of_a_class_is_written_here_and_later_ones_by_pydantic():
    # One check (a cold start) does not build pydantic's serializer; a batch or a server builds it at the
    # second scorecard and uses it (warm, it is faster than this writer).  The bytes are the same.
    class Fresh(BaseModel):
        model_config = ConfigDict(defer_build=True)
        a: int
        b: list[float]

    first, second = Fresh.model_construct(a=1, b=[1.5]), Fresh.model_construct(a=2, b=[2])
    assert not Fresh.__pydantic_complete__
    assert model_json(first) == '{"a":1,"b":[1.5]}'
    assert not Fresh.__pydantic_complete__
    assert model_json(second) == '{"a":2,"b":[2.0]}'
    assert Fresh.__pydantic_complete__
