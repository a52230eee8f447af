"""allauth's forms, taught to unlock, create and re-wrap the member's keys.

Each form has the password in hand at exactly the moment the key must be
derived from it; nothing else ever sees the password.
"""

from __future__ import annotations

from typing import Any

from allauth.account import forms as allauth_forms
from allauth.core import context
from django import forms

from hearth.accounts.services import account_reset_keys
from hearth.core import crypto
from hearth.vault import services as vault
from hearth.vault.middleware import stash_unlocked
from hearth.vault.models import Keyring


class LoginForm(allauth_forms.LoginForm):  # type: ignore[misc]
    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        user = getattr(self, "user", None)
        if user is not None and not self.errors:
            unlocked = vault.keyring_unlock(user=user, password=cleaned["password"])
            stash_unlocked(self.request, unlocked.keychain, unlocked.recovery_code)
        return cleaned


class SignupForm(allauth_forms.SignupForm):  # type: ignore[misc]
    name = forms.CharField(
        label="Your name",
        max_length=80,
        help_text="How you'd like to appear to the people in your spaces. You can change it.",
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    field_order = ["name", "email", "password1", "password2"]

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Please tell us what to call you.")
        return name

    def save(self, request: Any) -> Any:
        user = super().save(request)
        unlocked = vault.keyring_create(
            user=user, password=self.cleaned_data["password1"], name=self.cleaned_data["name"]
        )
        stash_unlocked(request, unlocked.keychain, unlocked.recovery_code)
        return user


class ChangePasswordForm(allauth_forms.ChangePasswordForm):  # type: ignore[misc]
    def save(self) -> None:
        unlocked = vault.keyring_unlock(user=self.user, password=self.cleaned_data["oldpassword"])
        super().save()
        vault.keyring_change_password(
            user=self.user,
            user_key=unlocked.keychain.user_key,
            new_password=self.cleaned_data["password1"],
        )
        stash_unlocked(context.request, unlocked.keychain, None)


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):  # type: ignore[misc]
    recovery_code = forms.CharField(
        label="Recovery code",
        required=False,
        help_text="The code you saved when you joined Hearth. With it, everything you wrote "
        "opens again.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    start_without_code = forms.BooleanField(
        label="I don't have my recovery code. I understand that my private entries will "
        "stay locked for good, and that what I shared comes back when someone in my "
        "space next opens Hearth.",
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        code = (cleaned.get("recovery_code") or "").strip()
        self._user_key: bytes | None = None
        if code:
            try:
                self._user_key = vault.keyring_check_recovery_code(
                    user=self.user, recovery_code=code
                )
            except (crypto.CryptoError, Keyring.DoesNotExist):
                self.add_error(
                    "recovery_code",
                    "That recovery code doesn't match this account. Check it and try again, "
                    "or continue without it.",
                )
        elif not cleaned.get("start_without_code"):
            self.add_error(
                "recovery_code",
                "Enter your recovery code, or tick the box below to continue without it.",
            )
        return cleaned

    def save(self) -> None:
        super().save()
        unlocked = account_reset_keys(
            user=self.user, new_password=self.cleaned_data["password1"], user_key=self._user_key
        )
        stash_unlocked(context.request, unlocked.keychain, unlocked.recovery_code)


class ResetPasswordForm(allauth_forms.ResetPasswordForm):  # type: ignore[misc]
    """Reset links go only to the account's own, verified address.

    An address added on someone's unlocked phone stays unverified, so it can
    never receive a reset link and take the account over.
    """

    def clean_email(self) -> str:
        email: str = super().clean_email()
        found: list[Any] = vars(self).get("users", [])
        self.users = [u for u in found if u.email.lower() == email.lower()]
        return email
