/**
 * The one way the web talks to the server: same-origin fetch, the UI language as `accept-language`,
 * the CSRF token on writes, and every failure turned into an `ApiError` carrying the server's
 * `{ error: { code, message, fields } }`. The server's messages are already in the requested language.
 */
import type { ErrorResponse } from '../shared/contracts/common.js';
import i18n, { currentLanguage } from './i18n.js';

export type FieldError = NonNullable<ErrorResponse['error']['fields']>[number];

/** A failed API call. `code` is the stable dotted code the UI may switch on; `message` is for people. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** Whether an error means the session is gone (expired, logged out elsewhere): the UI goes to login. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === 'auth.unauthenticated';
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Keep the CSRF token from the last me/login/setup response; it goes on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request (other than the session check itself) finds the session gone. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not treat a 401 as a lost session (the session check and login handle it themselves). */
  quietUnauthenticated?: boolean;
}

/** Build `/api/...?a=1` leaving out empty query values. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const data = (await response.json()) as Partial<ErrorResponse>;
    if (data.error && typeof data.error.code === 'string') {
      const { code, message, fields } = data.error;
      return new ApiError(response.status, code, message || i18n.t('web.errors.unknown'), fields ?? []);
    }
  } catch {
    // Not JSON (a proxy error page, for example): fall through to a generic message.
  }
  return new ApiError(response.status, `http.${response.status}`, i18n.t('web.errors.unknown'));
}

/** Send a request to `/api{path}` and return the parsed JSON body (undefined for an empty body). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLanguage(),
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', i18n.t('web.errors.network'));
  }

  if (!response.ok) {
    const error = await readError(response);
    if (!options.quietUnauthenticated && isUnauthenticated(error)) onUnauthenticated?.();
    throw error;
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
};
