"""Measures of a support network: pure functions from a network to numbers.

Each measure has exactly one definition (see its docstring for the formula, edge
cases and a reference) and no thresholds: judging what a number means is the
job of [`assess`][grace_support.assess]. Undefined values are ``None``, and so
is a measure with nothing recorded to rest on (never 0): see
[In touch, not recorded, asked](../in-touch.md).

Measures that count people in touch take keyword ``as_of`` and ``settings``
(the defaults of ``assess``: the network's ``collected_on`` day, else today; the
default settings) and use the one rule of
[`in_touch`][grace_support.touch.in_touch].

Families:

- [`sizes`][grace_support.measures.sizes]: how many, how close, how often in touch;
- [`support`][grace_support.measures.support]: which kinds of support, how evenly;
- [`roles`][grace_support.measures.roles]: who gives it, how varied;
- [`concentration`][grace_support.measures.concentration]: how much rests on one person;
- [`structure`][grace_support.measures.structure]: density, Burt's structural holes and
  ego betweenness;
- [`composition`][grace_support.measures.composition]: any alter attribute (for analysts);
- [`diversity`][grace_support.measures.diversity]: the generic formulas on counts.
"""

from grace_support.measures.composition import (
    BUILT_IN_ATTRIBUTES,
    alter_values,
    blau,
    composition,
    ei_index,
    entropy,
    iqv,
    missing_count,
    richness,
)
from grace_support.measures.concentration import (
    provider_hhi,
    provider_loads,
    top_provider_share,
    top_providers,
)
from grace_support.measures.diversity import (
    blau_index,
    hhi,
    pielou_evenness,
    shannon_entropy,
)
from grace_support.measures.roles import (
    professional_count,
    role_blau,
    role_counts,
    role_iqv,
    role_richness,
    role_unknown_count,
)
from grace_support.measures.sizes import (
    active_size,
    contact_unknown_count,
    inner_circle_size,
    regular_contact_size,
    size,
    strain_unknown_count,
    strained_count,
)
from grace_support.measures.structure import (
    constraint,
    density,
    effective_size,
    efficiency,
    ego_betweenness,
    ego_betweenness_normalized,
    hierarchy,
)
from grace_support.measures.support import (
    gives_unknown_count,
    missing_support_types,
    reciprocity,
    single_provider_types,
    support_counts,
    support_evenness,
    support_given_counts,
    support_types_covered,
    support_unknown_count,
)

__all__ = [
    "BUILT_IN_ATTRIBUTES",
    "active_size",
    "alter_values",
    "blau",
    "blau_index",
    "composition",
    "constraint",
    "contact_unknown_count",
    "density",
    "effective_size",
    "efficiency",
    "ego_betweenness",
    "ego_betweenness_normalized",
    "ei_index",
    "entropy",
    "gives_unknown_count",
    "hhi",
    "hierarchy",
    "inner_circle_size",
    "iqv",
    "missing_count",
    "missing_support_types",
    "pielou_evenness",
    "professional_count",
    "provider_hhi",
    "provider_loads",
    "reciprocity",
    "regular_contact_size",
    "richness",
    "role_blau",
    "role_counts",
    "role_iqv",
    "role_richness",
    "role_unknown_count",
    "shannon_entropy",
    "single_provider_types",
    "size",
    "strain_unknown_count",
    "strained_count",
    "support_counts",
    "support_evenness",
    "support_given_counts",
    "support_types_covered",
    "support_unknown_count",
    "top_provider_share",
    "top_providers",
]
