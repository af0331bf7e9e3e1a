"""Page forms of the register: input shape and messages only; the services decide."""

from ncos.registry.forms.details import DetailEndForm, DetailMetaForm, DetailWithdrawForm
from ncos.registry.forms.offences import (
    CloseForm,
    CustodyForm,
    FindingForm,
    OffenceEditForm,
    OffenceForm,
    OrderForm,
    ParoleForm,
    QuashForm,
)
from ncos.registry.forms.person import (
    MergeForm,
    PersonCreateForm,
    PersonEditForm,
    PersonFilterForm,
    StatusForm,
)

__all__ = [
    "CloseForm",
    "CustodyForm",
    "DetailEndForm",
    "DetailMetaForm",
    "DetailWithdrawForm",
    "FindingForm",
    "MergeForm",
    "OffenceEditForm",
    "OffenceForm",
    "OrderForm",
    "ParoleForm",
    "PersonCreateForm",
    "PersonEditForm",
    "PersonFilterForm",
    "QuashForm",
    "StatusForm",
]
