import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.js';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
/** Where `vite` (dev) and `vite preview` send API calls: the Singgah server. */
const server = process.env.SINGGAH_API ?? 'http://127.0.0.1:3000';

/**
 * The web app: built from src/web into dist/web, which the server serves at `/`. Code splitting is
 * left to the bundler: every page but login is a React.lazy import (src/web/app.tsx), so Mantine
 * components, zod and the admin pages land in chunks loaded on demand. A vendor chunk here would pull
 * every Mantine component into the login page's first download.
 */
export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': server, '/healthz': server },
  },
  preview: {
    proxy: { '/api': server, '/healthz': server },
  },
});
