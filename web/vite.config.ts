import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { mockApi } from './dev/mock-api.ts';

// `vite --mode mock` / `vite preview --mode mock`: dev-only in-memory API (web/dev/).
// Plain `vite`: proxies /api to the real C server (SW_API_URL, default 127.0.0.1:8080).
// `vite build` output (web/dist) is the same in every mode and contains no mock.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: mode !== 'production' }), ...(mode === 'mock' ? [mockApi()] : [])],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    proxy: mode === 'mock' ? undefined : { '/api': process.env.SW_API_URL ?? 'http://127.0.0.1:8080' },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: false,
    proxy: mode === 'mock' ? undefined : { '/api': process.env.SW_API_URL ?? 'http://127.0.0.1:8080' },
  },
}));
