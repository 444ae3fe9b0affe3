import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type Actor, canReachOrganization } from '../../http/authorize.js';
import { AppError, notFound } from '../../http/errors.js';
import { organizations } from '../organizations/organizations.table.js';
import { type CaseRow, cases } from './cases.table.js';

/**
 * The case a handler is about to read or write, if the actor's scope reaches its organization;
 * otherwise not-found, so another organization's cases are never revealed. Pass `forWrite` for
 * writes: a closed (terminated) case refuses changes.
 */
export async function loadCaseInScope(db: Db, actor: Actor, caseId: string, opts: { forWrite?: boolean } = {}) {
  const [row] = await db
    .select({ case: cases, organizationPath: organizations.path, organizationName: organizations.name })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .where(and(eq(cases.id, caseId), isNull(cases.deletedAt)));
  if (!row || !canReachOrganization(actor, row.organizationPath)) throw notFound('cases.not_found');
  if (opts.forWrite && row.case.status === 'closed') throw new AppError(409, 'cases.closed');
  return row as { case: CaseRow; organizationPath: string; organizationName: string };
}
