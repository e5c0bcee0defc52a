"""API keys: how office systems (OA, chat bots, the openai client) sign in to the HTTP API.

A key is `mka_<id>_<secret>`; the office database keeps its id, owner, creation and last use
and a SHA-256 of the secret (the secret is 32 random bytes, so a fast hash is enough: nothing
to brute-force). It is shown once, when issued. A key acts as its owner, with the owner's role;
removing the owner or revoking the key ends it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from .accounts import AuthError, OfficeStore, User

PREFIX = "mka"


@dataclass(frozen=True)
class ApiKey:
    id: str
    owner: str
    created_at: float
    last_used_at: float | None
    revoked: bool


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class ApiKeys:
    def __init__(self, store: OfficeStore):
        self.store = store

    def issue(self, owner: str) -> tuple[ApiKey, str]:
        """A new key for `owner`: the record, and the key itself (never stored, shown once)."""
        if not self.store.conn.execute("SELECT 1 FROM users WHERE name = ?", (owner,)).fetchone():
            raise AuthError(f"没有用户 {owner}：先用 users add 创建账户")
        key_id, secret, now = secrets.token_hex(4), secrets.token_urlsafe(32), time.time()
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO api_keys(id, owner, secret_sha256, created_at) VALUES (?,?,?,?)",
                (key_id, owner, _digest(secret), now),
            )
        return ApiKey(key_id, owner, now, None, False), f"{PREFIX}_{key_id}_{secret}"

    def revoke(self, key_id: str) -> ApiKey:
        with self.store.transaction() as conn:
            changed = conn.execute(
                "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                (time.time(), key_id),
            ).rowcount
        if not changed:
            raise AuthError(f"没有有效的密钥 {key_id}")
        return next(k for k in self.list() if k.id == key_id)

    def list(self, owner: str | None = None) -> list[ApiKey]:
        rows = self.store.conn.execute(
            "SELECT id, owner, created_at, last_used_at, revoked_at IS NOT NULL FROM api_keys"
            " WHERE ? IS NULL OR owner = ? ORDER BY created_at",
            (owner, owner),
        )
        return [ApiKey(i, o, c, u, bool(r)) for i, o, c, u, r in rows]

    def user_for(self, key: str | None) -> tuple[User, str] | None:
        """The owner of a valid key (and the key's id), None for a malformed, unknown or revoked one."""
        parts = (key or "").split("_", 2)
        if len(parts) != 3 or parts[0] != PREFIX:
            return None
        _, key_id, secret = parts
        row = self.store.conn.execute(
            "SELECT k.secret_sha256, u.name, u.role FROM api_keys k JOIN users u ON u.name = k.owner"
            " WHERE k.id = ? AND k.revoked_at IS NULL",
            (key_id,),
        ).fetchone()
        if not row or not hmac.compare_digest(row[0], _digest(secret)):
            return None
        with self.store.transaction() as conn:
            conn.execute("UPDATE api_keys SET last_used_at = ? WHERE id = ?", (time.time(), key_id))
        return User(row[1], row[2]), key_id
