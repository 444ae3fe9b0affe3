import { ROLE_PERMISSIONS, ROLES } from '../../../shared/permissions.js';

/** Who can stand a duty shift: the unit's casework staff (`cases.read`). */
export const CASEWORK_ROLES_FOR_ROSTER = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('cases.read'));
