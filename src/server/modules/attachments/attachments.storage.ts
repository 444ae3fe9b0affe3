import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AttachmentMimeType } from '../../../shared/contracts/attachments.js';

/** Storage keys are generated here only: two hex characters of fan-out, then 32 random hex characters. */
const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;
const HEAD_BYTES = 16;

/**
 * The file type from the first bytes of a file, or null when it is none of the accepted types.
 * The declared content type and the file name are never trusted.
 */
export function detectMimeType(head: Buffer): AttachmentMimeType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (head.length >= 5 && head.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/** A file received but not yet kept: it becomes an attachment's file with `keep`, or is thrown away. */
export interface ReceivedFile {
  tempPath: string;
  sizeBytes: number;
  /** The first bytes, for `detectMimeType`. */
  head: Buffer;
}

export type AttachmentStorage = ReturnType<typeof createAttachmentStorage>;

/**
 * Files on disk under the upload directory. Paths come only from generated keys, so a user's file
 * name can never choose where a file goes, and every resolved path is checked to stay inside the
 * directory. Files are written to `tmp/` first and renamed into place (same file system), so a
 * half-received upload never looks like a stored file.
 */
export function createAttachmentStorage(uploadDir: string) {
  const root = path.resolve(uploadDir);
  const tmpDir = path.join(root, 'tmp');

  function pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    const full = path.resolve(root, key);
    if (!full.startsWith(`${root}${path.sep}`)) throw new Error('Storage path escapes the upload directory');
    return full;
  }

  return {
    root,
    pathOf,

    /** Write an incoming stream to a temporary file, counting its bytes and keeping its first bytes. */
    async receive(stream: Readable): Promise<ReceivedFile> {
      await mkdir(tmpDir, { recursive: true });
      const tempPath = path.join(tmpDir, `${randomBytes(16).toString('hex')}.part`);
      let sizeBytes = 0;
      let head = Buffer.alloc(0);
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          sizeBytes += chunk.length;
          if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
          done(null, chunk);
        },
      });
      try {
        await pipeline(stream, counter, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
      } catch (err) {
        await rm(tempPath, { force: true });
        throw err;
      }
      return { tempPath, sizeBytes, head };
    },

    /** Keep a received file under a new random key; returns the key. */
    async keep(file: ReceivedFile): Promise<string> {
      const name = randomBytes(16).toString('hex');
      const key = `${name.slice(0, 2)}/${name}`;
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(file.tempPath, target);
      return key;
    },

    /** Throw away a received file that will not be kept. */
    async discard(file: ReceivedFile | null | undefined): Promise<void> {
      if (file) await rm(file.tempPath, { force: true });
    },

    /** Remove a kept file (only to undo a `keep` whose database row was not written). */
    async remove(key: string): Promise<void> {
      await rm(pathOf(key), { force: true });
    },

    /** Open a kept file for reading; null when it is missing from disk. */
    async open(key: string): Promise<{ stream: ReadStream; sizeBytes: number } | null> {
      const full = pathOf(key);
      try {
        const info = await stat(full);
        return { stream: createReadStream(full), sizeBytes: info.size };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
