import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, expectError, expectJson, type TestApp, type TestSession } from '../../../../tests/support/app.js';
import { testDbKind } from '../../../../tests/support/env.js';
import { buildShelterWorld, receiveClient, type ShelterWorld } from '../../../../tests/support/shelter-fixtures.js';
import type { AttachmentView } from '../../../shared/contracts/attachments.js';
import type { CaseDetail } from '../../../shared/contracts/cases.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { cleanFileName, contentDisposition, downloadFileName } from './attachments.service.js';
import { createAttachmentStorage, detectMimeType } from './attachments.storage.js';

// A real 1×1 PNG; JPEG, WebP and PDF by their signatures (the server reads only the first bytes).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64, 7), Buffer.from([0xff, 0xd9])]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(32)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const TEXT = Buffer.from('Ini bukan foto, hanya teks biasa.\n');

type Upload = { bytes: Buffer; name: string; type?: string };

function form(fields: Record<string, string | undefined>, file?: Upload): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) fd.append(k, v);
  if (file) fd.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  return fd;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('attachment files (rules)', () => {
  it.each([
    [PNG, 'image/png'],
    [JPEG, 'image/jpeg'],
    [WEBP, 'image/webp'],
    [PDF, 'application/pdf'],
    [TEXT, null],
    [Buffer.from('GIF89a'), null],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
    [Buffer.alloc(0), null],
  ])('recognises the type from the first bytes (%#)', (bytes, type) => {
    expect(detectMimeType(bytes.subarray(0, 16))).toBe(type);
  });

  it('storage keys cannot leave the upload directory', () => {
    const storage = createAttachmentStorage('/srv/singgah/uploads');
    expect(storage.pathOf('ab/abcdef0123456789abcdef0123456789')).toBe('/srv/singgah/uploads/ab/abcdef0123456789abcdef0123456789');
    for (const key of ['../../etc/passwd', '/etc/passwd', 'ab/../../x', 'ab/ABCDEF0123456789ABCDEF0123456789', '', 'ab\\..\\..\\x'])
      expect(() => storage.pathOf(key), key).toThrow();
  });

  it('keeps the uploaded name only as a harmless label', () => {
    expect(cleanFileName('../../etc/passwd.png')).toBe('passwd.png');
    expect(cleanFileName('C:\\Users\\petugas\\foto\u0000.jpg')).toBe('foto.jpg');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName(`${'a'.repeat(300)}.jpeg`)).toMatch(/^a{195}\.jpeg$/);
    expect(downloadFileName('surat-polsek.jpg', 'application/pdf')).toBe('surat-polsek.jpg.pdf');
    expect(downloadFileName('KTP.JPG', 'image/jpeg')).toBe('KTP.JPG');
    expect(contentDisposition('attachment', 'Foto "Pak" Darmo – terminal.png')).toBe(
      `attachment; filename="Foto _Pak_ Darmo _ terminal.png"; filename*=UTF-8''Foto%20%22Pak%22%20Darmo%20%E2%80%93%20terminal.png`,
    );
  });
});

describe(`attachments (${testDbKind()})`, () => {
  let app: TestApp;
  let w: ShelterWorld;
  let c: CaseDetail;
  let uploadDir: string;

  const upload = (session: TestSession, fields: Record<string, string | undefined>, file?: Upload) =>
    api(app, session).post('/api/attachments', form(fields, file));
  const auditOf = async (query: Record<string, string>) =>
    expectJson<{ items: { action: string; actorName: string | null; entityType: string; entityId: string; changes: Record<string, unknown> }[] }>(
      await api(app, w.head).get('/api/audit', { query }),
      200,
    ).items;

  beforeAll(async () => {
    app = await createTestApp();
    uploadDir = app.testConfig.uploadDir;
    w = await buildShelterWorld(app);
    c = await receiveClient(app, w.officer, w.unitId, { client: { name: 'Pak Darmo', sex: 'male' } });
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('upload', () => {
    it('a shelter officer uploads a photo of the client on arrival, with caption and date; it is stored under a random name and on record', async () => {
      const takenAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
      const photo = expectJson<AttachmentView>(
        await upload(w.officer, { caseId: c.id, kind: 'photo', caption: 'Saat tiba di shelter', takenAt }, { bytes: PNG, name: 'IMG_2041.png', type: 'image/png' }),
        201,
      );
      expect(photo).toMatchObject({
        caseId: c.id,
        clientId: c.client.id,
        organizationId: w.unitId,
        kind: 'photo',
        fileName: 'IMG_2041.png',
        mimeType: 'image/png',
        sizeBytes: PNG.length,
        caption: 'Saat tiba di shelter',
        takenAt,
        fileUrl: `/api/attachments/${photo.id}/file`,
        thumbnailUrl: `/api/attachments/${photo.id}/thumbnail`,
      });
      const stored = filesUnder(uploadDir).filter((f) => !f.startsWith('tmp'));
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);

      const [event] = await auditOf({ action: 'attachment.uploaded', entityId: c.id });
      expect(event).toMatchObject({ entityType: 'case', changes: { attachmentId: photo.id, kind: 'photo', fileName: 'IMG_2041.png' } });
      const timeline = expectJson<{ items: { action: string }[] }>(await api(app, w.worker).get(`/api/cases/${c.id}/timeline`), 200).items;
      expect(timeline.map((e) => e.action)).toContain('attachment.uploaded');
    });

    it('several photos and a scanned letter: the case lists its own, the client lists all of theirs', async () => {
      expectJson(await upload(w.worker, { caseId: c.id, kind: 'photo' }, { bytes: JPEG, name: 'kondisi.jpg', type: 'image/jpeg' }), 201);
      expectJson(await upload(w.worker, { caseId: c.id, kind: 'photo' }, { bytes: WEBP, name: 'barang.webp', type: 'image/webp' }), 201);
      const letter = expectJson<AttachmentView>(
        await upload(w.worker, { clientId: c.client.id, kind: 'document', caption: 'Surat Keterangan Orang Terlantar dari Polsek' }, { bytes: PDF, name: 'sket-polsek.pdf' }),
        201,
      );
      expect(letter).toMatchObject({ clientId: c.client.id, caseId: null, mimeType: 'application/pdf', thumbnailUrl: null });

      const ofCase = expectJson<AttachmentView[]>(await api(app, w.officer).get('/api/attachments', { query: { caseId: c.id } }), 200);
      expect(ofCase.map((a) => a.fileName).sort()).toEqual(['IMG_2041.png', 'barang.webp', 'kondisi.jpg']);
      const ofClient = expectJson<AttachmentView[]>(await api(app, w.officer).get('/api/attachments', { query: { clientId: c.client.id } }), 200);
      expect(ofClient).toHaveLength(4);
      const photos = expectJson<AttachmentView[]>(await api(app, w.officer).get('/api/attachments', { query: { clientId: c.client.id, kind: 'photo' } }), 200);
      expect(photos).toHaveLength(3);
    });

    it('text bytes named .jpg are refused with 400 naming the file field, and nothing is kept', async () => {
      const before = filesUnder(uploadDir).length;
      const err = expectError(await upload(w.officer, { caseId: c.id, kind: 'photo' }, { bytes: TEXT, name: 'foto.jpg', type: 'image/jpeg' }), 400);
      expect(err.code).toBe('attachments.unsupported_type');
      expect(err.fields).toEqual([{ field: 'file', message: expect.stringContaining('Jenis berkas tidak didukung') }]);
      expect(filesUnder(uploadDir)).toHaveLength(before);
    });

    it('a PDF is not a photo', async () => {
      const err = expectError(await upload(w.officer, { caseId: c.id, kind: 'photo' }, { bytes: PDF, name: 'scan.pdf' }), 400);
      expect(err).toMatchObject({ code: 'attachments.photo_not_image', fields: [{ field: 'file' }] });
    });

    it('a file over 10 MB is refused with 413, and nothing is kept', async () => {
      const before = filesUnder(uploadDir).length;
      const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 1 - PNG.length)]);
      const err = expectError(await upload(w.officer, { caseId: c.id, kind: 'photo' }, { bytes: big, name: 'besar.png', type: 'image/png' }), 413);
      expect(err).toMatchObject({ code: 'attachments.too_large', fields: [{ field: 'file' }] });
      expect(err.message).toContain('10 MB');
      expect(filesUnder(uploadDir)).toHaveLength(before);
    });

    it('missing or contradictory fields are refused naming the field', async () => {
      const noKind = expectError(await upload(w.officer, { caseId: c.id }, { bytes: PNG, name: 'a.png' }), 400);
      expect(noKind.code).toBe('validation');
      expect(noKind.fields?.map((f) => f.field)).toEqual(['kind']);
      const both = expectError(await upload(w.officer, { caseId: c.id, clientId: c.client.id, kind: 'photo' }, { bytes: PNG, name: 'a.png' }), 400);
      expect(both.fields).toEqual([{ field: 'caseId', message: expect.stringContaining('isi salah satu: klien atau kasus') }]);
      const noFile = expectError(await upload(w.officer, { caseId: c.id, kind: 'photo' }), 400);
      expect(noFile).toMatchObject({ code: 'attachments.file_required', fields: [{ field: 'file' }] });
      const future = expectError(
        await upload(w.officer, { caseId: c.id, kind: 'photo', takenAt: new Date(Date.now() + 86_400_000).toISOString() }, { bytes: PNG, name: 'a.png' }),
        400,
      );
      expect(future).toMatchObject({ code: 'attachments.taken_in_future', fields: [{ field: 'takenAt' }] });
      const json = expectError(await api(app, w.officer).post('/api/attachments', { caseId: c.id, kind: 'photo' }), 400);
      expect(json.code).toBe('attachments.not_multipart');
      const twoFiles = form({ caseId: c.id, kind: 'photo' }, { bytes: PNG, name: 'a.png' });
      twoFiles.append('file', new Blob([new Uint8Array(PNG)]), 'b.png');
      expect(expectError(await api(app, w.officer).post('/api/attachments', twoFiles), 400).code).toBe('attachments.one_file_only');
    });

    it('a closed case takes no new attachments', async () => {
      const closed = await receiveClient(app, w.officer, w.unitId);
      expectJson(await api(app, w.officer).post(`/api/cases/${closed.id}/terminate`, { outcome: 'returned_home_district' }), 200);
      const err = expectError(await upload(w.officer, { caseId: closed.id, kind: 'photo' }, { bytes: PNG, name: 'a.png' }), 409);
      expect(err.code).toBe('cases.closed');
    });
  });

  describe('download', () => {
    let photo: AttachmentView;
    let letter: AttachmentView;

    beforeAll(async () => {
      photo = expectJson<AttachmentView>(
        await upload(w.officer, { caseId: c.id, kind: 'photo' }, { bytes: PNG, name: 'Foto Pak Darmo – terminal.png', type: 'image/png' }),
        201,
      );
      letter = expectJson<AttachmentView>(await upload(w.officer, { clientId: c.client.id, kind: 'document' }, { bytes: PDF, name: 'surat.pdf' }), 201);
    });

    it('a download sends the bytes with their type and name, and writes an audit row', async () => {
      const res = await api(app, w.worker).get(photo.fileUrl);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toBe(contentDisposition('attachment', 'Foto Pak Darmo – terminal.png'));
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.rawPayload.equals(PNG)).toBe(true);

      const events = await auditOf({ action: 'attachment.downloaded', entityId: photo.id });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ entityType: 'attachment', changes: { variant: 'file', caseId: c.id } });

      const inline = await api(app, w.worker).get(letter.fileUrl, { query: { inline: 'true' } });
      expect(inline.headers['content-type']).toBe('application/pdf');
      expect(inline.headers['content-disposition']).toMatch(/^inline; filename="surat.pdf"/);
      expect(await auditOf({ action: 'attachment.downloaded', entityId: letter.id })).toHaveLength(1);
    });

    it('the thumbnail of a photo is the image, never kept by the browser; a PDF has none', async () => {
      const res = await api(app, w.officer).get(photo.thumbnailUrl!);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.rawPayload.equals(PNG)).toBe(true);
      expect(expectError(await api(app, w.officer).get(`/api/attachments/${letter.id}/thumbnail`), 404).code).toBe('attachments.no_thumbnail');
    });

    it('caption, kind and date can be corrected; a PDF cannot be called a photo', async () => {
      const changed = expectJson<AttachmentView>(await api(app, w.worker).patch(`/api/attachments/${photo.id}`, { caption: 'Di terminal Bayuangga', kind: 'document' }), 200);
      expect(changed).toMatchObject({ caption: 'Di terminal Bayuangga', kind: 'document' });
      const err = expectError(await api(app, w.worker).patch(`/api/attachments/${letter.id}`, { kind: 'photo' }), 400);
      expect(err).toMatchObject({ code: 'attachments.photo_not_image', fields: [{ field: 'kind' }] });
      expect((await auditOf({ action: 'attachment.updated', entityId: c.id }))[0].changes).toMatchObject({ attachmentId: photo.id });
    });

    it('a deleted attachment disappears from lists and downloads, on record, but its file is kept', async () => {
      const doomed = expectJson<AttachmentView>(await upload(w.officer, { caseId: c.id, kind: 'photo' }, { bytes: JPEG, name: 'salah-orang.jpg' }), 201);
      const filesBefore = filesUnder(uploadDir).length;
      expectJson(await api(app, w.officer).delete(`/api/attachments/${doomed.id}`), 200);
      const list = expectJson<AttachmentView[]>(await api(app, w.officer).get('/api/attachments', { query: { caseId: c.id } }), 200);
      expect(list.map((a) => a.id)).not.toContain(doomed.id);
      expect(expectError(await api(app, w.officer).get(doomed.fileUrl), 404).code).toBe('attachments.not_found');
      expect(expectError(await api(app, w.officer).delete(`/api/attachments/${doomed.id}`), 404).code).toBe('attachments.not_found');
      expect((await auditOf({ action: 'attachment.deleted', entityId: c.id }))[0].changes).toMatchObject({ attachmentId: doomed.id });
      expect(filesUnder(uploadDir)).toHaveLength(filesBefore);
    });
  });

  describe('who may do what', () => {
    let photo: AttachmentView;
    beforeAll(async () => {
      photo = expectJson<AttachmentView>(await upload(w.officer, { caseId: c.id, kind: 'photo' }, { bytes: PNG, name: 'x.png' }), 201);
    });

    it('another organization’s user gets 404 on every endpoint, and nothing is recorded as downloaded', async () => {
      const them = w.other.officer;
      const calls = [
        api(app, them).post('/api/attachments', form({ caseId: c.id, kind: 'photo' }, { bytes: PNG, name: 'x.png' })),
        api(app, them).post('/api/attachments', form({ clientId: c.client.id, kind: 'photo' }, { bytes: PNG, name: 'x.png' })),
        api(app, them).get('/api/attachments', { query: { caseId: c.id } }),
        api(app, them).get('/api/attachments', { query: { clientId: c.client.id } }),
        api(app, them).get(`/api/attachments/${photo.id}`),
        api(app, them).get(photo.fileUrl),
        api(app, them).get(photo.thumbnailUrl!),
        api(app, them).patch(`/api/attachments/${photo.id}`, { caption: 'x' }),
        api(app, them).delete(`/api/attachments/${photo.id}`),
      ];
      for (const res of await Promise.all(calls)) expect(res.statusCode, res.body).toBe(404);
      expect(await auditOf({ action: 'attachment.downloaded', entityId: photo.id })).toHaveLength(0);
    });

    it('a viewer, and an administrator (no client data), get 403 on every endpoint', async () => {
      for (const s of [w.viewer, w.admin]) {
        const calls = [
          api(app, s).post('/api/attachments', form({ caseId: c.id, kind: 'photo' }, { bytes: PNG, name: 'x.png' })),
          api(app, s).get('/api/attachments', { query: { caseId: c.id } }),
          api(app, s).get(`/api/attachments/${photo.id}`),
          api(app, s).get(photo.fileUrl),
          api(app, s).get(photo.thumbnailUrl!),
          api(app, s).patch(`/api/attachments/${photo.id}`, { caption: 'x' }),
          api(app, s).delete(`/api/attachments/${photo.id}`),
        ];
        for (const res of await Promise.all(calls)) expect(expectError(res, 403).code).toBe('forbidden');
      }
    });
  });

  describe('configuration', () => {
    it('UPLOAD_DIR and the upload limit are configurable', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'singgah-uploads-'));
      const config = Object.assign(loadConfig({ DATA_DIR: dir, UPLOAD_DIR: path.join(dir, 'elsewhere'), UPLOAD_MAX_BYTES: '2048' }), { uploadMaxBytes: 2048 });
      const small = await buildApp({ database: app.testDatabase, config });
      try {
        await small.ready();
        const post = (bytes: Buffer) =>
          small.inject({
            method: 'POST',
            url: '/api/attachments',
            headers: { cookie: w.officer.cookie, 'x-csrf-token': w.officer.csrfToken },
            payload: form({ caseId: c.id, kind: 'photo' }, { bytes, name: 'a.png' }) as never,
          });
        const tooBig = await post(Buffer.concat([PNG, Buffer.alloc(2048)]));
        expect(expectError(tooBig, 413)).toMatchObject({ code: 'attachments.too_large' });
        expect(expectJson<AttachmentView>(await post(PNG), 201).sizeBytes).toBe(PNG.length);
        expect(filesUnder(path.join(dir, 'elsewhere')).filter((f) => !f.startsWith('tmp'))).toHaveLength(1);
      } finally {
        await small.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
