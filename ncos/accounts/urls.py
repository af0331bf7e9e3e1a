from django.urls import path

from ncos.accounts import admin_views as views

app_name = "accounts"
urlpatterns = [
    path("", views.user_list, name="user_list"),
    path("new/", views.user_create, name="user_create"),
    path("<int:user_id>/", views.user_detail, name="user_detail"),
    path("<int:user_id>/roles/", views.user_roles, name="user_roles"),
    path("<int:user_id>/clearance/", views.user_clearance, name="user_clearance"),
    path(
        "privileges/<int:privilege_id>/",
        views.privilege_decide,
        name="privilege_decide",
    ),
    path("<int:user_id>/disable/", views.user_disable, name="user_disable"),
    path("<int:user_id>/enable/", views.user_enable, name="user_enable"),
    path("<int:user_id>/unlock/", views.user_unlock, name="user_unlock"),
    path("<int:user_id>/end-sessions/", views.user_end_sessions, name="user_end_sessions"),
    path("<int:user_id>/reset-password/", views.user_reset_password, name="user_reset_password"),
    path("tokens/", views.token_list, name="token_list"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
]
