"""Account-level writes that span more than one app."""

from __future__ import annotations

from django.db import transaction

from hearth.accounts.models import User
from hearth.spaces.services import memberships_forget_keys
from hearth.vault import services as vault
from hearth.vault.keychain import Keychain


@transaction.atomic
def account_create(*, email: str, password: str, name: str) -> tuple[User, vault.Unlocked]:
    """A member as the sign-up page makes one (used by the demo and tests)."""
    user = User.objects.create_user(email=email, password=password)
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    return user, vault.keyring_create(user=user, password=password, name=name)


@transaction.atomic
def account_reset_keys(*, user: User, new_password: str, user_key: bytes | None) -> vault.Unlocked:
    """After a password reset: keep the key (with the recovery code) or start anew."""
    if user_key is not None:
        vault.keyring_change_password(user=user, user_key=user_key, new_password=new_password)
        return vault.Unlocked(keychain=Keychain(user_id=user.pk, user_key=user_key))
    unlocked = vault.keyring_replace(
        user=user, new_password=new_password, name=user.email.split("@")[0]
    )
    memberships_forget_keys(user=user)
    return unlocked
