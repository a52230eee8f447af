"""Authenticated encryption for everything a member writes.

Built on libsodium (PyNaCl); nothing here is a home-made cipher:

* items are sealed with XChaCha20-Poly1305 (IETF AEAD) under a fresh random
  192-bit nonce, so nonces can be drawn at random without fear of repeats;
* the associated data names where a ciphertext lives (table, row, field), so
  a ciphertext copied to another row or field fails to open;
* keys that protect other keys ("key-encryption keys") come from Argon2id for
  passwords and recovery codes, and from keyed BLAKE2b for high-entropy
  secrets such as invitation tokens;
* a space key is handed to a member whose user key we cannot reach (after a
  password reset without the recovery code) with a sealed box to that
  member's public key.

Every failure surfaces as one error type, :class:`CryptoError`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import nacl.bindings as sodium
import nacl.exceptions
import nacl.public
import nacl.pwhash
import nacl.utils

KEY_BYTES = 32
NONCE_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES  # 24
SALT_BYTES = nacl.pwhash.argon2id.SALTBYTES  # 16
VERSION = b"\x01"

# Databases hand binary columns back as bytes or memoryview; both are welcome.
Blob = bytes | memoryview


class CryptoError(Exception):
    """A ciphertext did not open, a key was wrong, or input was malformed."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost, stored beside what it protects so it can change later."""

    opslimit: int
    memlimit: int

    def encode(self) -> str:
        return f"argon2id${self.opslimit}${self.memlimit}"

    @classmethod
    def decode(cls, text: str) -> KdfParams:
        try:
            name, ops, mem = text.split("$")
            if name != "argon2id":
                raise ValueError(name)
            return cls(opslimit=int(ops), memlimit=int(mem))
        except ValueError as exc:
            raise CryptoError("unknown key-derivation parameters") from exc


# libsodium's "moderate" profile is ~0.3 s and 256 MiB: too heavy for a small
# shared host. Interactive (64 MiB, 2 passes) is libsodium's advice for logins.
KDF_INTERACTIVE = KdfParams(
    opslimit=nacl.pwhash.argon2id.OPSLIMIT_INTERACTIVE,
    memlimit=nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE,
)
# For tests and demo data only: the smallest cost libsodium accepts.
KDF_FAST = KdfParams(
    opslimit=nacl.pwhash.argon2id.OPSLIMIT_MIN,
    memlimit=nacl.pwhash.argon2id.MEMLIMIT_MIN,
)


def new_key() -> bytes:
    """A fresh random 256-bit key."""
    return nacl.utils.random(KEY_BYTES)


def new_salt() -> bytes:
    return nacl.utils.random(SALT_BYTES)


def derive_key(secret: str, salt: bytes, params: KdfParams) -> bytes:
    """A key-encryption key from a password or recovery code (Argon2id)."""
    if len(salt) != SALT_BYTES:
        raise CryptoError("salt has the wrong length")
    try:
        return bytes(
            nacl.pwhash.argon2id.kdf(
                KEY_BYTES,
                secret.encode("utf-8"),
                salt,
                opslimit=params.opslimit,
                memlimit=params.memlimit,
            )
        )
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
        raise CryptoError("could not derive a key") from exc


def derive_subkey(secret: bytes, purpose: str) -> bytes:
    """A key for one purpose from a high-entropy secret (keyed BLAKE2b)."""
    if len(secret) < 16:
        raise CryptoError("secret is too short to derive keys from")
    return hashlib.blake2b(purpose.encode("utf-8"), key=secret[:64], digest_size=KEY_BYTES).digest()


def lookup_hash(secret: bytes) -> str:
    """A one-way fingerprint of a token, safe to store and index."""
    return derive_subkey(secret, "hearth/lookup").hex()


def encrypt(key: bytes, plaintext: bytes, aad: str) -> bytes:
    """Seal ``plaintext`` under ``key``, bound to ``aad`` (where it lives)."""
    if len(key) != KEY_BYTES:
        raise CryptoError("key has the wrong length")
    nonce = nacl.utils.random(NONCE_BYTES)
    header = VERSION + nonce
    body = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
        plaintext, aad.encode("utf-8") + VERSION, nonce, key
    )
    return header + body


def decrypt(key: bytes, sealed: Blob, aad: str) -> bytes:
    """Open what :func:`encrypt` sealed; any tampering raises CryptoError."""
    if len(key) != KEY_BYTES:
        raise CryptoError("key has the wrong length")
    raw = bytes(sealed)
    if len(raw) < 1 + NONCE_BYTES + 16 or raw[:1] != VERSION:
        raise CryptoError("not a Hearth ciphertext")
    nonce = raw[1 : 1 + NONCE_BYTES]
    try:
        return bytes(
            sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
                raw[1 + NONCE_BYTES :], aad.encode("utf-8") + VERSION, nonce, key
            )
        )
    except nacl.exceptions.CryptoError as exc:
        raise CryptoError("ciphertext did not open") from exc


def encrypt_text(key: bytes, text: str, aad: str) -> bytes:
    return encrypt(key, text.encode("utf-8"), aad)


def decrypt_text(key: bytes, sealed: Blob, aad: str) -> str:
    try:
        return decrypt(key, sealed, aad).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CryptoError("ciphertext is not text") from exc


def wrap_key(kek: bytes, key: bytes, aad: str) -> bytes:
    """Seal one key under another."""
    if len(key) != KEY_BYTES:
        raise CryptoError("only 256-bit keys are wrapped")
    return encrypt(kek, key, aad)


def unwrap_key(kek: bytes, wrapped: Blob, aad: str) -> bytes:
    key = decrypt(kek, wrapped, aad)
    if len(key) != KEY_BYTES:
        raise CryptoError("unwrapped key has the wrong length")
    return key


@dataclass(frozen=True)
class KeyPair:
    public: bytes
    private: bytes


def new_keypair() -> KeyPair:
    private = nacl.public.PrivateKey.generate()
    return KeyPair(public=bytes(private.public_key), private=bytes(private))


def seal_to(public: bytes, key: bytes) -> bytes:
    """Hand ``key`` to the holder of ``public`` without being able to read it back."""
    try:
        box = nacl.public.SealedBox(nacl.public.PublicKey(public))
        return bytes(box.encrypt(key))
    except (nacl.exceptions.CryptoError, TypeError, ValueError) as exc:
        raise CryptoError("could not seal to that public key") from exc


def open_sealed(private: bytes, sealed: Blob) -> bytes:
    try:
        box = nacl.public.SealedBox(nacl.public.PrivateKey(private))
        key = bytes(box.decrypt(bytes(sealed)))
    except (nacl.exceptions.CryptoError, TypeError, ValueError) as exc:
        raise CryptoError("sealed key did not open") from exc
    if len(key) != KEY_BYTES:
        raise CryptoError("sealed key has the wrong length")
    return key


def new_token() -> bytes:
    """A 256-bit secret for links; see :func:`token_text`."""
    return secrets.token_bytes(32)


def token_text(token: bytes) -> str:
    return base64.urlsafe_b64encode(token).rstrip(b"=").decode("ascii")


def token_from_text(text: str) -> bytes:
    try:
        padded = text + "=" * (-len(text) % 4)
        token = base64.urlsafe_b64decode(padded.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise CryptoError("malformed token") from exc
    if len(token) != 32:
        raise CryptoError("malformed token")
    return token


# Recovery codes: 32 characters from an alphabet without look-alikes
# (no 0/O, 1/I/L), grouped for reading aloud or writing down. 32 symbols of
# 5 bits each is 160 bits: far beyond guessing, even offline.
_RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_recovery_code() -> str:
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(32))
    return "-".join(raw[i : i + 4] for i in range(0, 32, 4))


def normalise_recovery_code(text: str) -> str:
    """Accept a recovery code however it was copied: case, spaces, dashes."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(cleaned) != 32 or any(ch not in _RECOVERY_ALPHABET for ch in cleaned):
        raise CryptoError("that is not a recovery code")
    return "-".join(cleaned[i : i + 4] for i in range(0, 32, 4))


def same(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)
