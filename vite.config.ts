// Builds the browser app (src/web) into dist/app, which `communique serve` serves. Everything is bundled: the app
// loads nothing from elsewhere and works offline. `npx vite` serves it for development against a running
// `communique serve` on port 4173.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  base: '/',
  publicDir: false,
  build: {
    outDir: '../../dist/app',
    emptyOutDir: true,
    target: 'es2022',
    // No inline polyfill script: the server's Content-Security-Policy allows scripts from the app's origin only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4173' } },
});
