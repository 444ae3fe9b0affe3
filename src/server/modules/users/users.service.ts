import type { CreateUserBody, UpdateUserBody, UserView } from '../../../shared/contracts/users.js';
import type { Language } from '../../../shared/i18n/index.js';
import type { Role } from '../../../shared/permissions.js';
import type { Db } from '../../db/client.js';
import { type Actor, canReachOrganization } from '../../http/authorize.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { diffFields, insertAuditEvent } from '../audit/audit.repository.js';
import { hashPassword } from '../auth/passwords.js';
import { deleteSessionsOfUser } from '../auth/sessions.repository.js';
import { findOrganizationById } from '../organizations/organizations.repository.js';
import type { OrganizationRow } from '../organizations/organizations.table.js';
import * as repo from './users.repository.js';
import type { UserRow } from './users.table.js';

export function presentUser(u: UserRow, org: OrganizationRow): UserView {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    email: u.email,
    phone: u.phone,
    nip: u.nip,
    position: u.position,
    role: u.role as Role,
    organizationId: u.organizationId,
    organizationName: org.name,
    isActive: u.isActive,
    mustChangePassword: u.mustChangePassword,
    language: u.language as Language,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

async function reachableOrganization(db: Db, actor: Actor, organizationId: string) {
  const org = await findOrganizationById(db, organizationId);
  if (!org || !canReachOrganization(actor, org.path)) throw new AppError(400, 'users.organization_out_of_scope', undefined, 'organizationId');
  return org;
}

async function reachableUser(db: Db, actor: Actor, id: string) {
  const found = await repo.findUserById(db, id);
  if (!found || !canReachOrganization(actor, found.organization.path)) throw notFound();
  return found;
}

/** Whether a unique-constraint violation came from the database (both drivers report code 23505). */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

export async function createUser(db: Db, actor: Actor, body: CreateUserBody, ip?: string): Promise<UserView> {
  const passwordHash = await hashPassword(body.password);
  try {
    return await db.transaction(async (tx) => {
      const org = await reachableOrganization(tx, actor, body.organizationId);
      const taken = await repo.findUserByUsername(tx, body.username);
      if (taken) throw conflict('users.username_taken', 'username');
      const row = await repo.insertUser(tx, {
        organizationId: org.id,
        username: body.username,
        name: body.name,
        email: body.email ?? null,
        phone: body.phone ?? null,
        nip: body.nip ?? null,
        position: body.position ?? null,
        role: body.role,
        passwordHash,
        mustChangePassword: true,
      });
      await insertAuditEvent(tx, {
        action: 'user.created',
        actorUserId: actor.id,
        organizationId: org.id,
        entityType: 'user',
        entityId: row.id,
        changes: { username: row.username, name: row.name, role: row.role, organizationId: org.id },
        ip,
      });
      return presentUser(row, org);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('users.username_taken', 'username');
    throw err;
  }
}

export async function updateUserDetails(db: Db, actor: Actor, id: string, body: UpdateUserBody, ip?: string): Promise<UserView> {
  return db.transaction(async (tx) => {
    const before = await reachableUser(tx, actor, id);
    if (body.isActive === false && id === actor.id) throw new AppError(400, 'users.cannot_deactivate_self', undefined, 'isActive');
    const org = body.organizationId ? await reachableOrganization(tx, actor, body.organizationId) : before.organization;
    const row = await repo.updateUser(tx, id, body);
    // Deactivating a user or changing their role or organization ends their sessions at once.
    if (body.isActive === false || (body.role && body.role !== before.user.role) || org.id !== before.organization.id)
      await deleteSessionsOfUser(tx, id);
    await insertAuditEvent(tx, {
      action: 'user.updated',
      actorUserId: actor.id,
      organizationId: org.id,
      entityType: 'user',
      entityId: id,
      changes: diffFields(before.user as unknown as Record<string, unknown>, body as Record<string, unknown>),
      ip,
    });
    return presentUser(row, org);
  });
}

export async function resetUserPassword(db: Db, actor: Actor, id: string, newPassword: string, ip?: string) {
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const found = await reachableUser(tx, actor, id);
    await repo.updateUser(tx, id, { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null });
    await deleteSessionsOfUser(tx, id);
    await insertAuditEvent(tx, {
      action: 'user.password_reset',
      actorUserId: actor.id,
      organizationId: found.organization.id,
      entityType: 'user',
      entityId: id,
      ip,
    });
  });
}
