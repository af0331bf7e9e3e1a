"""The register's reads. Page and API requests open a person with `person_access` (one policy
decision, one audit row); the other selectors work on the person it returns."""

from ncos.registry.selectors.access import PersonAccess, person_access
from ncos.registry.selectors.details import (
    details_by_kind,
    details_query,
    fact_history,
    histories,
    index_facts,
)
from ncos.registry.selectors.lists import PersonFilters, audit_list, person_list, visible_persons
from ncos.registry.selectors.summary import (
    latest_assessment,
    obligations_of,
    person_summary,
    primary_photo,
)
from ncos.registry.selectors.timeline import timeline

__all__ = [
    "PersonAccess",
    "PersonFilters",
    "audit_list",
    "details_by_kind",
    "details_query",
    "fact_history",
    "histories",
    "index_facts",
    "latest_assessment",
    "obligations_of",
    "person_access",
    "person_list",
    "person_summary",
    "primary_photo",
    "timeline",
    "visible_persons",
]
