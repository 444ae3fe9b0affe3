import { z } from 'zod';

/** The one error shape every endpoint returns. `code` is stable and dotted; the web switches on it. */
export const errorResponse = z.object({
  error: z.object({
    code: z.string().describe('Stable dotted error code, e.g. `auth.invalid_credentials`'),
    message: z.string().describe("Human message in the user's language"),
    fields: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('Per-field problems for validation errors'),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

export const LANGUAGES = ['id', 'en'] as const;
export const language = z.enum(LANGUAGES);
export type Language = z.infer<typeof language>;

export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });

export const okResponse = z.object({ ok: z.literal(true) });

/** Page of results for list endpoints. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const pagingQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Usernames: lowercase letters, digits, dot, dash, underscore. */
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, { message: 'validation.username_format' });

/** Passwords: at least 10 characters (NIST 800-63B style: length over composition rules). */
export const password = z.string().min(10, { message: 'validation.password_too_short' }).max(200);

export const personName = z.string().trim().min(2).max(120);

/** Error responses of a request that is validated, signed in, authorized and names a record. */
export const requestErrors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };
/** Those of a write that can also conflict with the record's state (409). */
export const writeErrors = { ...requestErrors, 409: errorResponse };
/** Those of a read by id. */
export const readErrors = { 401: errorResponse, 403: errorResponse, 404: errorResponse };
