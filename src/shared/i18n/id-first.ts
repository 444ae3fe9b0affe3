/**
 * The Indonesian texts of the web's first screens (login, the signed-in frame, the worklist), which the
 * web loads before its first render; `id-rest.ts` has the others, loaded with any other page.
 * Together they are `id.ts` (src/web/i18n-split.test.ts checks it); a new feature's file goes in `id.ts` and `id-rest.ts`.
 */
import idErrors from './id/errors.json' with { type: 'json' };
import idWeb from './id/web.json' with { type: 'json' };
import idCases from './id/cases.json' with { type: 'json' };
import idCasesWeb from './id/cases-web.json' with { type: 'json' };
import idCaseConferences from './id/case-conferences.json' with { type: 'json' };
import idNotifications from './id/notifications.json' with { type: 'json' };
import idNav from './id/nav.json' with { type: 'json' };
import { merge, type Tree } from './core.js';

const texts: Tree = merge(
  idErrors,
  idWeb,
  idCases,
  idCasesWeb,
  idCaseConferences,
  idNotifications,
  idNav,
);
export default texts;
