import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The client is built into client/dist and served by the API server (server/client/). For a
 * live-reloading client, `npm run dev:client` proxies the API of a running `npm run serve`.
 * No environment variable reaches the bundle: everything the client knows comes from the API
 * at run time (R14: the scoring settings only through ADMIN's programSettings).
 */
const api = process.env.MERIT_API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  envPrefix: 'MERIT_CLIENT_NEVER_',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 700 },
  server: {
    proxy: {
      '/graphql': api,
      '/dev': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
