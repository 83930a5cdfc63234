import { afterAll, beforeAll } from 'vitest';

/**
 * Runs the enclosing `describe` with the process in `zone` (`process.env.TZ`, which Node reads
 * again on change), and puts the previous zone back after it: the hours functions must answer
 * the same whatever zone the process runs in.
 */
export function inProcessTimeZone(zone: string): void {
  const previous = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  });
}
