// PTFX_DATA_KEY in the API's configuration: parsed into keys (current first), refused with a
// message that names the entry and never the key, and required in production.
import { dataKeyId, mintDataKey } from '@ptfx/intake';
import { describe, expect, it } from 'vitest';
import { MISSING_DATA_KEY_IN_PRODUCTION, parseConfig } from './config.js';

describe('PTFX_DATA_KEY', () => {
  it('is optional outside production: no keys, storage unencrypted', () => {
    for (const env of [
      {},
      { PTFX_DATA_KEY: '' },
      { NODE_ENV: 'development' },
      { NODE_ENV: 'test' },
    ]) {
      const parsed = parseConfig(env);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.config.dataKeys).toBeUndefined();
    }
  });

  it('gives the keys in order, the current one first, by their derived ids', () => {
    const a = mintDataKey();
    const b = mintDataKey();
    const parsed = parseConfig({ PTFX_DATA_KEY: `${a.text}, ${b.text}`, NODE_ENV: 'production' });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.config.dataKeys?.map((k) => k.id)).toEqual([a.id, b.id]);
    expect(parsed.config.dataKeys?.[0]?.id).toBe(dataKeyId(Buffer.from(a.text, 'base64url')));
  });

  it('refuses to start in production without a key, saying how to mint one', () => {
    for (const key of [undefined, '', '  ']) {
      const parsed = parseConfig({
        NODE_ENV: 'production',
        ...(key === undefined ? {} : { PTFX_DATA_KEY: key }),
      });
      expect(parsed).toEqual({ ok: false, errors: [MISSING_DATA_KEY_IN_PRODUCTION] });
    }
    expect(MISSING_DATA_KEY_IN_PRODUCTION).toMatch(
      /^PTFX_DATA_KEY is not set and NODE_ENV is production/,
    );
    expect(MISSING_DATA_KEY_IN_PRODUCTION).toContain('pnpm --filter @ptfx/api admin mint-data-key');
  });

  it('refuses a bad key naming the variable and entry, and never echoes the entry', () => {
    const good = mintDataKey().text;
    const typo = `${mintDataKey().text.slice(0, 42)}`;
    const parsed = parseConfig({ PTFX_DATA_KEY: `${good},${typo}` });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatch(/^PTFX_DATA_KEY entry 2 of 2 is not a data key/);
    expect(parsed.errors[0]).toContain('admin mint-data-key');
    expect(parsed.errors.join('\n')).not.toContain(typo.slice(0, 10));
    expect(parsed.errors.join('\n')).not.toContain(good.slice(0, 10));
  });

  it('refuses a key listed twice', () => {
    const a = mintDataKey();
    const parsed = parseConfig({ PTFX_DATA_KEY: `${a.text},${a.text}` });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        `PTFX_DATA_KEY entries 1 and 2 are the same key (id ${a.id}); list each key once, the current key first`,
      ],
    });
  });

  it('reports a bad key in production as the bad key, not as a missing one', () => {
    const parsed = parseConfig({ NODE_ENV: 'production', PTFX_DATA_KEY: 'nope' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.errors[0]).toMatch(/^PTFX_DATA_KEY entry 1 of 1 is not a data key/);
  });
});
