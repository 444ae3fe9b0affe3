import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/client.js';

/** Users plus deployment facts: zero only on a database nothing has been written to. */
export async function countUsersAndFacts(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(db, sql`select (select count(*) from users) + (select count(*) from instance_facts) as n`);
  return Number(row.n);
}
