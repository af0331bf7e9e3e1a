"""The register's models (one module per aggregate)."""

from ncos.registry.models.details import Detail
from ncos.registry.models.files import Document, Photo
from ncos.registry.models.obligations import Assessment, Obligation
from ncos.registry.models.offences import CourtOrder, CustodyPeriod, Offence, Parole
from ncos.registry.models.person import (
    Person,
    PersonMerge,
    PersonRevision,
    StatusChange,
    new_national_id,
)

__all__ = [
    "Assessment",
    "CourtOrder",
    "CustodyPeriod",
    "Detail",
    "Document",
    "Obligation",
    "Offence",
    "Parole",
    "Person",
    "PersonMerge",
    "PersonRevision",
    "Photo",
    "StatusChange",
    "new_national_id",
]
