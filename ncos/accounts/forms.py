"""Sign-in form with the logon banner that must be acknowledged (security.md AU-10)."""

from __future__ import annotations

from allauth.account.forms import LoginForm
from django import forms

LOGON_BANNER = (
    "This is a restricted Australian police information system. Only authorised users may use it, "
    "and only for authorised purposes. Everything you do here is recorded and monitored. Accessing "
    "or disclosing information on the child sex offenders register without authority is an offence "
    "(Crimes (Child Sex Offenders) Act 2005 (ACT) s 120; Child Protection (Offenders Registration) "
    "Act 2000 (NSW) Part 3 Division 9). By signing in you consent to this monitoring."
)


class BannerLoginForm(LoginForm):
    acknowledge = forms.BooleanField(
        required=True,
        label=(
            "I have read this notice, I am authorised to use this system, "
            "and I consent to monitoring."
        ),
        error_messages={"required": "You must acknowledge the notice before signing in."},
    )

    field_order = ["login", "password", "acknowledge"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["login"].label = "Username"
        self.fields["login"].widget.attrs.update({"autocomplete": "username", "autofocus": True})
        self.fields.pop("remember", None)
