/**
 * The English texts of the web's first screens (login, the signed-in frame, the worklist), which the
 * web loads before its first render; `en-rest.ts` has the others, loaded with any other page.
 * Together they are `en.ts` (src/web/i18n-split.test.ts checks it); a new feature's file goes in `en.ts` and `en-rest.ts`.
 */
import enErrors from './en/errors.json' with { type: 'json' };
import enWeb from './en/web.json' with { type: 'json' };
import enCases from './en/cases.json' with { type: 'json' };
import enCasesWeb from './en/cases-web.json' with { type: 'json' };
import enCaseConferences from './en/case-conferences.json' with { type: 'json' };
import enNotifications from './en/notifications.json' with { type: 'json' };
import enNav from './en/nav.json' with { type: 'json' };
import { merge, type Tree } from './core.js';

const texts: Tree = merge(
  enErrors,
  enWeb,
  enCases,
  enCasesWeb,
  enCaseConferences,
  enNotifications,
  enNav,
);
export default texts;
