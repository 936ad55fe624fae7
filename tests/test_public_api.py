"""The front door: what is exported, what importing costs, the vocabulary tables."""

from __future__ import annotations

import subprocess
import sys

import grace_support
from grace_support import ActionId, Contact, Role, RoleCategory, SupportType
from grace_support.vocabulary import ROLE_CATEGORIES


def test_all_is_sorted_and_importable() -> None:
    # isort-style, as ruff's RUF022 keeps it: CONSTANTS, then Classes, then functions
    def kind(name: str) -> int:
        return 0 if name.isupper() else 1 if name[0].isupper() else 2

    assert grace_support.__all__ == sorted(grace_support.__all__, key=lambda n: (kind(n), n))
    for name in grace_support.__all__:
        assert getattr(grace_support, name) is not None


def test_public_names_are_all_exported() -> None:
    public = {
        name
        for name, value in vars(grace_support).items()
        if not name.startswith("_") and not isinstance(value, type(sys)) and name != "annotations"
    }
    lazy = {"recommend"}  # loaded on first use by the module's __getattr__
    assert public - {"TYPE_CHECKING"} == set(grace_support.__all__) - lazy


def test_version() -> None:
    assert grace_support.__version__.count(".") >= 2


def test_recommend_is_exported_lazily() -> None:
    from grace_support.recommendations import recommend

    assert grace_support.recommend is recommend


def test_import_is_light() -> None:
    code = (
        "import sys, grace_support;"
        "print(','.join(m for m in ('networkx', 'pandas', 'numpy', 'matplotlib', 'scipy',"
        " 'grace_support.content', 'markdown_it', 'nh3')"
        " if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_every_role_has_one_category_and_there_are_five() -> None:
    assert set(ROLE_CATEGORIES) == set(Role)
    assert len(RoleCategory) == 5
    assert Role.GROUP_COUNSELOR.category is RoleCategory.PROFESSIONAL
    assert Role.PEER.category is RoleCategory.PEER


def test_declared_orders_match_the_contract() -> None:
    assert [t.value for t in SupportType] == ["emotional", "practical", "informational", "peer"]
    assert [c.value for c in RoleCategory] == [
        "family",
        "friend",
        "peer",
        "community",
        "professional",
    ]
    assert [c.value for c in Contact if c.is_regular] == ["daily", "weekly", "biweekly"]


def test_every_action_has_advice_and_every_type_a_description() -> None:
    for action in ActionId:
        assert action.advice.endswith(".")
    for support_type in SupportType:
        assert support_type.description
