import { requestErrors } from '../../../shared/contracts/common.js';
import { letterSettingsQuery, letterSettingsView, updateLetterSettingsBody, uploadLetterLogoBody } from '../../../shared/contracts/letters.js';
import { authorize } from '../../http/authorize.js';
import type { AppContext, ZodApp } from '../../http/context.js';
import * as service from './letters.service.js';

const tags = ['letters'];

/**
 * Letterhead and letter-number settings of an organization. Reading them needs `settings.write` too:
 * only administrators configure letters; everyone else just sees the printed result.
 */
export function registerLetterRoutes(app: ZodApp, { db }: AppContext) {
  app.get(
    '/api/letters/settings',
    {
      schema: {
        tags,
        summary: 'Letterhead (kop surat) and letter-number patterns of an organization, with previews',
        querystring: letterSettingsQuery,
        response: { 200: letterSettingsView, ...requestErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'settings.write');
      return service.getLetterSettings(db, actor, req.query.organizationId);
    },
  );

  app.put(
    '/api/letters/settings',
    {
      schema: {
        tags,
        summary: 'Change letterhead lines, place, head title/rank or number patterns (an empty line falls back to the derived one)',
        querystring: letterSettingsQuery,
        body: updateLetterSettingsBody,
        response: { 200: letterSettingsView, ...requestErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'settings.write');
      return service.updateLetterSettings(db, actor, req.query.organizationId, req.body, req.ip);
    },
  );

  app.put(
    '/api/letters/settings/logo',
    {
      schema: {
        tags,
        summary: 'Upload the emblem/logo printed on the left of the letterhead (PNG or JPEG, at most 300 KB, base64)',
        querystring: letterSettingsQuery,
        body: uploadLetterLogoBody,
        response: { 200: letterSettingsView, ...requestErrors },
      },
    },
    async (req) => {
      const actor = authorize(req, 'settings.write');
      return service.setLetterLogo(db, actor, req.query.organizationId, req.body.image, req.ip);
    },
  );

  app.delete(
    '/api/letters/settings/logo',
    {
      schema: { tags, summary: 'Remove the emblem/logo', querystring: letterSettingsQuery, response: { 200: letterSettingsView, ...requestErrors } },
    },
    async (req) => {
      const actor = authorize(req, 'settings.write');
      return service.setLetterLogo(db, actor, req.query.organizationId, null, req.ip);
    },
  );
}
