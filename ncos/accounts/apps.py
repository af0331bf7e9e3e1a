from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ncos.accounts"
    label = "accounts"
    verbose_name = "Accounts, roles and sign-in"

    def ready(self) -> None:
        from ncos.accounts import auth_events  # noqa: F401  (connects sign-in audit receivers)
        from ncos.accounts.mfa import install_totp_replay_window

        install_totp_replay_window()
