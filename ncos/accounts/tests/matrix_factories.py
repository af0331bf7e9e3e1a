"""Access-matrix records for the foundation's URL kwargs (see ncos/access/matrix.yaml)."""

from __future__ import annotations

from ncos.access.roles import Role
from ncos.access.testing import RecordSpec, kwarg_factory
from ncos.accounts.services import api_token_create
from ncos.common.testing.fixtures import _make_user


@kwarg_factory("user_id")
def user_id(spec: RecordSpec) -> int:
    """A user of the record's jurisdiction ("protected" does not apply to users)."""
    return _make_user(jurisdiction=spec.managing_jurisdiction, roles=[Role.CASE_MANAGER]).pk


@kwarg_factory("token_id", per_actor=True)
def token_id(spec: RecordSpec) -> int:
    """An API token of the requesting user (tokens are self-service: one's own only)."""
    owner = spec.actor or _make_user(jurisdiction=spec.managing_jurisdiction)
    token, _secret = api_token_create(actor=owner, name="matrix test system")
    return token.pk


@kwarg_factory("privilege_id")
def privilege_id(spec: RecordSpec) -> int:
    """A pending clearance request for a user of the record's jurisdiction, asked by another
    administrator there (so the requesting subject may decide it)."""
    from ncos.accounts.privileges import request_privilege

    asker = _make_user(jurisdiction=spec.managing_jurisdiction, roles=[Role.ADMINISTRATOR])
    user = _make_user(jurisdiction=spec.managing_jurisdiction, roles=[Role.INVESTIGATOR])
    return request_privilege(actor=asker, user=user, kind="clearance", reason="matrix").pk
