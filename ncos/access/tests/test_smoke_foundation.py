import pytest

from ncos.access.roles import Role


@pytest.mark.django_db
def test_registrar_reaches_home_and_is_refused_user_admin(make_user, client_for):
    user = make_user(roles=[Role.REGISTRAR])
    client = client_for(user)
    assert client.get("/").status_code == 200
    assert client.get("/users/").status_code == 403
