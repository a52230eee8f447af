"""Writes to a member's keyring: one function per change, each atomic."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.core import crypto
from hearth.vault.keychain import Keychain, keyring_aad
from hearth.vault.models import Keyring


def kdf_params() -> crypto.KdfParams:
    return crypto.KDF_FAST if settings.HEARTH_KDF == "fast" else crypto.KDF_INTERACTIVE


@dataclass(frozen=True)
class Unlocked:
    keychain: Keychain
    # Set only when a new keyring was made: shown to the member once.
    recovery_code: str | None = None


def _wrap_under_secrets(
    ring: Keyring, *, user_key: bytes, password: str, recovery_code: str | None
) -> None:
    params = kdf_params()
    ring.kdf = params.encode()
    ring.password_salt = crypto.new_salt()
    ring.key_by_password = crypto.wrap_key(
        crypto.derive_key(password, ring.password_salt, params),
        user_key,
        aad=keyring_aad(ring.user_id, "password"),
    )
    if recovery_code is not None:
        ring.recovery_salt = crypto.new_salt()
        ring.key_by_recovery = crypto.wrap_key(
            crypto.derive_key(recovery_code, ring.recovery_salt, params),
            user_key,
            aad=keyring_aad(ring.user_id, "recovery"),
        )


def _fill_new_keys(ring: Keyring, *, password: str, name: str) -> Unlocked:
    user_key = crypto.new_key()
    recovery_code = crypto.new_recovery_code()
    pair = crypto.new_keypair()
    _wrap_under_secrets(ring, user_key=user_key, password=password, recovery_code=recovery_code)
    ring.public_key = pair.public
    ring.private_key_sealed = crypto.encrypt(
        user_key, pair.private, aad=keyring_aad(ring.user_id, "private")
    )
    ring.name_sealed = crypto.encrypt_text(user_key, name, aad=keyring_aad(ring.user_id, "name"))
    ring.recovery_confirmed_at = None
    return Unlocked(
        keychain=Keychain(user_id=ring.user_id, user_key=user_key, _private_key=pair.private),
        recovery_code=recovery_code,
    )


@transaction.atomic
def keyring_create(*, user: User, password: str, name: str) -> Unlocked:
    """A new user key, wrapped under the password and a fresh recovery code."""
    ring = Keyring(user=user)
    unlocked = _fill_new_keys(ring, password=password, name=name)
    ring.save()
    return unlocked


def keyring_unlock(*, user: User, password: str) -> Unlocked:
    """Unwrap the user key with the password the member just signed in with.

    An account made outside the sign-up page (``hearth createsuperuser``) has
    no keyring yet; it gets one now, and its recovery code is shown next.
    """
    try:
        ring = Keyring.objects.get(user=user)
    except Keyring.DoesNotExist:
        return keyring_create(user=user, password=password, name=user.email.split("@")[0])
    kek = crypto.derive_key(password, bytes(ring.password_salt), crypto.KdfParams.decode(ring.kdf))
    user_key = crypto.unwrap_key(kek, ring.key_by_password, aad=keyring_aad(user.pk, "password"))
    return Unlocked(keychain=Keychain(user_id=user.pk, user_key=user_key))


def keyring_check_recovery_code(*, user: User, recovery_code: str) -> bytes:
    """The user key, if ``recovery_code`` is this member's; else CryptoError."""
    code = crypto.normalise_recovery_code(recovery_code)
    ring = Keyring.objects.get(user=user)
    kek = crypto.derive_key(code, bytes(ring.recovery_salt), crypto.KdfParams.decode(ring.kdf))
    return crypto.unwrap_key(kek, ring.key_by_recovery, aad=keyring_aad(user.pk, "recovery"))


@transaction.atomic
def keyring_change_password(*, user: User, user_key: bytes, new_password: str) -> None:
    """Re-wrap the same user key under a new password; nothing else changes."""
    ring = Keyring.objects.select_for_update().get(user=user)
    _wrap_under_secrets(ring, user_key=user_key, password=new_password, recovery_code=None)
    ring.save(update_fields=["kdf", "password_salt", "key_by_password"])


@transaction.atomic
def keyring_replace(*, user: User, new_password: str, name: str) -> Unlocked:
    """A password reset without the recovery code: a brand-new user key.

    What the old key protected (private items, the member's copies of space
    keys) stays locked. Callers must also mark the member's space keys as lost
    so other members can hand them over again.
    """
    ring = Keyring.objects.select_for_update().get(user=user)
    unlocked = _fill_new_keys(ring, password=new_password, name=name)
    ring.rotated_at = timezone.now()
    ring.save()
    return unlocked


@transaction.atomic
def keyring_confirm_recovery_saved(*, user: User) -> None:
    Keyring.objects.filter(user=user, recovery_confirmed_at__isnull=True).update(
        recovery_confirmed_at=timezone.now()
    )


@transaction.atomic
def keyring_rename(*, keychain: Keychain, name: str) -> None:
    Keyring.objects.filter(user_id=keychain.user_id).update(
        name_sealed=crypto.encrypt_text(
            keychain.user_key, name, aad=keyring_aad(keychain.user_id, "name")
        )
    )


def keyring_name(*, keychain: Keychain) -> str:
    ring = Keyring.objects.only("name_sealed").get(user_id=keychain.user_id)
    return crypto.decrypt_text(
        keychain.user_key, ring.name_sealed, aad=keyring_aad(keychain.user_id, "name")
    )
