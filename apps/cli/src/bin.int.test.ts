import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built, bundled bin, spawned as a user would: once per command at least.
const bin = fileURLToPath(new URL('../dist/ptfx.js', import.meta.url));
const sample = fileURLToPath(import.meta.resolve('@ptfx/domain/sample-clinic.yaml'));
const dir = mkdtempSync(join(tmpdir(), 'ptfx-bin-'));
const ptfx = (args: string[], input?: string) => {
  const result = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('the ptfx bin', () => {
  it('prints its version and help', () => {
    expect(ptfx(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    expect(ptfx(['--help']).stdout).toContain('Usage: ptfx <command>');
  });

  it('validates a clinic file', () => {
    const result = ptfx(['validate', sample, '--as-of', '2029-11-27', '--fail-on', 'warning']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[missing-designation]');
  });

  it('lints listings from arguments, stdin and a CSV roster', () => {
    expect(ptfx(['credentials', 'lint', 'Jane Doe, PT, DPT']).code).toBe(0);
    expect(ptfx(['credentials', 'lint', '--json'], 'Dr. Ana Ruiz, PTA\n').stdout).toContain(
      '"assistant-title"',
    );
    const csv = join(dir, 'staff.csv');
    writeFileSync(csv, 'name,listing\n"Doe, Jane","Jane Doe, PT, DPT"\n');
    expect(ptfx(['credentials', 'lint', '--file', csv])).toMatchObject({ code: 0 });
  });

  it('explains, lists and finds expiring credentials', () => {
    expect(ptfx(['credentials', 'explain', 'DPT']).stdout).toContain('Doctor of Physical Therapy');
    expect(ptfx(['credentials', 'list', '--json']).stdout.split('\n').length).toBeGreaterThan(100);
    expect(ptfx(['credentials', 'expiring', sample, '--as-of', '2029-11-27']).stdout).toContain(
      'CSCS',
    );
  });

  it('exports a projection to a file', () => {
    const out = join(dir, 'bundle.json');
    expect(ptfx(['export', sample, '--format', 'fhir', '--out', out]).code).toBe(0);
  });

  it('builds the sample clinic’s site into a folder', () => {
    const out = join(dir, 'site');
    const result = ptfx([
      'site',
      'build',
      '--out',
      out,
      '--base-url',
      'https://www.example-pt.com',
      '--api-url',
      'https://api.example-pt.com',
      '--as-of',
      '2029-11-27',
    ]);
    expect(result.stderr).toContain('embedded sample clinic');
    expect(result.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, '.ptfx-site.json'), 'utf8'));
    expect(manifest.files.length).toBeGreaterThan(10);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['index.html', '_headers', 'booking']));
    expect(readFileSync(join(out, 'booking', 'index.html'), 'utf8')).toContain(
      'action="https://api.example-pt.com/v1/consultation-requests"',
    );
    const again = ptfx([
      'site',
      'build',
      sample,
      '--out',
      out,
      '--base-url',
      'https://x.example',
      '--json',
    ]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, baseUrl: 'https://x.example' });
  });

  it('fails cleanly, with exit 2 and no stack trace', () => {
    const result = ptfx(['validate', join(dir, 'missing.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`ptfx: ${join(dir, 'missing.yaml')}: no such file\n`);
    expect(ptfx(['credentials', 'lint', '--nope']).stderr).not.toContain('    at ');
  });
});
