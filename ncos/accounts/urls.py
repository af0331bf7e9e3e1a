from django.urls import path

from ncos.accounts import admin_views as views

app_name = "accounts"
urlpatterns = [
    path("", views.user_list, name="user_list"),
    path("new/", views.user_create, name="user_create"),
    path("<int:pk>/", views.user_detail, name="user_detail"),
    path("<int:pk>/roles/", views.user_roles, name="user_roles"),
    path("<int:pk>/clearance/", views.user_clearance, name="user_clearance"),
    path("<int:pk>/disable/", views.user_disable, name="user_disable"),
    path("<int:pk>/enable/", views.user_enable, name="user_enable"),
    path("<int:pk>/unlock/", views.user_unlock, name="user_unlock"),
    path("<int:pk>/end-sessions/", views.user_end_sessions, name="user_end_sessions"),
    path("<int:pk>/reset-password/", views.user_reset_password, name="user_reset_password"),
    path("tokens/", views.token_list, name="token_list"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
