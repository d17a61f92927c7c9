// A worker thread starts without the parent's loader: register tsx (as `npm start` does
// with --import tsx), then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
