/**
 * zod as the app uses it: told to stay jitless before any schema is built. zod compiles object schemas with
 * `new Function` when it may; under the renderer's strict CSP (no 'unsafe-eval') the probe is refused and Chromium
 * reports a violation even though zod falls back. Every schema module imports `z` from here, so the setting is in
 * place wherever a schema is made — the window, a worker, main.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
