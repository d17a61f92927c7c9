import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // ECharts (~580 kB) is one lazily loaded chunk, fetched only by the dashboard.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `npm run dev`: the client with hot reload, the API from `npm start` on :3000.
    proxy: { '/api': { target: 'http://localhost:3000', ws: true } },
  },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
