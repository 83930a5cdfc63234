import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_NODE, unsupportedNode } from './node-support.js';

describe('unsupportedNode', () => {
  it.each(['22.13.0', '22.23.3', '24.0.0', '24.21.0', '26.0.0', '26.10.0'])('accepts %s', (v) => {
    expect(unsupportedNode(v)).toBeUndefined();
  });

  it.each(['20.20.2', '22.12.0', '22.5.1', '23.11.0', '25.2.1', '27.0.0', '18.20.8', 'garbage'])(
    'refuses %s in one line, saying what it found and what it needs',
    (v) => {
      expect(unsupportedNode(v)).toBe(
        `Node.js ${v} is not supported: the API needs Node.js ^22.13.0 || ^24.0.0 || ^26.0.0 ` +
          '(it keeps consultation requests with the built-in node:sqlite)',
      );
    },
  );

  it('accepts the Node running the tests', () => {
    expect(unsupportedNode(process.versions.node)).toBeUndefined();
  });

  it('says what engines.node says, here, in the CLI and at the root', () => {
    expect(SUPPORTED_NODE).toBe('^22.13.0 || ^24.0.0 || ^26.0.0');
    for (const file of ['../package.json', '../../cli/package.json', '../../../package.json']) {
      const pkg: unknown = JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
      expect(pkg, file).toMatchObject({ engines: { node: SUPPORTED_NODE } });
    }
  });
});
