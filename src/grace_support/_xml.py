"""Safe XML parsing (defusedxml), shared by the GraphML readers."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from grace_support._extras import require
from grace_support.errors import DocumentError, Problem


def safe_xml_root(data: bytes, *, source: str, feature: str) -> Any:
    """The root element of `data`, refusing DTDs and entities before anything expands.

    Raises:
        MissingExtraError: defusedxml (the ``graphml`` extra) is not installed.
        DocumentError: The XML has a DTD or entities, or is not well-formed.
    """
    defused = require("defusedxml", extra="graphml", feature=feature)
    tree_module = require("defusedxml.ElementTree", extra="graphml", feature=feature)
    try:
        tree = tree_module.parse(
            BytesIO(data), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except defused.DefusedXmlException:
        raise DocumentError(
            [Problem("(xml)", "has a DTD or entities, which are refused for safety")], source=source
        ) from None
    except tree_module.ParseError as error:
        raise DocumentError(
            [Problem("(xml)", f"is not well-formed XML ({error.msg})")], source=source
        ) from None
    return tree.getroot()
