import type { FastifyRequest } from 'fastify';
import type { Language } from '../../shared/i18n/index.js';
import { type OrganizationKind, type Permission, ROLE_PERMISSIONS, ROLE_SCOPE, type Role } from '../../shared/permissions.js';
import { AppError } from './errors.js';

/** The signed-in user as every handler sees them. */
export interface Actor {
  id: string;
  username: string;
  name: string;
  role: Role;
  language: Language;
  mustChangePassword: boolean;
  organizationId: string;
  organizationPath: string;
  organizationName: string;
  organizationKind: OrganizationKind;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: { user: Actor; tokenHash: string; csrfToken: string };
  }
}

/** The signed-in user, or a 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.auth) throw new AppError(401, 'auth.unauthenticated');
  return req.auth.user;
}

/** Whether an organization (by its tree path) lies inside the actor's scope. */
export function canReachOrganization(actor: Actor, organizationPath: string): boolean {
  if (ROLE_SCOPE[actor.role] === 'own') return organizationPath === actor.organizationPath;
  return organizationPath === actor.organizationPath || organizationPath.startsWith(`${actor.organizationPath}/`);
}

/**
 * Check a named permission, and, when the subject belongs to an organization, that the organization
 * is in the actor's scope. Every handler calls this explicitly before reading or writing.
 * An out-of-scope record answers 404 so its existence is not revealed.
 */
export function authorize(req: FastifyRequest, permission: Permission, subject?: { organizationPath: string }): Actor {
  const actor = requireActor(req);
  // A temporary password set by an administrator must be replaced before anything else is done.
  if (actor.mustChangePassword) throw new AppError(403, 'auth.password_change_required');
  if (!ROLE_PERMISSIONS[actor.role].includes(permission)) throw new AppError(403, 'forbidden');
  if (subject && !canReachOrganization(actor, subject.organizationPath)) throw new AppError(404, 'not_found');
  return actor;
}

/** The organization-path prefix for list queries in the actor's scope. */
export function scopePrefix(actor: Actor): { path: string; includeChildren: boolean } {
  return { path: actor.organizationPath, includeChildren: ROLE_SCOPE[actor.role] === 'subtree' };
}
