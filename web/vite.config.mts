import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * Both apps in one build: the storefront (index.html, served at /) and the
 * agent console (admin/index.html, served at /admin), sharing React and the
 * GraphQL client as common chunks. The gateway serves web/dist
 * (gateway/web.ts); hashed file names under assets/ let it cache them for good.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // The strict CSP has no 'unsafe-inline': nothing may be inlined into the HTML.
    assetsInlineLimit: 0,
    rollupOptions: { input: { storefront: here('index.html'), admin: here('admin/index.html') } },
  },
  server: {
    // `vite` in web/ for hot reload: the API stays on the running gateway.
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } },
  },
});
