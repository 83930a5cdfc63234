/** The version printed by `ptfx --version` (replaced at build time from package.json). */
export const VERSION = typeof __PTFX_VERSION__ === 'string' ? __PTFX_VERSION__ : '0.0.0-dev';
declare const __PTFX_VERSION__: string | undefined;
