/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = process.env.SPARK_BACKEND_URL ?? 'http://localhost:5000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // every stubbed global (fetch, …) goes back after each test: files share one environment (below)
    unstubGlobals: true,
    unstubEnvs: true,
    // One jsdom environment and module registry for all test files instead of a fresh one per file: 130 s → 20 s
    // of CPU for the 61 files (docs/development.md, "CI time, session 7"). setup.ts cleans the DOM and the session
    // after every test; files stub fetch in beforeEach. A file that needs a fresh module state resets it itself.
    isolate: false,
    // room for the 5 s async waits (setup.ts, vi.waitFor) to report their own failure on a slow machine
    testTimeout: 15_000,
  },
});
