/** Request bodies and credentials shared by the API and browser harnesses. */
import { randomBytes } from 'node:crypto';
import type { SetupBody } from '../../src/shared/contracts/auth.js';

/** The first administrator created by the default setup. */
export const ADMIN = { name: 'Admin Singgah', username: 'admin', password: 'admin-password-123' } as const;

/** A valid body for POST /api/setup (Kota Probolinggo, 35.74); any field can be overridden. */
export function setupBody(overrides: Partial<Omit<SetupBody, 'admin'>> & { admin?: Partial<SetupBody['admin']> } = {}): SetupBody {
  const { admin, ...rest } = overrides;
  return {
    regencyCode: '35.74',
    unitName: 'Rumah Singgah Kota Probolinggo',
    address: 'Jl. Panglima Sudirman No. 1, Probolinggo',
    phone: '0335-421000',
    ...rest,
    admin: { ...ADMIN, ...admin },
  };
}

/** A short random suffix for unique usernames and names. */
export function uniqueSuffix(): string {
  return randomBytes(3).toString('hex');
}
