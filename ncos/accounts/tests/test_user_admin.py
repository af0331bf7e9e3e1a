"""User administration pages and their refusals (issue 2: administrators manage users of their
own jurisdiction, without seeing person records)."""

from __future__ import annotations

import pytest

from ncos.access.actions import Action
from ncos.access.policy import RecordRef, decide
from ncos.access.roles import Role
from ncos.access.subjects import subject_of
from ncos.accounts.models import RoleGrant, User
from ncos.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(administrator, client_for):
    return client_for(administrator)


def test_the_list_shows_only_the_administrators_jurisdiction(admin_client, make_user):
    make_user("act.one")
    make_user("nsw.two", jurisdiction="NSW")
    page = admin_client.get("/users/").content.decode()
    assert "act.one" in page
    assert "nsw.two" not in page
    filtered = admin_client.get("/users/", {"q": "nomatch"}).content.decode()
    assert "No users match." in filtered


def test_create_a_user_through_the_page(admin_client, administrator):
    response = admin_client.post(
        "/users/new/",
        {
            "username": "act.newbie",
            "first_name": "Nia",
            "last_name": "Brown",
            "roles": ["investigator", "registrar", "administrator"],
        },
    )
    assert response.status_code == 200
    assert "One-time password for act.newbie" in response.content.decode()
    assert "second administrator's approval: Administrator" in response.content.decode()
    user = User.objects.get(username="act.newbie")
    assert user.jurisdiction_id == "ACT"
    assert user.roles == {Role.INVESTIGATOR, Role.REGISTRAR}  # administrator waits (AC-7)
    assert user.must_change_password
    event = AuditEvent.objects.get(action="user.create")
    assert event.actor_id == administrator.pk
    assert event.object_id == str(user.pk)
    assert event.details["changes"]["roles"] == {
        "before": None,
        "after": ["investigator", "registrar"],
    }
    assert response.context["password"] not in str(event.details)


def test_create_refuses_a_taken_username_and_bad_input(admin_client, make_user):
    make_user("act.taken")
    response = admin_client.post(
        "/users/new/",
        {"username": "act.taken", "first_name": "A", "last_name": "B", "roles": ["registrar"]},
    )
    assert "That username is taken." in response.content.decode()
    response = admin_client.post(
        "/users/new/", {"username": "x", "first_name": "", "last_name": "B"}
    )
    page = response.content.decode()
    assert "Use 3–60 lower-case letters" in page
    assert "This field is required." in page
    assert User.objects.filter(username="x").count() == 0


def test_change_roles_is_audited_with_before_and_after(admin_client, make_user, administrator):
    user = make_user("act.mover", roles=[Role.REGISTRAR])
    response = admin_client.post(
        f"/users/{user.pk}/roles/", {"roles": ["case_manager", "investigator"]}
    )
    assert response.status_code == 302
    user = User.objects.get(pk=user.pk)
    assert user.roles == {Role.CASE_MANAGER, Role.INVESTIGATOR}
    event = AuditEvent.objects.get(action="user.roles_changed")
    assert event.details["changes"] == {
        "roles": {"before": ["registrar"], "after": ["case_manager", "investigator"]}
    }
    assert RoleGrant.objects.get(user=user, role="case_manager").granted_by_id == administrator.pk


def test_an_administrator_cannot_remove_their_own_administrator_role(admin_client, administrator):
    response = admin_client.post(
        f"/users/{administrator.pk}/roles/", {"roles": ["registrar"]}, follow=True
    )
    assert "You cannot remove your own administrator role." in response.content.decode()
    assert Role.ADMINISTRATOR in User.objects.get(pk=administrator.pk).roles


def test_disable_needs_a_reason_and_is_audited(admin_client, make_user):
    user = make_user("act.leaver")
    response = admin_client.post(f"/users/{user.pk}/disable/", {"reason": ""}, follow=True)
    assert "Give the reason for disabling this account." in response.content.decode()
    assert User.objects.get(pk=user.pk).is_active
    admin_client.post(f"/users/{user.pk}/disable/", {"reason": "transferred"})
    user.refresh_from_db()
    assert not user.is_active
    assert user.disabled_reason == "transferred"
    assert AuditEvent.objects.get(action="user.disabled").reason == "transferred"
    admin_client.post(f"/users/{user.pk}/enable/")
    assert User.objects.get(pk=user.pk).is_active


def test_an_administrator_cannot_disable_themself(admin_client, administrator):
    response = admin_client.post(
        f"/users/{administrator.pk}/disable/", {"reason": "oops"}, follow=True
    )
    assert "You cannot disable your own account." in response.content.decode()


def test_clearance_needs_step_up_and_a_second_administrator(
    admin_client, administrator, make_user, client_for
):
    from ncos.accounts.models import PrivilegeRequest

    user = make_user("act.witness.officer")
    response = admin_client.post(
        f"/users/{user.pk}/clearance/", {"cleared": "on", "reason": "approved"}
    )
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert not PrivilegeRequest.objects.exists()
    admin_client.post("/accounts/reauthenticate/", {"password": "a long enough test passphrase 42"})
    admin_client.post(f"/users/{user.pk}/clearance/", {"cleared": "on", "reason": "approved"})
    # Asked for, not granted (AC-7): the asker cannot approve their own request.
    assert not User.objects.get(pk=user.pk).protected_clearance
    request = PrivilegeRequest.objects.get(user=user, state="pending")
    page = admin_client.get(f"/users/{user.pk}/").content.decode()
    assert "Awaiting a second administrator" in page
    assert 'value="approve"' not in page
    refused = admin_client.post(
        f"/users/privileges/{request.pk}/", {"decision": "approve"}, follow=True
    )
    assert "A second administrator must decide" in refused.content.decode()
    assert not User.objects.get(pk=user.pk).protected_clearance

    second = client_for(make_user("act.admin.two", roles=[Role.ADMINISTRATOR]))
    second.post("/accounts/reauthenticate/", {"password": "a long enough test passphrase 42"})
    assert 'value="approve"' in second.get(f"/users/{user.pk}/").content.decode()
    second.post(f"/users/privileges/{request.pk}/", {"decision": "approve"})
    assert User.objects.get(pk=user.pk).protected_clearance
    event = AuditEvent.objects.get(action="user.clearance_changed")
    assert event.reason == "approved"
    assert event.details["changes"] == {"protected_clearance": {"before": False, "after": True}}
    assert (event.details["requested_by"], event.details["approved_by"]) == (
        administrator.username,
        "act.admin.two",
    )
    # Taking it away needs no second person.
    admin_client.post(f"/users/{user.pk}/clearance/", {"reason": "moved unit"})
    assert not User.objects.get(pk=user.pk).protected_clearance


def test_a_privileged_role_waits_for_approval_and_can_be_refused_or_withdrawn(
    admin_client, make_user, client_for
):
    from ncos.accounts.models import PrivilegeRequest

    user = make_user("act.future.auditor", roles=[Role.INVESTIGATOR])
    admin_client.post(f"/users/{user.pk}/roles/", {"roles": ["investigator", "auditor"]})
    assert User.objects.get(pk=user.pk).roles == {Role.INVESTIGATOR}
    request = PrivilegeRequest.objects.get(user=user, role="auditor", state="pending")
    second = client_for(make_user("act.admin.three", roles=[Role.ADMINISTRATOR]))
    second.post(f"/users/privileges/{request.pk}/", {"decision": "refuse"})
    request.refresh_from_db()
    assert request.state == "refused"
    assert User.objects.get(pk=user.pk).roles == {Role.INVESTIGATOR}

    admin_client.post(f"/users/{user.pk}/roles/", {"roles": ["investigator", "auditor"]})
    again = PrivilegeRequest.objects.get(user=user, state="pending")
    admin_client.post(f"/users/privileges/{again.pk}/", {"decision": "withdraw"})
    again.refresh_from_db()
    assert again.state == "withdrawn"
    actions = list(
        AuditEvent.objects.filter(action__startswith="user.privilege_")
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == [
        "user.privilege_requested",
        "user.privilege_refused",
        "user.privilege_requested",
        "user.privilege_withdrawn",
    ]


def test_another_jurisdictions_user_does_not_exist_for_the_administrator(admin_client, make_user):
    other = make_user("nsw.someone", jurisdiction="NSW")
    for path in ("", "roles/", "disable/", "end-sessions/", "reset-password/"):
        method = admin_client.get if path == "" else admin_client.post
        assert method(f"/users/{other.pk}/{path}").status_code == 404
    assert method(f"/users/{other.pk + 1000}/").status_code == 404
    assert User.objects.get(pk=other.pk).is_active


@pytest.mark.parametrize(
    "role",
    [Role.REGISTRAR, Role.CASE_MANAGER, Role.INVESTIGATOR, Role.COMPETENT_AUTHORITY, Role.AUDITOR],
)
def test_other_roles_are_refused_and_the_refusal_audited(make_user, client_for, role):
    user = make_user(roles=[role])
    client = client_for(user)
    assert client.get("/users/").status_code == 403
    assert client.post("/users/new/", {"username": "act.sneaky"}).status_code == 403
    assert not User.objects.filter(username="act.sneaky").exists()
    assert (
        AuditEvent.objects.filter(action="user.admin", outcome="denied", actor_id=user.pk).count()
        == 2
    )


def test_administrators_read_no_person_records(administrator):
    subject = subject_of(administrator)
    for action in (
        Action.PERSON_VIEW,
        Action.PERSON_SEARCH,
        Action.PERSON_EXPORT,
        Action.PERSON_PHOTO,
    ):
        assert not decide(subject, action, RecordRef("ACT")).allowed
        assert not decide(subject, action, RecordRef("ACT")).stub


def test_the_user_pages_show_no_person_data_menu(admin_client):
    page = admin_client.get("/").content.decode()
    assert 'href="/users/"' in page
    assert 'href="/search/"' not in page
    assert 'href="/audit/"' not in page
