"""Safe XML parsing (defusedxml), shared by the GraphML readers."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from grace_support.errors import DocumentError, MissingExtraError, Problem


def safe_xml_root(data: bytes, *, source: str, feature: str) -> Any:
    """The root element of `data`, refusing DTDs and entities before anything expands.

    Raises:
        MissingExtraError: defusedxml (the ``graphml`` extra) is not installed.
        DocumentError: The XML has a DTD or entities, or is not well-formed.
    """
    try:
        import defusedxml.ElementTree as DefusedET  # noqa: PLC0415
        from defusedxml import DefusedXmlException  # noqa: PLC0415
    except ImportError:
        raise MissingExtraError("graphml", feature=feature) from None
    try:
        tree = DefusedET.parse(
            BytesIO(data), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException:
        raise DocumentError(
            [Problem("(xml)", "has a DTD or entities, which are refused for safety")], source=source
        ) from None
    except DefusedET.ParseError as error:
        raise DocumentError(
            [Problem("(xml)", f"is not well-formed XML ({error.msg})")], source=source
        ) from None
    return tree.getroot()
