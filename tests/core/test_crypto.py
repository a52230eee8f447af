from __future__ import annotations

import pytest

from hearth.core import crypto


def test_it_opens_what_it_sealed() -> None:
    key = crypto.new_key()
    sealed = crypto.encrypt_text(key, "I felt heard today", "notes/1/body")
    assert crypto.decrypt_text(key, sealed, "notes/1/body") == "I felt heard today"
    assert b"heard" not in sealed


def test_it_refuses_a_flipped_byte_anywhere() -> None:
    key = crypto.new_key()
    sealed = crypto.encrypt(key, b"a private thought", "notes/1/body")
    for position in range(len(sealed)):
        tampered = bytearray(sealed)
        tampered[position] ^= 0x01
        with pytest.raises(crypto.CryptoError):
            crypto.decrypt(key, bytes(tampered), "notes/1/body")


def test_it_refuses_a_ciphertext_moved_to_another_row_or_field() -> None:
    key = crypto.new_key()
    sealed = crypto.encrypt(key, b"a private thought", "notes/1/body")
    with pytest.raises(crypto.CryptoError):
        crypto.decrypt(key, sealed, "notes/2/body")
    with pytest.raises(crypto.CryptoError):
        crypto.decrypt(key, sealed, "notes/1/title")


def test_it_refuses_the_wrong_key() -> None:
    sealed = crypto.encrypt(crypto.new_key(), b"x", "a")
    with pytest.raises(crypto.CryptoError):
        crypto.decrypt(crypto.new_key(), sealed, "a")


def test_it_never_repeats_a_nonce_in_ten_thousand_encryptions() -> None:
    key = crypto.new_key()
    nonces = {
        crypto.encrypt(key, b"same text", "same/place")[1 : 1 + crypto.NONCE_BYTES]
        for _ in range(10_000)
    }
    assert len(nonces) == 10_000


def test_it_refuses_garbage_and_short_input() -> None:
    key = crypto.new_key()
    for junk in (b"", b"\x01", b"\x02" + b"0" * 60, b"\x01" + b"0" * 10):
        with pytest.raises(crypto.CryptoError):
            crypto.decrypt(key, junk, "a")
    with pytest.raises(crypto.CryptoError):
        crypto.encrypt(b"short", b"x", "a")


def test_it_derives_the_same_key_from_the_same_password_and_salt_only() -> None:
    salt = crypto.new_salt()
    one = crypto.derive_key("correct horse", salt, crypto.KDF_FAST)
    assert one == crypto.derive_key("correct horse", salt, crypto.KDF_FAST)
    assert one != crypto.derive_key("correct horsf", salt, crypto.KDF_FAST)
    assert one != crypto.derive_key("correct horse", crypto.new_salt(), crypto.KDF_FAST)


def test_it_wraps_and_unwraps_keys_bound_to_their_place() -> None:
    kek, key = crypto.new_key(), crypto.new_key()
    wrapped = crypto.wrap_key(kek, key, "keyring/1/password")
    assert crypto.unwrap_key(kek, wrapped, "keyring/1/password") == key
    with pytest.raises(crypto.CryptoError):
        crypto.unwrap_key(kek, wrapped, "keyring/2/password")


def test_it_hands_a_key_only_to_the_holder_of_the_private_key() -> None:
    pair, other = crypto.new_keypair(), crypto.new_keypair()
    key = crypto.new_key()
    sealed = crypto.seal_to(pair.public, key)
    assert crypto.open_sealed(pair.private, sealed) == key
    with pytest.raises(crypto.CryptoError):
        crypto.open_sealed(other.private, sealed)


def test_it_reads_a_recovery_code_however_it_was_copied() -> None:
    code = crypto.new_recovery_code()
    assert len(code.replace("-", "")) == 32
    assert crypto.normalise_recovery_code(code.lower().replace("-", " ")) == code
    with pytest.raises(crypto.CryptoError):
        crypto.normalise_recovery_code("not-a-code")
    with pytest.raises(crypto.CryptoError):
        crypto.normalise_recovery_code("O" * 32)  # letters we never use


def test_it_round_trips_tokens_and_rejects_malformed_ones() -> None:
    token = crypto.new_token()
    assert crypto.token_from_text(crypto.token_text(token)) == token
    for bad in ("", "abc", "!!!!", "é" * 43):
        with pytest.raises(crypto.CryptoError):
            crypto.token_from_text(bad)
    assert crypto.lookup_hash(token) != crypto.derive_subkey(token, "hearth/invitation").hex()


def test_it_rejects_unknown_kdf_parameters() -> None:
    assert crypto.KdfParams.decode(crypto.KDF_FAST.encode()) == crypto.KDF_FAST
    with pytest.raises(crypto.CryptoError):
        crypto.KdfParams.decode("scrypt$1$2")
