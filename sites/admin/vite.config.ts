import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the API at /admin/ (same origin: the session cookie is SameSite=Strict).
// `npm run dev -w @sunshine/admin` serves it with hot reload and sends API calls to a running API.
const api = process.env.SUNSHINE_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  resolve: {
    // The API's GraphiQL console pins React 18 (its UMD build), which npm hoists to the root, where urql
    // would find it: one React 19 for the whole bundle, this package's own.
    dedupe: ['react', 'react-dom'],
  },
  build: { outDir: process.env.SUNSHINE_ADMIN_OUT_DIR ?? 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ['/graphql', '/imports', '/exports', '/disbursements', '/console'].map((path) => [
        path,
        { target: api, changeOrigin: false },
      ]),
    ),
  },
});
