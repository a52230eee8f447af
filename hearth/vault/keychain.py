"""The keys a signed-in member holds for the length of one request."""

from __future__ import annotations

from dataclasses import dataclass, field

from hearth.core import crypto


class KeysLocked(Exception):
    """The member's keys are not unlocked in this session: sign in again."""


@dataclass
class Keychain:
    user_id: int
    user_key: bytes
    _private_key: bytes | None = field(default=None, repr=False)
    _space_keys: dict[str, bytes] = field(default_factory=dict, repr=False)

    def private_key(self) -> bytes:
        if self._private_key is None:
            from hearth.vault.models import Keyring

            ring = Keyring.objects.only("private_key_sealed").get(user_id=self.user_id)
            self._private_key = crypto.decrypt(
                self.user_key, ring.private_key_sealed, aad=keyring_aad(self.user_id, "private")
            )
        return self._private_key

    def remember_space_key(self, space_id: object, key: bytes) -> None:
        self._space_keys[str(space_id)] = key

    def cached_space_key(self, space_id: object) -> bytes | None:
        return self._space_keys.get(str(space_id))


def keyring_aad(user_id: int, what: str) -> str:
    return f"keyring/{user_id}/{what}"
