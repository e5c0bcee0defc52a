"""Who may do what: accounts, sign-in sessions, roles, and the audit log.

Kept in their own SQLite file (`[auth] db`, default embeddings/office.sqlite),
apart from the index, so rebuilding or restoring the index never loses users,
conversations or the audit trail. Passwords are hashed with scrypt
(hashlib, RFC 7914; n=2^14, r=8, p=1, 16-byte salt) and compared in constant
time; sign-in attempts are rate-limited per account; sessions are random
tokens that expire.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import secrets
import time
from dataclasses import dataclass

from ..search.store import MigratedDatabase

ROLES = ("reader", "editor", "admin")
ROLE_NAMES = {"reader": "读者", "editor": "编辑", "admin": "管理员"}
# reader: ask, browse, export · editor: also upload and re-parse · admin: also remove documents, users, audit log
PERMISSIONS = {
    "reader": frozenset({"ask", "browse", "export"}),
    "editor": frozenset({"ask", "browse", "export", "upload", "reparse"}),
    "admin": frozenset({"ask", "browse", "export", "upload", "reparse", "remove", "users", "audit"}),
}
OFFICE_MIGRATIONS = [
    """
    CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password TEXT NOT NULL,             -- scrypt$n$r$p$salt$hash
        created_at REAL NOT NULL
    );
    CREATE TABLE sessions (
        token TEXT PRIMARY KEY,
        name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
        created_at REAL NOT NULL,
        expires_at REAL NOT NULL
    );
    CREATE TABLE login_attempts (name TEXT NOT NULL, at REAL NOT NULL, ok INTEGER NOT NULL);
    CREATE INDEX login_attempts_name ON login_attempts(name, at);
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at REAL NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE conversations (
        id TEXT PRIMARY KEY,                -- random, not guessable
        owner TEXT NOT NULL,
        title TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL
    );
    CREATE INDEX conversations_owner ON conversations(owner, updated_at);
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        content TEXT NOT NULL,
        payload_json TEXT NOT NULL DEFAULT '{}',
        created_at REAL NOT NULL
    );
    """,
    # 2: keys for the HTTP API (office/apikeys.py); only a hash of each secret is kept
    """
    CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
        secret_sha256 TEXT NOT NULL,
        created_at REAL NOT NULL,
        last_used_at REAL,
        revoked_at REAL
    );
    CREATE INDEX api_keys_owner ON api_keys(owner);
    """,
    # 3: failed sign-ins count per user name AND client address (a stranger can lock only themselves)
    """
    ALTER TABLE login_attempts ADD COLUMN address TEXT NOT NULL DEFAULT '';
    CREATE INDEX login_attempts_name_address ON login_attempts(name, address, at);
    """,
]
SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class OfficeStore(MigratedDatabase):
    """Accounts, sessions, audit log and conversations."""

    migrations = OFFICE_MIGRATIONS
    repair_hint = "从备份恢复该文件，或删除后重新创建账户（python -m assistant users add …）"


class AuthError(Exception):
    """A refused sign-in or account change, with a message for the user."""


class LockedOut(AuthError):
    """Too many wrong passwords for this name from this address: no password is even checked."""


@dataclass(frozen=True)
class User:
    name: str
    role: str

    def can(self, action: str) -> bool:
        return action in PERMISSIONS.get(self.role, frozenset())

    @property
    def role_name(self) -> str:
        return ROLE_NAMES.get(self.role, self.role)


@dataclass(frozen=True)
class Lock:
    name: str
    address: str
    failures: int
    until: float


def check_password(password: str) -> None:
    """At least 8 characters, and not only spaces (`users add` once accepted eight spaces)."""
    if len(password) < 8 or not password.strip():
        raise AuthError("密码至少 8 个字符，且不能全是空格")
    if any(ch in password for ch in "\n\r"):
        raise AuthError("密码不能包含换行")


LOCAL_USER = User("本机用户", "admin")  # [auth] mode = "none": one person on 127.0.0.1


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **SCRYPT)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(
        password.encode("utf-8"),
        salt=bytes.fromhex(salt),
        n=int(n),
        r=int(r),
        p=int(p),
        dklen=len(bytes.fromhex(digest)),
    )
    return hmac.compare_digest(candidate, bytes.fromhex(digest))


class Accounts:
    """Users, their sign-ins and sessions."""

    def __init__(
        self, store: OfficeStore, session_hours: float = 8, max_failures: int = 5, lockout_minutes: float = 15
    ):
        self.store, self.session_s = store, session_hours * 3600
        self.max_failures, self.lockout_s = max_failures, lockout_minutes * 60

    # -------------------------------------------------------------- accounts
    def add(self, name: str, role: str, password: str) -> User:
        name = name.strip()
        if role not in ROLES:
            raise AuthError(f"未知角色 {role}：可选 {'、'.join(ROLES)}")
        if not name or len(name) > 40 or any(ch in name for ch in "\n\r\t"):
            raise AuthError("用户名须为 1–40 个字符，不含换行或制表符")
        check_password(password)
        if self.get(name):
            raise AuthError(f"用户 {name} 已存在")
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO users(name, role, password, created_at) VALUES (?,?,?,?)",
                (name, role, hash_password(password), time.time()),
            )
        return User(name, role)

    def get(self, name: str) -> User | None:
        row = self.store.conn.execute("SELECT name, role FROM users WHERE name = ?", (name,)).fetchone()
        return User(*row) if row else None

    def list(self) -> list[User]:
        return [User(*row) for row in self.store.conn.execute("SELECT name, role FROM users ORDER BY name")]

    def remove(self, name: str) -> None:
        if not self.get(name):
            raise AuthError(f"没有用户 {name}")
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM users WHERE name = ?", (name,))

    def set_password(self, name: str, password: str) -> None:
        if not self.get(name):
            raise AuthError(f"没有用户 {name}")
        check_password(password)
        with self.store.transaction() as conn:
            conn.execute("UPDATE users SET password = ? WHERE name = ?", (hash_password(password), name))
            conn.execute(
                "DELETE FROM sessions WHERE name = ?", (name,)
            )  # other sign-ins end with the old password

    # -------------------------------------------------------------- sign-in
    def set_role(self, name: str, role: str) -> None:
        if role not in ROLES:
            raise AuthError(f"未知角色 {role}：可选 {'、'.join(ROLES)}")
        if not self.get(name):
            raise AuthError(f"没有用户 {name}")
        with self.store.transaction() as conn:
            conn.execute("UPDATE users SET role = ? WHERE name = ?", (role, name))

    # -------------------------------------------------------------- sign-in
    def sign_in(self, name: str, password: str, address: str = "") -> str:
        """A session token, or AuthError with the reason (the same for unknown users and wrong passwords).

        Failures count per user name and client address: after `max_failures` wrong passwords from
        one address, that address waits `lockout_minutes` for that name; the user signing in from
        their own machine is not locked out by someone else guessing (an admin can unlock).
        """
        now = time.time()
        if self.failures(name, address, now) >= self.max_failures:
            raise LockedOut(
                f"登录失败次数过多，请 {int(self.lockout_s // 60)} 分钟后再试，或请管理员解除锁定"
            )
        row = self.store.conn.execute("SELECT password FROM users WHERE name = ?", (name,)).fetchone()
        ok = bool(row) and verify_password(password, row[0])
        token = secrets.token_urlsafe(32)
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO login_attempts(name, at, ok, address) VALUES (?,?,?,?)",
                (name, now, int(ok), address),
            )
            if ok:
                conn.execute(
                    "DELETE FROM login_attempts WHERE name = ? AND address = ? AND ok = 0", (name, address)
                )
                conn.execute(
                    "INSERT INTO sessions(token, name, created_at, expires_at) VALUES (?,?,?,?)",
                    (token, name, now, now + self.session_s),
                )
        if not ok:
            raise AuthError("用户名或密码不正确")
        return token

    def failures(self, name: str, address: str, now: float | None = None) -> int:
        """Wrong passwords for `name` from `address` within the lockout window."""
        since = (now or time.time()) - self.lockout_s
        return self.store.conn.execute(
            "SELECT COUNT(*) FROM login_attempts WHERE name = ? AND address = ? AND ok = 0 AND at > ?",
            (name, address, since),
        ).fetchone()[0]

    def locks(self) -> list[Lock]:
        """Names locked for some address right now, with the address and when the lock ends."""
        since = time.time() - self.lockout_s
        rows = self.store.conn.execute(
            "SELECT name, address, COUNT(*), MAX(at) FROM login_attempts WHERE ok = 0 AND at > ?"
            " GROUP BY name, address HAVING COUNT(*) >= ? ORDER BY MAX(at) DESC",
            (since, self.max_failures),
        ).fetchall()
        return [Lock(name, address, count, last + self.lockout_s) for name, address, count, last in rows]

    def unlock(self, name: str) -> int:
        """Forget the failed sign-ins of `name` from every address; how many were forgotten."""
        with self.store.transaction() as conn:
            return conn.execute("DELETE FROM login_attempts WHERE name = ? AND ok = 0", (name,)).rowcount

    def user_for(self, token: str | None) -> User | None:
        """The signed-in user of a session token, None when unknown or expired."""
        if not token:
            return None
        row = self.store.conn.execute(
            "SELECT u.name, u.role FROM sessions s JOIN users u ON u.name = s.name WHERE s.token = ? AND s.expires_at > ?",
            (token, time.time()),
        ).fetchone()
        return User(*row) if row else None

    def sign_out(self, token: str) -> None:
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM sessions WHERE token = ?", (token,))


class AuditLog:
    """Who asked, uploaded, removed, signed in (and failed to) — kept, shown to admins, exported as CSV."""

    def __init__(self, store: OfficeStore):
        self.store = store

    def record(self, user: str, action: str, detail: str = "") -> None:
        with self.store.transaction() as conn:
            conn.execute(
                "INSERT INTO audit(at, user, action, detail) VALUES (?,?,?,?)",
                (time.time(), user, action, detail[:500]),
            )

    def entries(self, limit: int = 500) -> list[dict]:
        rows = self.store.conn.execute(
            "SELECT at, user, action, detail FROM audit ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()
        return [
            {
                "时间": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(at)),
                "用户": user,
                "操作": action,
                "内容": detail,
            }
            for at, user, action, detail in rows
        ]

    def to_csv(self) -> bytes:
        """UTF-8 with BOM (Excel opens it as Chinese); cells that a spreadsheet would run as formulas are neutralised."""
        from .export import safe_cell

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        entries = self.entries(limit=100_000)
        writer.writerow(["时间", "用户", "操作", "内容"])
        for entry in entries:
            writer.writerow([safe_cell(str(v)) for v in entry.values()])
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
