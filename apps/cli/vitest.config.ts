import { ptfxVitestConfig } from '@ptfx/vitest-config';

// bin.int.test.ts spawns the built bin; the test task builds first.
export default ptfxVitestConfig({ integration: true });
