"""The catalogue of articles and resources, and the bundled default catalogue.

[`default_catalog`][grace_support.content.default_catalog] loads the package's own
data (validated at load): the clinic's article *The Role of Social Support in
Mental Health Recovery* in structured form, Grace Health Services' therapy,
psychiatry and group counseling, a few national support resources, and the crisis
resources. An app builds its own catalogue from JSON
([`Catalog.from_json`][grace_support.content.Catalog.from_json]) or from HSDS
services ([`Catalog.from_hsds`][grace_support.content.Catalog.from_hsds]), and can
combine catalogues with [`Catalog.merged`][grace_support.content.Catalog.merged].
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from pydantic import model_validator

from grace_support._input import DEFAULT_MAX_BYTES, guarded
from grace_support._model import FrozenModel
from grace_support.content.article import Article
from grace_support.content.crisis import CRISIS_RESOURCES
from grace_support.content.resource import Resource, ResourceKind, ServiceStatus
from grace_support.errors import DocumentError, Problem, validated

if TYPE_CHECKING:
    from collections.abc import Iterable
    from os import PathLike

    from grace_support.vocabulary import SupportType

__all__ = ["Catalog", "default_catalog"]


class Catalog(FrozenModel):
    """Articles and resources that recommendations draw from."""

    version: str = "1"
    """The version of this catalogue's content."""
    articles: tuple[Article, ...] = ()
    """Articles, in the order to present them."""
    resources: tuple[Resource, ...] = ()
    """Resources, in the order to present them."""

    @model_validator(mode="after")
    def _unique_ids(self) -> Catalog:
        for name, ids in (
            ("articles", [a.id for a in self.articles]),
            ("resources", [r.id for r in self.resources]),
        ):
            if len(set(ids)) != len(ids):
                raise ValueError(f"{name} ids must be unique")
        return self

    @classmethod
    @guarded()
    def from_json(
        cls, source: str | bytes | PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> Catalog:
        """A catalogue from JSON text or a JSON file of this model's shape.

        A string with a ``{`` or a line break in it, or longer than any path, is
        JSON text; any other string, or a path, names a file (``-`` reads standard
        input). So broken JSON text is reported as JSON, never echoed as a file name.

        Args:
            source: JSON text or bytes, or the path of a JSON file.
            max_bytes: The largest file accepted (64 MiB by default).

        Raises:
            InputError: The file cannot be read (missing, not a regular file, larger
                than ``max_bytes``); a kind of DocumentError.
            DocumentError: The catalogue is not valid JSON of this shape, or an
                object repeats a key (each problem names its place, e.g.
                ``resources[2].kind``).
        """
        from grace_support._input import read_bytes, source_name, too_large  # noqa: PLC0415
        from grace_support.documents import validate_json  # noqa: PLC0415

        name = None
        if not isinstance(source, (str, bytes)) or (
            isinstance(source, str)
            and "{" not in source
            and "\n" not in source
            and len(source) <= _LONGEST_PATH
        ):
            name = source_name(source)
            source = read_bytes(source, max_bytes=max_bytes)
        elif len(source) > max_bytes:
            raise too_large(max_bytes, source=None)
        return validate_json(cls, source, source=name)

    @classmethod
    @guarded()
    def from_hsds(cls, services: Iterable[dict[str, Any]], *, version: str = "1") -> Catalog:
        """A catalogue of the HSDS 3.0 services given (see `Resource.from_hsds`).

        Raises:
            DocumentError: A service cannot be read (see `Resource.from_hsds`), or
                the catalogue breaks a rule (two resources with one id). Problems
                name the service by its position, never by its content.
        """
        resources = []
        for number, service in enumerate(services, start=1):
            try:
                resources.append(Resource.from_hsds(service))
            except DocumentError as error:
                problems = [
                    Problem(f"services[{number - 1}].{p.location}", p.message)
                    for p in error.problems
                ]
            else:
                continue
            raise DocumentError(problems, source="HSDS")
        catalog = {"version": version, "resources": tuple(resources)}
        return validated(cls.model_validate, catalog, source="HSDS")

    def merged(self, other: Catalog) -> Catalog:
        """This catalogue with the other's articles and resources added (ids must not clash)."""
        return Catalog(
            version=f"{self.version}+{other.version}",
            articles=self.articles + other.articles,
            resources=self.resources + other.resources,
        )

    def article(self, article_id: str) -> Article:
        """The article with this id (``KeyError`` if there is none)."""
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def resource(self, resource_id: str) -> Resource:
        """The resource with this id (``KeyError`` if there is none)."""
        for resource in self.resources:
            if resource.id == resource_id:
                return resource
        raise KeyError(resource_id)

    def find_resources(
        self,
        *,
        support_type: SupportType | None = None,
        kinds: Iterable[ResourceKind] | None = None,
        text: str | None = None,
        include_inactive: bool = False,
    ) -> tuple[Resource, ...]:
        """Resources that give this support type, are of one of these kinds, and mention the text.

        Every condition given must hold; text matching ignores case and looks at the
        name, description and organization. Results keep the catalogue's order (and,
        when kinds are given, the order of the kinds).

        Examples:
            >>> from grace_support import SupportType
            >>> [r.id for r in default_catalog().find_resources(support_type=SupportType.PEER)]
            ['grace-group-counseling', 'nami-connection', 'dbsa-support-groups']
        """
        wanted = list(kinds) if kinds is not None else None
        needle = text.casefold() if text else None
        found = [
            r
            for r in self.resources
            if (include_inactive or r.status is ServiceStatus.ACTIVE)
            and (support_type is None or support_type in r.supports)
            and (wanted is None or r.kind in wanted)
            and (
                needle is None
                or needle in f"{r.name} {r.description} {r.organization.name}".casefold()
            )
        ]
        if wanted is not None:
            found.sort(key=lambda r: wanted.index(r.kind))
        return tuple(found)

    def find_articles(
        self, *, topic: SupportType | None = None, text: str | None = None
    ) -> tuple[Article, ...]:
        """Articles about this support type that mention the text (title, summary, sections)."""
        needle = text.casefold() if text else None

        def mentions(article: Article) -> bool:
            words = [article.title, article.summary]
            for section in article.sections:
                words += [section.heading, *section.paragraphs, *(i.text for i in section.items)]
            return needle is None or needle in " ".join(words).casefold()

        return tuple(
            a for a in self.articles if (topic is None or topic in a.topics) and mentions(a)
        )


_LONGEST_PATH = 4096


@cache
def default_catalog() -> Catalog:
    """The bundled catalogue: the clinic's article, its services, national resources, crisis lines.

    Loaded from package data and validated once per process; crisis resources come
    from [`CRISIS_RESOURCES`][grace_support.content.CRISIS_RESOURCES].

    Examples:
        >>> catalog = default_catalog()
        >>> catalog.articles[0].title
        'The Role of Social Support in Mental Health Recovery'
        >>> catalog.resource("988-lifeline").contact_line()
        'Call 988 (press 1 for the Veterans Crisis Line, 2 for Spanish); Text 988; chat at https://988lifeline.org/chat'
    """
    data = json.loads(files("grace_support").joinpath("data", "catalog.json").read_bytes())
    data["resources"] = [r.model_dump(mode="json") for r in CRISIS_RESOURCES] + data["resources"]
    return Catalog.model_validate(data)
