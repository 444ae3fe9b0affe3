import type { CreateOrganizationBody, OrganizationView, UpdateOrganizationBody } from '../../../shared/contracts/organizations.js';
import type { OrganizationKind, PartnerType } from '../../../shared/permissions.js';
import type { Db } from '../../db/client.js';
import { type Actor, canReachOrganization } from '../../http/authorize.js';
import { AppError, notFound } from '../../http/errors.js';
import { diffFields, insertAuditEvent } from '../audit/audit.repository.js';
import * as repo from './organizations.repository.js';
import type { OrganizationRow } from './organizations.table.js';

/** Which kinds of organization may sit under which parent kind. */
const ALLOWED_CHILDREN: Record<OrganizationKind, OrganizationKind[]> = {
  national: ['province', 'partner'],
  province: ['regency', 'partner'],
  regency: ['unit', 'partner'],
  unit: ['partner'],
  partner: [],
};

export function canHaveChild(parent: OrganizationKind, child: OrganizationKind): boolean {
  return ALLOWED_CHILDREN[parent].includes(child);
}

export function presentOrganization(o: OrganizationRow): OrganizationView {
  return {
    id: o.id,
    parentId: o.parentId,
    kind: o.kind as OrganizationKind,
    partnerType: (o.partnerType as PartnerType | null) ?? null,
    name: o.name,
    regionCode: o.regionCode,
    address: o.address,
    phone: o.phone,
    email: o.email,
    isDemo: o.isDemo,
  };
}

/** An organization the actor may reach, or not-found (never revealing one outside the scope). */
export async function getReachableOrganization(db: Db, actor: Actor, id: string): Promise<OrganizationRow> {
  const org = await repo.findOrganizationById(db, id);
  if (!org || !canReachOrganization(actor, org.path)) throw notFound();
  return org;
}

export async function createOrganization(db: Db, actor: Actor, body: CreateOrganizationBody, ip?: string) {
  return db.transaction(async (tx) => {
    const parent = await getReachableOrganization(tx, actor, body.parentId);
    if (!canHaveChild(parent.kind as OrganizationKind, body.kind)) throw new AppError(400, 'organizations.invalid_parent', undefined, 'kind');
    const row = await repo.insertOrganization(tx, {
      parentId: parent.id,
      parentPath: parent.path,
      kind: body.kind,
      partnerType: body.kind === 'partner' ? (body.partnerType ?? 'other') : null,
      name: body.name,
      regionCode: body.regionCode ?? null,
      address: body.address ?? null,
      phone: body.phone ?? null,
      email: body.email ?? null,
      isDemo: parent.isDemo,
    });
    await insertAuditEvent(tx, {
      action: 'organization.created',
      actorUserId: actor.id,
      organizationId: row.id,
      entityType: 'organization',
      entityId: row.id,
      changes: { name: row.name, kind: row.kind, parentId: parent.id },
      ip,
    });
    return row;
  });
}

export async function updateOrganizationDetails(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateOrganizationBody,
  ip?: string,
) {
  return db.transaction(async (tx) => {
    const before = await getReachableOrganization(tx, actor, id);
    const row = await repo.updateOrganization(tx, id, body);
    await insertAuditEvent(tx, {
      action: 'organization.updated',
      actorUserId: actor.id,
      organizationId: id,
      entityType: 'organization',
      entityId: id,
      changes: diffFields(before as unknown as Record<string, unknown>, body as Record<string, unknown>),
      ip,
    });
    return row;
  });
}
