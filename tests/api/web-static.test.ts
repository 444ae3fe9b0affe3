/**
 * The built web app over real HTTP: the Brotli/gzip copies written at build time
 * (scripts/vite-precompress.ts) are handed out by `accept-encoding`, the plain file otherwise, with
 * the same bytes once decoded; hashed assets are cached for a year, index.html is revalidated.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDirectory } from '../../scripts/vite-precompress.js';
import { createTestApp, listen, type TestApp } from '../support/app.js';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that neither sends nor decodes any encoding unless told: what goes over the wire. */
function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

describe('web files: pre-compressed and cached', () => {
  let app: TestApp;
  let base: string;
  let webDir: string;
  let script: Buffer;
  let html: Buffer;

  beforeAll(async () => {
    webDir = mkdtempSync(path.join(os.tmpdir(), 'singgah-web-static-'));
    mkdirSync(path.join(webDir, 'assets'));
    // Text long enough to be compressed, different enough that a wrong file would not match.
    const lines = Array.from({ length: 400 }, (_, i) => `export const text${i} = 'Rumah singgah ${i * 7919}';`);
    script = Buffer.from(`${lines.join('\n')}\n`);
    html = Buffer.from(
      `<!doctype html><html lang="id"><head><title>Singgah</title><script type="module" src="/assets/app-Ab12Cd34.js"></script></head><body>${'<p>Memuat…</p>'.repeat(60)}<div id="root"></div></body></html>`,
    );
    writeFileSync(path.join(webDir, 'assets/app-Ab12Cd34.js'), script);
    writeFileSync(path.join(webDir, 'assets/tiny-Zz99Yy88.js'), 'export {};\n');
    writeFileSync(path.join(webDir, 'index.html'), html);
    const compressed = await precompressDirectory(webDir);
    // The tiny file is not worth compressing; both others are.
    expect(compressed).toEqual(['assets/app-Ab12Cd34.js', 'index.html']);

    app = await createTestApp({ env: { WEB_DIST_DIR: webDir } });
    base = await listen(app);
  });
  afterAll(async () => {
    await app?.close();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  it('sends a script as Brotli to a browser that accepts it', async () => {
    const res = await get(`${base}/assets/app-Ab12Cd34.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body.length).toBeLessThan(script.length / 3);
    expect(brotliDecompressSync(res.body).equals(script)).toBe(true);
    expect(res.body.equals(readFileSync(path.join(webDir, 'assets/app-Ab12Cd34.js.br')))).toBe(true);
  });

  it('sends gzip to a client that accepts only gzip', async () => {
    const res = await get(`${base}/assets/app-Ab12Cd34.js`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).equals(script)).toBe(true);
  });

  it('sends the plain file to a client that accepts no encoding', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const res = await get(`${base}/assets/app-Ab12Cd34.js`, headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.equals(script)).toBe(true);
    }
  });

  it('sends a file that has no compressed copy as it is', async () => {
    const res = await get(`${base}/assets/tiny-Zz99Yy88.js`, { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe('export {};\n');
  });

  it('caches hashed assets for a year and revalidates the page', async () => {
    const asset = await get(`${base}/assets/app-Ab12Cd34.js`, { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    // A client route gets index.html (compressed when accepted), never cached without revalidation.
    for (const url of ['/', '/cases', '/cases/123?list=open']) {
      const page = await get(`${base}${url}`, { 'accept-encoding': 'br' });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['content-encoding']).toBe('br');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(page.body).equals(html)).toBe(true);
    }
    const plain = await get(`${base}/cases`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body.equals(html)).toBe(true);
  });

  it('answers 404 for a missing asset instead of the page (an old chunk after an update)', async () => {
    const res = await get(`${base}/assets/gone-Qq11Ww22.js`, { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(res.headers['cache-control'] ?? '').not.toMatch(/immutable/);
  });

  it('sends the security headers on pages, assets, API answers and errors', async () => {
    for (const url of ['/cases', '/assets/app-Ab12Cd34.js', '/healthz', '/api/auth/me', '/api/no-such-thing']) {
      const res = await get(`${base}${url}`);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(csp, url).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      // HSTS is left to the reverse proxy that terminates HTTPS.
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });
});
