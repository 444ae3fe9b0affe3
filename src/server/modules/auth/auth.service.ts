import type { MeResponse } from '../../../shared/contracts/auth.js';
import type { Language } from '../../../shared/i18n/index.js';
import { type OrganizationKind, ROLE_PERMISSIONS, type Role } from '../../../shared/permissions.js';
import type { AppConfig } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/authorize.js';
import { AppError } from '../../http/errors.js';
import { insertAuditEvent } from '../audit/audit.repository.js';
import type { OrganizationRow } from '../organizations/organizations.table.js';
import { findUserById, findUserByUsername, lockLoginState, updateUser } from '../users/users.repository.js';
import type { UserRow } from '../users/users.table.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { deleteSessionsOfUser, insertSession } from './sessions.repository.js';

export function toActor(user: UserRow, org: OrganizationRow): Actor {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role as Role,
    language: user.language as Language,
    mustChangePassword: user.mustChangePassword,
    organizationId: org.id,
    organizationPath: org.path,
    organizationName: org.name,
    organizationKind: org.kind as OrganizationKind,
  };
}

export function presentMe(actor: Actor, csrfToken: string): MeResponse {
  return {
    user: {
      id: actor.id,
      username: actor.username,
      name: actor.name,
      role: actor.role,
      language: actor.language,
      mustChangePassword: actor.mustChangePassword,
      organization: { id: actor.organizationId, name: actor.organizationName, kind: actor.organizationKind },
    },
    permissions: [...ROLE_PERMISSIONS[actor.role]],
    csrfToken,
  };
}

interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

/**
 * Check a username and password. Failures are counted per account and lock it for a while after
 * `loginMaxFailures`; every attempt, good or bad, is audited.
 */
export async function login(db: Db, config: AppConfig, username: string, password: string, meta: RequestMeta) {
  const found = await findUserByUsername(db, username);
  if (!found) {
    await verifyPassword(await dummyPasswordHash(), password);
    await insertAuditEvent(db, { action: 'auth.login_failed', changes: { username, reason: 'unknown_user' }, ip: meta.ip });
    throw new AppError(401, 'auth.invalid_credentials');
  }
  const { user, organization } = found;
  const audit = (reason: string) =>
    insertAuditEvent(db, {
      action: 'auth.login_failed',
      actorUserId: user.id,
      organizationId: organization.id,
      entityType: 'user',
      entityId: user.id,
      changes: { username, reason },
      ip: meta.ip,
    });
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await audit('locked');
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    throw new AppError(423, 'auth.locked', { minutes });
  }
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok) {
    await db.transaction(async (tx) => {
      // Counted on the row as it is now, locked: wrong passwords sent at once each count, so a burst
      // of guesses cannot slip past the lock.
      const current = await lockLoginState(tx, user.id);
      const failures = current.failedLoginCount + 1;
      const lock = failures >= config.loginMaxFailures;
      await updateUser(tx, user.id, {
        failedLoginCount: lock ? 0 : failures,
        lockedUntil: lock ? new Date(Date.now() + config.loginLockMinutes * 60_000) : current.lockedUntil,
      });
      await insertAuditEvent(tx, {
        action: 'auth.login_failed',
        actorUserId: user.id,
        organizationId: organization.id,
        entityType: 'user',
        entityId: user.id,
        changes: { username, reason: lock ? 'wrong_password_locked' : 'wrong_password', failures },
        ip: meta.ip,
      });
    });
    throw new AppError(401, 'auth.invalid_credentials');
  }
  if (!user.isActive) {
    await audit('inactive');
    throw new AppError(403, 'auth.inactive');
  }
  return db.transaction(async (tx) => {
    const updated = await updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() });
    const session = await insertSession(tx, user.id, config.sessionIdleMinutes, meta);
    await insertAuditEvent(tx, {
      action: 'auth.login',
      actorUserId: user.id,
      organizationId: organization.id,
      entityType: 'user',
      entityId: user.id,
      ip: meta.ip,
    });
    return { session, actor: toActor(updated, organization) };
  });
}

/** Change one's own password; other sessions of the user end, a new one is returned. */
export async function changePassword(
  db: Db,
  config: AppConfig,
  actor: Actor,
  currentPassword: string,
  newPassword: string,
  meta: RequestMeta,
) {
  const found = await findUserById(db, actor.id);
  if (!found || !(await verifyPassword(found.user.passwordHash, currentPassword)))
    throw new AppError(400, 'auth.wrong_current_password', undefined, 'currentPassword');
  if (currentPassword === newPassword) throw new AppError(400, 'auth.password_reused', undefined, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    const updated = await updateUser(tx, actor.id, { passwordHash, mustChangePassword: false });
    await deleteSessionsOfUser(tx, actor.id);
    const session = await insertSession(tx, actor.id, config.sessionIdleMinutes, meta);
    await insertAuditEvent(tx, {
      action: 'auth.password_changed',
      actorUserId: actor.id,
      organizationId: actor.organizationId,
      entityType: 'user',
      entityId: actor.id,
      ip: meta.ip,
    });
    return { session, actor: toActor(updated, found.organization) };
  });
}
