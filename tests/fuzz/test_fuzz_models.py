"""Building a model directly (``Person(...)``, ``Settings.model_validate``) leaks nothing.

pydantic's own ``ValidationError`` keeps every rejected value in ``errors()``; the
library's models raise a copy without them, and without the original as context.
"""

from __future__ import annotations

import json
import pickle
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from grace_support import Person, Relationship, Settings, SupportNetwork
from grace_support._model import scrubbed
from grace_support.content import Article, Resource, default_catalog
from tests.fuzz._leaks import MARKER, assert_clean, assert_no_chain

if TYPE_CHECKING:
    from collections.abc import Callable

BAD_ID = f"{MARKER} with spaces!"
NETWORK = {
    "ego": {"id": "ego", "name": MARKER},
    "people": [{"id": "p1", "name": MARKER}],
    "relationships": [{"person": BAD_ID, "role": MARKER}],
    "ties": [[BAD_ID, MARKER], {"between": [MARKER, "p1"], "weight": MARKER}],
}
ARTICLE = default_catalog().articles[0].model_dump(mode="json") | {"language": MARKER}
RESOURCE = default_catalog().resources[0].model_dump(mode="json") | {"kind": MARKER}

CASES: dict[str, Callable[[], Any]] = {
    "Person()": lambda: Person(id=BAD_ID, name=MARKER * 100),
    "Person.model_validate": lambda: Person.model_validate({"id": BAD_ID, "name": [MARKER]}),
    "Relationship()": lambda: Relationship(person="p", role=MARKER, supports=[MARKER]),  # type: ignore[arg-type]
    "Settings()": lambda: Settings(dormant_after_days=MARKER),  # type: ignore[arg-type]
    "Settings.model_validate_strings": lambda: Settings.model_validate_strings(
        {"over_reliance_share": MARKER}
    ),
    "SupportNetwork.model_validate": lambda: SupportNetwork.model_validate(NETWORK),
    "SupportNetwork.model_validate_json": lambda: SupportNetwork.model_validate_json(
        json.dumps(NETWORK)
    ),
    "SupportNetwork.build": lambda: SupportNetwork.build(
        Person(id="e"), [(BAD_ID, Relationship.model_construct(person=BAD_ID))]
    ),
    "Article.model_validate": lambda: Article.model_validate(ARTICLE),
    "Resource.model_validate": lambda: Resource.model_validate(RESOURCE),
}


@pytest.mark.parametrize("build", CASES.values(), ids=list(CASES))
def test_a_model_error_carries_no_input(build: Callable[[], Any]) -> None:
    with pytest.raises(ValidationError) as raised:
        build()
    error = raised.value
    assert_clean(error)
    assert_no_chain(error)
    assert all(detail["input"] is None for detail in error.errors())
    assert_clean(pickle.loads(pickle.dumps(error)))


def test_the_copy_keeps_places_types_and_messages() -> None:
    with pytest.raises(ValidationError) as raised:
        Person(id=BAD_ID, name=5)  # type: ignore[arg-type]
    details = raised.value.errors(include_url=False)
    assert [(d["loc"], d["type"]) for d in details] == [
        (("id",), "string_pattern_mismatch"),
        (("name",), "string_type"),
    ]
    assert details[1]["msg"] == "Input should be a valid string"
    assert raised.value.title == "Person"


@given(value=st.text(min_size=1).map(lambda s: f"{MARKER}{s}"))
def test_any_rejected_id_is_left_out(value: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Person(id=f"{value} !")
    assert_clean(raised.value)


def test_nested_models_are_still_validated_by_pydantic_core() -> None:
    # The wrapping __init__ must not make pydantic call Python per nested model.
    assert not Person.__pydantic_custom_init__
    assert not SupportNetwork.__pydantic_custom_init__


def test_json_input_keeps_the_json_wording() -> None:
    with pytest.raises(ValidationError) as raised:
        SupportNetwork.model_validate_json("[]")
    assert raised.value.errors()[0]["msg"] == "Input should be an object"


def test_a_custom_message_with_braces_is_kept_as_written() -> None:
    original = ValidationError.from_exception_data(
        "Mine",
        [{"type": PydanticCustomError("mine", "a {b} c", {"b": "{y}"}), "loc": ("x",), "input": 1}],
    )
    (detail,) = scrubbed(original).errors()
    assert detail["msg"] == original.errors()[0]["msg"] == "a {y} c"
    assert detail["type"] == "mine"
    assert detail["input"] is None
