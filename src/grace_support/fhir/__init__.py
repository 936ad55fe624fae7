"""FHIR for health records: questionnaires, scores and assessments (extra ``[fhir]``).

We write **FHIR R4 (4.0.1)** JSON and validate every resource with the R4B models
of [fhir.resources](https://pypi.org/project/fhir.resources/) (install
``grace-support[fhir]``); importing this module needs nothing extra, each function
does.

```python
from grace_support.fhir import (
    assessment_bundle, observations, questionnaire, questionnaire_response, score_response,
)

questionnaire("ucla3")                                   # Questionnaire
qr = questionnaire_response("ucla3", [1, 2, 3], subject="Patient/123", authored="2026-11-25")
score_response(qr)                                       # == score("ucla3", [1, 2, 3])
observations(score_response(qr), subject="Patient/123")  # [Observation, ...]
assessment_bundle(assess(network), network, subject="Patient/123")   # Bundle
bundle = network_observations(network, subject="Patient/123")        # the network, coded
network_from_observations(bundle) == network                         # True
```

Every code comes from one table, [`grace_support.fhir.codes`][grace_support.fhir.codes]:
LOINC where LOINC has the instrument or score, the SDOH Clinical Care IG's
``social-connection`` category, v3 RoleCode relationships, UCUM units, and this
library's own code systems under a stable canonical URL for everything else.
"""

from grace_support.fhir._resources import FHIR_VERSION
from grace_support.fhir.bundle import assessment_bundle
from grace_support.fhir.network import network_from_observations, network_observations
from grace_support.fhir.observations import observations
from grace_support.fhir.questionnaires import (
    questionnaire,
    questionnaire_response,
    score_response,
)

__all__ = [
    "FHIR_VERSION",
    "assessment_bundle",
    "network_from_observations",
    "network_observations",
    "observations",
    "questionnaire",
    "questionnaire_response",
    "score_response",
]
