import { buildApp } from './app.js';
import { bootstrap, demoBanner } from './bootstrap.js';

const app = await buildApp();
const report = await bootstrap(app);
await app.listen({ port: app.config.port, host: app.config.host });

const url = app.config.publicUrl;
console.log(report.hasDemoAccounts ? demoBanner(url) : `\n  Frontline is running at ${url}\n`);
if (report.createdAdmin) console.log(`  Created admin ${report.createdAdmin}.\n`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // app.close stops accepting, waits for in-flight requests, then closes the database (onClose).
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
