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
    # Each error is raised after its except block, so no parser error (which can
    # quote the document) is left in the DocumentError's __context__.
    try:
        tree = tree_module.parse(
            BytesIO(data), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except defused.DefusedXmlException:
        problem = "has a DTD or entities, which are refused for safety"
    except tree_module.ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else None
        problem = "is not well-formed XML" + (f" (line {line})" if line else "")
    except (LookupError, ValueError):  # an unknown encoding in the XML declaration
        problem = "is not XML this reader can decode (check the encoding declaration)"
    else:
        return tree.getroot()
    raise DocumentError([Problem("(xml)", problem)], source=source)
