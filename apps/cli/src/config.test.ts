import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConfigFile, loadConfig } from './config.js';
import { CliError } from './errors.js';
import { type Io, nodeIo } from './io.js';
import { main } from './main.js';

// Real directories: the search walks the real disk, as it does for a user.
let root: string;
let nested: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ptfx-config-'));
  nested = join(root, 'clinic', 'staff', 'rosters');
  await mkdir(nested, { recursive: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The real process's io, run in `cwd`, with the output collected. */
async function diskIo(cwd: string) {
  const base = await nodeIo();
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    ...base,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stdoutIsTty: false,
    stderrIsTty: false,
    env: {},
    now: () => new Date('2026-11-27T12:00:00Z'),
    fs: { ...base.fs, cwd: () => cwd },
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function ptfx(cwd: string, args: string[]) {
  const { io, stdout, stderr } = await diskIo(cwd);
  const code = await main(args, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

/** Runs `ptfx credentials lint --json` on one listing in `cwd`; the codes of its issues. */
async function lintCodes(cwd: string, listing: string, flags: string[] = []) {
  const { code, stdout, stderr } = await ptfx(cwd, [
    'credentials',
    'lint',
    '--json',
    ...flags,
    listing,
  ]);
  expect(stderr, stderr).not.toMatch(/^ptfx:/m);
  const line = JSON.parse(stdout.trim().split('\n')[0] ?? '{}') as {
    issues: { code: string; severity: string }[];
  };
  return { code, issues: line.issues.map((i) => `${i.code}:${i.severity}`) };
}

const writeConfig = (dir: string, config: unknown) =>
  writeFile(
    join(dir, 'ptfx.config.json'),
    typeof config === 'string' ? config : `${JSON.stringify(config, null, 2)}\n`,
  );
const removeConfig = (dir: string) => rm(join(dir, 'ptfx.config.json'), { force: true });

describe('finding ptfx.config.json', () => {
  it('finds the nearest one upward from the working directory', async () => {
    const { io } = await diskIo(nested);
    await writeConfig(root, {});
    await writeConfig(join(root, 'clinic'), {});
    expect(await findConfigFile(io, nested)).toBe(join(root, 'clinic', 'ptfx.config.json'));
    await removeConfig(join(root, 'clinic'));
    expect(await findConfigFile(io, nested)).toBe(join(root, 'ptfx.config.json'));
    await removeConfig(root);
  });

  it('stops at the root with none found, and passes over a directory of that name', async () => {
    const { io } = await diskIo(nested);
    await mkdir(join(root, 'clinic', 'ptfx.config.json'));
    try {
      // Nothing above a fresh temporary directory holds one (the system's temp root would be odd).
      expect(await findConfigFile(io, nested)).toBeUndefined();
      expect(await loadConfig(io, undefined)).toEqual({});
    } finally {
      await rm(join(root, 'clinic', 'ptfx.config.json'), { recursive: true });
    }
  });

  it('shows the file found relative to the working directory', async () => {
    await writeConfig(root, { state: 'CA' });
    try {
      const { io } = await diskIo(nested);
      expect(await loadConfig(io, undefined)).toEqual({
        file: join('..', '..', '..', 'ptfx.config.json'),
        state: 'CA',
      });
    } finally {
      await removeConfig(root);
    }
  }, 30_000); // loads zod cold on a disk config: 3.3 s once under a full CI load
});

describe('--config PATH', () => {
  it('wins over the file found upward, relative to the working directory', async () => {
    await writeConfig(root, { state: 'TX' });
    await writeFile(join(nested, 'ci.json'), '{ "state": "CA", "$schema": "x" }');
    try {
      const { io } = await diskIo(nested);
      expect(await loadConfig(io, 'ci.json')).toEqual({ file: 'ci.json', state: 'CA' });
      expect(await loadConfig(io, undefined)).toMatchObject({ state: 'TX' });
    } finally {
      await removeConfig(root);
      await rm(join(nested, 'ci.json'));
    }
  });

  it('a missing file is a usage error naming the path (exit 2)', async () => {
    const result = await ptfx(nested, ['credentials', 'lint', '--config', 'nope.json', 'PT']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('ptfx: --config nope.json: no such file\n');
    const { io } = await diskIo(nested);
    await expect(loadConfig(io, '.')).rejects.toThrow(/--config \.: is a directory/);
    await expect(loadConfig(io, '')).rejects.toBeInstanceOf(CliError);
  });
});

describe('a configuration with mistakes', () => {
  it('prints each as file:line:col: path: message and exits 2, judging nothing', async () => {
    await writeConfig(
      join(root, 'clinic'),
      '{\n  "rules": {\n    "ordr": "off"\n  },\n  "state": "Calif",\n  "colour": true\n}\n',
    );
    try {
      const result = await ptfx(nested, ['credentials', 'lint', 'Jane Doe, PT']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const file = join('..', '..', 'ptfx.config.json');
      expect(result.stderr.split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${file.replace(/\./g, '\\.')}:3:5: rules\\.ordr: unknown rule "ordr" .*; did you mean "order"\\?$`,
          ),
        ),
        `${file}:5:12: state: unknown state "Calif"; use a two-letter USPS code such as "CA"`,
        expect.stringMatching(
          new RegExp(`^${file.replace(/\./g, '\\.')}:6:3: colour: unknown key "colour"`),
        ),
        `ptfx: ${file}: 3 mistakes in the configuration (above); fix them, or give another file with --config`,
        '',
      ]);
    } finally {
      await removeConfig(join(root, 'clinic'));
    }
  });

  it('malformed JSON, in ptfx validate too', async () => {
    await writeFile(join(nested, 'bad.json'), '{ "rules": { "order": "off", } }');
    try {
      const result = await ptfx(nested, ['validate', 'clinic.yaml', '--config', 'bad.json']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^bad\.json:1:30: malformed JSON: expected a double-quoted key/,
      );
      expect(result.stderr).toMatch(/ptfx: bad\.json: 1 mistake in the configuration/);
    } finally {
      await rm(join(nested, 'bad.json'));
    }
  });
});

describe('applying the configuration: roster column > flag > configuration > default', () => {
  const DR = 'Dr. Jane Doe, DPT, PT'; // CA: "Dr." needs the spelled-out degree
  const CA_TITLE = 'title-requires-spelled-out-degree:error';

  it('state and profile come from the configuration when no flag is given', async () => {
    await writeConfig(join(root, 'clinic'), { state: 'CA', profile: 'apta-legacy' });
    try {
      expect((await lintCodes(nested, DR)).issues).toContain(CA_TITLE);
      expect((await lintCodes(nested, DR, ['--state', 'TX'])).issues).not.toContain(CA_TITLE);
      // apta-legacy keeps OCS; apta-2016 asks for the title written out.
      expect((await lintCodes(nested, 'Jane Doe, PT, DPT, OCS')).issues).toEqual([]);
      expect(
        (await lintCodes(nested, 'Jane Doe, PT, DPT, OCS', ['--profile', 'apta-2016'])).issues,
      ).toEqual(['abbreviated-specialist:warning']);
    } finally {
      await removeConfig(join(root, 'clinic'));
    }
    expect((await lintCodes(nested, DR)).issues).not.toContain(CA_TITLE);
  });

  it('a roster column wins over a flag, and a flag over the configuration', async () => {
    const roster = join(nested, 'staff.csv');
    await writeFile(roster, `name,listing,state\nAnn,"${DR}",TX\nBea,"${DR}",\n`);
    await writeConfig(join(root, 'clinic'), { state: 'CA' });
    try {
      const rows = async (flags: string[]) => {
        const { stdout } = await ptfx(nested, [
          'credentials',
          'lint',
          '--json',
          '--file',
          roster,
          ...flags,
        ]);
        return stdout
          .trim()
          .split('\n')
          .map((l) =>
            (JSON.parse(l) as { issues: { code: string }[] }).issues.some(
              (i) => i.code === 'title-requires-spelled-out-degree',
            ),
          );
      };
      expect(await rows([])).toEqual([false, true]); // Ann: TX from her row; Bea: CA from the configuration
      expect(await rows(['--state', 'CA'])).toEqual([false, true]); // Ann's row says TX
      expect(await rows(['--state', 'TX'])).toEqual([false, false]); // Bea: the flag, not the configuration
    } finally {
      await removeConfig(join(root, 'clinic'));
      await rm(roster);
    }
  });

  it('rules and catalog reach the linter: off drops a rule, a custom credential is known', async () => {
    await writeConfig(join(root, 'clinic'), {
      rules: { 'designation-not-first': 'off', 'degree-as-designation': 'error' },
      catalog: [
        {
          abbreviation: 'QRXT',
          name: 'Quality Rehabilitation Exercise Therapist',
          kind: 'certification',
        },
      ],
    });
    try {
      expect((await lintCodes(nested, 'Jane Doe, DPT, PT')).issues).toEqual([]);
      expect((await lintCodes(nested, 'Jane Doe, DPT')).issues).toContain(
        'degree-as-designation:error',
      );
      expect((await lintCodes(nested, 'Jane Doe, PT, QRXT')).issues).toEqual([
        'outside-apta-categories:info',
      ]);
    } finally {
      await removeConfig(join(root, 'clinic'));
    }
    expect((await lintCodes(nested, 'Jane Doe, PT, QRXT')).issues).toContain(
      'unknown-credential:warning',
    );
  });

  it('ptfx validate takes the configuration’s profile, and a flag wins', async () => {
    const { SAMPLE_CLINIC_YAML } = await import('@ptfx/domain/sample');
    const clinic = join(nested, 'clinic.yaml');
    await writeFile(clinic, SAMPLE_CLINIC_YAML);
    try {
      const codes = async (flags: string[]) => {
        const { stdout } = await ptfx(nested, ['validate', clinic, '--json', ...flags]);
        return (JSON.parse(stdout) as { issues: { code: string }[] }).issues
          .map((i) => i.code)
          .sort();
      };
      const legacy = await codes(['--profile', 'apta-legacy']);
      const modern = await codes(['--profile', 'apta-2016']);
      expect(legacy).not.toEqual(modern);
      await writeConfig(nested, { profile: 'apta-legacy' });
      expect(await codes([])).toEqual(legacy);
      expect(await codes(['--profile', 'apta-2016'])).toEqual(modern);
      await writeConfig(nested, { rules: { 'outside-apta-categories': 'off' } });
      expect(await codes(['--profile', 'apta-2016'])).toEqual(
        modern.filter((c) => c !== 'outside-apta-categories'),
      );
    } finally {
      await removeConfig(nested);
      await rm(clinic);
    }
  });

  it('--help of both commands names --config', async () => {
    for (const command of [['credentials', 'lint'], ['validate']]) {
      const { stdout } = await ptfx(nested, [...command, '--help']);
      expect(stdout).toMatch(/--config PATH +a ptfx\.config\.json/);
    }
  });
});

describe('the README’s configuration section', () => {
  it('shows a complete file that reads, and the errors a mistake in it prints', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration: `ptfx.config.json`'));
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const shownConsole = /```console\n\$ (ptfx [^\n]*)\n([\s\S]*?)```/.exec(section);
    await writeFile(join(nested, 'ptfx.config.json'), example);
    try {
      const { io } = await diskIo(nested);
      const config = await loadConfig(io, undefined);
      expect(Object.keys(config).sort()).toEqual(
        ['catalog', 'file', 'profile', 'role', 'rules', 'state'].sort(),
      );
      // The console block: the same file with "order" misspelt and the kind "certificate".
      await writeFile(
        join(nested, 'ptfx.config.json'),
        example
          .replace('"order": "off"', '"ordr": "off"')
          .replace('"kind": "certification"', '"kind": "certificate"'),
      );
      const staff = join(nested, 'staff.csv');
      await writeFile(staff, 'listing\nJane Doe, PT\n');
      const args = (shownConsole?.[1] ?? '')
        .split(' ')
        .slice(1)
        .map((a) => (a === 'staff.csv' ? staff : a));
      const result = await ptfx(nested, args);
      expect(result.code).toBe(2);
      const shown = (shownConsole?.[2] ?? '').trimEnd().split('\n');
      const printed = result.stderr.trimEnd().split('\n');
      expect(printed).toHaveLength(shown.length);
      shown.forEach((line, i) => {
        const [start = '', end = ''] = line.split('…');
        expect(printed[i]?.startsWith(start), printed[i]).toBe(true);
        expect(printed[i]?.endsWith(end), printed[i]).toBe(true);
      });
      await rm(staff);
    } finally {
      await removeConfig(nested);
    }
  });
});
