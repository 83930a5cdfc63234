import { ptfxVitestConfig } from '@ptfx/vitest-config';

export default ptfxVitestConfig({ integration: true });
