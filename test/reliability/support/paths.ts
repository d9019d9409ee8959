import { join } from 'node:path';

/** Everything the suite writes goes here (ignored by git); tools/run-reliability.js reads it. */
export const RELIABILITY_DATA = join(__dirname, '..', '..', '..', '.data', 'reliability');
