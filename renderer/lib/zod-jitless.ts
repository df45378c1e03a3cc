// zod compiles object schemas with `new Function` when it may; under the strict CSP (no 'unsafe-eval') its probe is
// refused and Chromium reports a violation even though zod then falls back. Telling zod up front to stay jitless
// keeps the CSP report clean. Imported first by every realm that parses with zod: the window (main.ts) and the
// backup worker.
import { z } from 'zod';

z.config({ jitless: true });
