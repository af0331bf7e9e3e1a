"""Forms for administrators managing users of their own jurisdiction."""

from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator

from ncos.access.roles import ROLE_CHOICES

USERNAME_RULE = RegexValidator(
    r"^[a-z0-9][a-z0-9._-]{2,59}$",
    "Use 3–60 lower-case letters, digits, dots, dashes or underscores, "
    "starting with a letter or digit.",
)


class UserCreateForm(forms.Form):
    username = forms.CharField(max_length=60, validators=[USERNAME_RULE])
    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    email = forms.EmailField(
        required=False, help_text="For the directory only; ncos sends no email."
    )
    roles = forms.MultipleChoiceField(
        choices=ROLE_CHOICES, widget=forms.CheckboxSelectMultiple, required=True
    )


class RolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        choices=ROLE_CHOICES, widget=forms.CheckboxSelectMultiple, required=True
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=200, widget=forms.TextInput)


class ClearanceForm(forms.Form):
    cleared = forms.BooleanField(required=False, label="Cleared to see protected persons")
    reason = forms.CharField(max_length=200)


class TokenForm(forms.Form):
    name = forms.CharField(max_length=80, help_text="The system that will use this token.")
