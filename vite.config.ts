import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './electron/security.js';

/**
 * The renderer build. base './' because Electron loads dist/renderer/index.html
 * over file://; browser mode serves the same files from its own origin.
 * JSX: Vite 8 transforms TSX with Oxc; no React plugin is installed (it would
 * only add Fast Refresh for a dev server we do not run), so the automatic
 * runtime is asked for here.
 */
export default defineConfig({
  // Absolute, so the build does not depend on the directory it is started from.
  root: fileURLToPath(new URL('./renderer/', import.meta.url)),
  base: './',
  clearScreen: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [contentSecurityPolicyMeta()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer/', import.meta.url)),
    emptyOutDir: true,
    // Every browser we serve (Electron's Chromium, Playwright's Chromium) has modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Mantine marks its modules "use client" for React Server Components; in a client-only bundle that means nothing.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return;
        warn(warning);
      },
    },
  },
});

/**
 * Writes the app's Content-Security-Policy into index.html, at the top of <head> so
 * it governs every script and style after it. A file:// page gets no response
 * headers, so for Electron this meta tag is the policy. Any policy already in
 * the source HTML is replaced, so electron/security.ts stays the one place it
 * is defined.
 */
function contentSecurityPolicyMeta(): Plugin {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META.replaceAll("'", '&#39;')}" />`;
  return {
    name: 'counter:content-security-policy',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const stripped = html.replace(/<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>\s*/gi, '');
        // Right after <meta charset> (which must come first), else first in <head>: before any script or style.
        const charset = /<meta\s+charset\s*=[^>]*>/i;
        if (charset.test(stripped)) return stripped.replace(charset, (match) => `${match}\n    ${tag}`);
        return stripped.replace(/<head[^>]*>/i, (match) => `${match}\n    ${tag}`);
      },
    },
  };
}
