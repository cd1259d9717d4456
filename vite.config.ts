// Builds the renderer: the same bundle is loaded by the Electron window and served to browsers.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
].join('; ');

/**
 * The built page carries its own policy; the dev server's inline refresh preamble would break it.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'hsu-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs: the page is opened from file:// in Electron and from / in serve mode.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: `${repoRoot}dist/renderer`,
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Libraries change less often than the app; a separate chunk keeps them cached.
        manualChunks: (id) => (id.includes('node_modules') ? 'vendor' : undefined),
      },
    },
    chunkSizeWarningLimit: 1200,
  },
});
