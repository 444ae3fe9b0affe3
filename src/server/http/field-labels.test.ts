/**
 * A refused request is explained in the user's language and names the field (`describeIssue` looks
 * the field's last name up under `fields.*`). So every property of every JSON request body the API
 * takes has a label in Indonesian and in English, read from the API's own OpenAPI description: a new
 * field without one fails here instead of showing its code name ("religion: …") to an officer. Bodies
 * the framework itself refuses, and data bundles, are explained in the user's language too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, expectError, nextClientAddress, type TestApp, type TestSession } from '../../../tests/support/app.js';
import { buildShelterWorld } from '../../../tests/support/shelter-fixtures.js';
import { lookup } from '../../shared/i18n/index.js';

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Spec = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
};

describe('refused requests, in the user’s language', () => {
  let app: TestApp;
  let officer: TestSession;
  let head: TestSession;
  beforeAll(async () => {
    app = await createTestApp();
    ({ officer, head } = await buildShelterWorld(app));
  });
  afterAll(() => app?.close());

  it('every property of a JSON request body has a label in both languages', () => {
    const spec = (app as unknown as { swagger(): Spec }).swagger();
    const unlabelled = new Map<string, string>();
    let properties = 0;
    const walk = (schema: Schema | undefined, route: string, seen: Set<Schema>) => {
      if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
      seen.add(schema);
      if (schema.$ref) walk(spec.components?.schemas?.[schema.$ref.split('/').pop()!], route, seen);
      for (const sub of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? []), schema.items]) walk(sub, route, seen);
      if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties, route, seen);
      for (const [name, sub] of Object.entries(schema.properties ?? {})) {
        properties += 1;
        // Numbered keys (the days of the week) are skipped by describeIssue, as array positions are.
        if (!/^\d+$/.test(name) && (!lookup('id', `fields.${name}`) || !lookup('en', `fields.${name}`))) unlabelled.set(name, route);
        walk(sub, route, seen);
      }
    };
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        walk(operation.requestBody?.content?.['application/json']?.schema, `${method.toUpperCase()} ${path}`, new Set());
      }
    }
    expect(properties).toBeGreaterThan(200);
    expect(Object.fromEntries(unlabelled)).toEqual({});
  });

  it('a refused client field is named by its label, not its code name, and its bound in plain words', async () => {
    const err = expectError(await api(app, officer).post('/api/intakes', { client: { name: 'Sutrisno', religion: 7, estimatedAge: 500 } }), 400);
    const religion = err.fields?.find((f) => f.field === 'client.religion');
    expect(religion?.message).toMatch(/^Agama: /);
    // A number's bound is a value, not zod's "diharapkan number menjadi <=120"; a text's is characters.
    expect(err.fields?.find((f) => f.field === 'client.estimatedAge')?.message).toBe('Perkiraan umur: maksimal 120');
    const long = expectError(await api(app, officer).post('/api/intakes', { client: { name: 'x'.repeat(161) } }), 400);
    expect(long.fields?.find((f) => f.field === 'client.name')?.message).toBe('Nama: maksimal 160 karakter');
  });

  it('a body that is not JSON is refused in the user’s language, without the framework’s English', async () => {
    const broken = (language: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: '{"username": "admin", ',
        headers: { 'content-type': 'application/json', 'accept-language': language },
        remoteAddress: nextClientAddress(),
      });
    expect(expectError(await broken('id-ID'), 400).message).toBe('Data yang dikirim bukan JSON yang sah.');
    expect(expectError(await broken('en-GB'), 400).message).toBe('The submitted data is not valid JSON.');
    const wrongType = await app.inject({ method: 'POST', url: '/api/auth/login', payload: 'username=admin', headers: { 'content-type': 'text/csv' }, remoteAddress: nextClientAddress() });
    expect(expectError(wrongType, 415)).toMatchObject({ code: 'unsupported_media_type', message: 'Jenis data yang dikirim tidak didukung.' });
  });

  it('a data bundle that is not a ZIP is refused saying so in the user’s language', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/interchange/import',
      payload: Buffer.from('bukan zip'),
      headers: { 'content-type': 'application/zip', cookie: head.cookie, 'x-csrf-token': head.csrfToken },
    });
    expect(expectError(res, 400)).toMatchObject({ code: 'interchange.invalid_bundle', message: 'Berkas paket data tidak sah: bukan berkas ZIP' });
  });
});
