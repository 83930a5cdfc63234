import type { UserConfig } from 'vitest/config';

/** Options of {@link ptfxVitestConfig}. */
export interface PtfxVitestOptions {
  /** Also run `*.int.test.ts` (database servers, sockets) as a second project. */
  integration?: boolean;
}

/** The shared vitest setup of ptfx packages. */
export declare function ptfxVitestConfig(options?: PtfxVitestOptions): UserConfig;
