// Builds the browser dashboard (web/) into dist/web, which the server serves at / (server/http/
// dashboard.ts). Everything the page needs is bundled here: no CDN, no request leaves the machine.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // The page is one screen; a public dir would only add another place for files to hide.
  publicDir: false,
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // No inline scripts or data: URLs for modules, so the page runs under a strict CSP.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
