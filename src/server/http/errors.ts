import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boundMessage } from '../../shared/i18n/bounds.js';
import { type Language, lookup, pickLanguage, translate } from '../../shared/i18n/index.js';

/**
 * An expected failure with a stable dotted code (`users.username_taken`). The message is looked up
 * in the user's language from `errors.<code>`; `field` names the input at fault, if one is.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly vars?: Record<string, unknown>,
    readonly field?: string,
  ) {
    super(code);
  }
}

export const notFound = (code = 'not_found') => new AppError(404, code);
export const forbidden = (code = 'forbidden') => new AppError(403, code);
export const badRequest = (code: string, field?: string, vars?: Record<string, unknown>) =>
  new AppError(400, code, vars, field);
export const conflict = (code: string, field?: string) => new AppError(409, code, undefined, field);

/** A text given in both languages, for error vars that name something stored bilingually (an SOP stage). */
export type Bilingual = Record<Language, string>;

function isBilingual(value: unknown): value is Bilingual {
  return typeof value === 'object' && value !== null && typeof (value as Bilingual).id === 'string' && typeof (value as Bilingual).en === 'string';
}

/** Error vars for one language: a `{ id, en }` pair becomes the text in that language. */
export function localizeVars(lang: Language, vars: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!vars) return vars;
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, isBilingual(v) ? v[lang] : v]));
}

/** The language of this request: the signed-in user's choice, else the Accept-Language header. */
export function requestLanguage(req: FastifyRequest): Language {
  return req.auth?.user.language ?? pickLanguage(req.headers['accept-language']);
}

const zodLocales = { id: z.locales.id(), en: z.locales.en() };

type RawIssue = { path: PropertyKey[]; code: string; message: string; [k: string]: unknown };

/** Turn one validation issue into `{ field, message }` in the user's language. */
export function describeIssue(lang: Language, issue: RawIssue): { field: string; message: string } {
  const path = issue.path.map(String);
  const field = path.join('.');
  const leaf = [...path].reverse().find((p) => !/^\d+$/.test(p)) ?? field;
  const label = lookup(lang, `fields.${leaf}`) ?? leaf;
  let detail: string;
  // A value outside its bounds in the words the web's own checks use (not zod's "<=250").
  const bound = boundMessage(issue);
  const custom = issue.message.startsWith('validation.') || issue.message.includes('.') ? lookup(lang, issue.message) : undefined;
  if (custom) detail = custom;
  else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
    detail = translate(lang, 'validation.required');
  else if (bound) detail = translate(lang, bound.key, { count: bound.count });
  else {
    const localized = zodLocales[lang].localeError(issue as never);
    detail = typeof localized === 'string' ? localized : (localized?.message ?? issue.message);
  }
  return { field, message: translate(lang, 'validation.field_message', { field: label, message: detail }) };
}

function send(reply: FastifyReply, status: number, code: string, message: string, fields?: { field: string; message: string }[]) {
  return reply.status(status).send({ error: { code, message, ...(fields ? { fields } : {}) } });
}

/** Fastify's own refusals of a request body, by its error code, as our error texts. */
const BODY_ERRORS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
};

/** The single error handler: every failure leaves the server in the one error shape. */
export function handleError(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  const lang = requestLanguage(req);
  if (err instanceof AppError) {
    const message = translate(lang, `errors.${err.code}`, localizeVars(lang, err.vars));
    const fields = err.field ? [{ field: err.field, message }] : undefined;
    return send(reply, err.status, err.code, message, fields);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => {
      const issue = (v.params as { issue?: RawIssue }).issue ?? {
        ...(v.params as object),
        code: v.keyword,
        message: v.message ?? '',
        path: v.instancePath.split('/').filter(Boolean),
      };
      return describeIssue(lang, issue as RawIssue);
    });
    const message = fields.map((f) => f.message).join('; ');
    return send(reply, 400, 'validation', message || translate(lang, 'errors.validation'), fields);
  }
  const fe = err as FastifyError;
  if (fe.statusCode === 429) return send(reply, 429, 'too_many_requests', translate(lang, 'errors.too_many_requests'));
  if (fe.statusCode === 413 || fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return send(reply, 413, 'payload_too_large', translate(lang, 'errors.payload_too_large'));
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Malformed JSON, wrong content type and the like: still a clear 4xx in the user's language, never
    // a 500, and never the framework's English text.
    const key = BODY_ERRORS[fe.code ?? ''] ?? 'validation';
    return send(reply, fe.statusCode, key === 'unsupported_media_type' ? key : 'validation', translate(lang, `errors.${key}`));
  }
  req.log.error({ err }, 'unhandled error');
  return send(reply, 500, 'internal', translate(lang, 'errors.internal'));
}
