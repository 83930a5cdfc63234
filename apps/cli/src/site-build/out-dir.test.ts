import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../io.js';
import { main } from '../main.js';
import { memoryIo } from '../test-support/memory-io.js';
import {
  BASE,
  siteBuild as build,
  contents,
  freshFolders,
  sample,
  tree,
} from '../test-support/site-build.js';

const folder = freshFolders('ptfx-site-out-');

// The folder `ptfx site build --out` writes: what it refuses, and how it replaces it.
// Each case builds the whole site several times: seconds on a loaded 2-core CI machine.
describe('ptfx site build --out', { timeout: 30_000 }, () => {
  it('refuses a folder it did not write, unless --force; a folder it wrote it replaces', async () => {
    const out = join(folder(), 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const refused = await build(['clinic.yaml', '--out', out, '--base-url', BASE]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `ptfx: --out ${out}: it is not empty and has no .ptfx-site.json. The build replaces the whole folder, so it only replaces one that ptfx wrote; give a new or empty folder, or --force to replace what is there\n`,
    );
    expect(tree(out)).toEqual(['notes.txt']);

    const forced = await build(['clinic.yaml', '--out', out, '--base-url', BASE, '--force']);
    expect(forced.code).toBe(0);
    expect(tree(out)).not.toContain('notes.txt');
    expect(tree(out)).toContain('index.html');

    const again = await build(['clinic.yaml', '--out', out, '--base-url', 'https://other.example']);
    expect(again.code).toBe(0);
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain('https://other.example/');

    writeFileSync(join(out, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
    const edited = await build(['clinic.yaml', '--out', out, '--base-url', BASE]);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toContain(`--out ${out}: robots.txt changed since ptfx wrote it.`);

    mkdirSync(join(out, 'extra'));
    writeFileSync(join(out, 'extra', 'CNAME'), 'www.example-pt.com');
    writeFileSync(join(out, 'robots.txt'), readFileSync(join(out, 'robots.txt')));
    const added = await build(['clinic.yaml', '--out', out, '--base-url', BASE, '--force']);
    expect(added.code).toBe(0);
    expect(existsSync(join(out, 'extra'))).toBe(false);
  });

  it('refuses a folder whose manifest is not its own', async () => {
    const out = join(folder(), 'site');
    mkdirSync(out);
    writeFileSync(join(out, '.ptfx-site.json'), '{"generator":"someone else","files":[]}');
    const result = await build(['clinic.yaml', '--out', out, '--base-url', BASE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('its .ptfx-site.json is not one ptfx wrote.');
  });

  it('never replaces the working folder or the folder holding the clinic file, even with --force', async () => {
    const cwd = (await nodeFileSystem()).cwd();
    const here = await build(['clinic.yaml', '--out', '.', '--base-url', BASE, '--force']);
    expect(here.code).toBe(2);
    expect(here.stderr).toBe(
      'ptfx: --out . is the working folder or holds it; the build replaces the whole folder, so give a folder of its own, like --out site\n',
    );
    const input = join(folder(), 'clinic.yaml');
    writeFileSync(input, sample);
    const holding = await build([input, '--out', folder(), '--base-url', BASE, '--force'], {
      files: { [input]: sample },
    });
    expect(holding.code).toBe(2);
    expect(holding.stderr).toContain(`holds the clinic file ${input}`);
    expect(readdirSync(folder())).toEqual(['clinic.yaml']);
    expect(existsSync(join(cwd, 'package.json'))).toBe(true);
  });

  it('writes a folder a web server can read (the usual mode, not a temporary folder’s 0700)', async () => {
    const out = join(folder(), 'site');
    await build(['clinic.yaml', '--out', out, '--base-url', BASE]);
    mkdirSync(join(folder(), 'plain'));
    expect(statSync(out).mode & 0o777).toBe(statSync(join(folder(), 'plain')).mode & 0o777);
  });

  it('replaces the folder a symbolic link points at, keeping the link', async () => {
    const target = join(folder(), 'real');
    mkdirSync(target);
    symlinkSync(target, join(folder(), 'link'));
    const result = await build([
      'clinic.yaml',
      '--out',
      join(folder(), 'link'),
      '--base-url',
      BASE,
    ]);
    expect(result.code).toBe(0);
    expect(existsSync(join(target, 'index.html'))).toBe(true);
    expect(readdirSync(folder()).sort()).toEqual(['link', 'real']);
  });

  it('leaves what was there untouched when writing fails part-way', async () => {
    const out = join(folder(), 'site');
    expect((await build(['clinic.yaml', '--out', out, '--base-url', BASE])).code).toBe(0);
    const before = contents(out);
    const real = await nodeFileSystem();
    let writes = 0;
    const io = memoryIo({
      files: { 'clinic.yaml': sample },
      fs: {
        ...real,
        write: async (path, bytes) => {
          if (++writes === 3)
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          await real.write(path, bytes);
        },
      },
    });
    const code = await main(
      ['site', 'build', 'clinic.yaml', '--out', out, '--base-url', 'https://other.example'],
      io.io,
    );
    expect(code).toBe(2);
    expect(io.stderr()).toContain(
      `ptfx: --out ${out}: could not write the site (ENOSPC: no space left on device); what was there is unchanged\n`,
    );
    expect(contents(out)).toEqual(before);
    expect(readdirSync(folder())).toEqual(['site']);
  });

  it('refuses a file as --out', async () => {
    writeFileSync(join(folder(), 'file'), 'x');
    const file = await build(['clinic.yaml', '--out', join(folder(), 'file'), '--base-url', BASE]);
    expect(file.code).toBe(2);
    expect(file.stderr).toBe(
      `ptfx: --out ${join(folder(), 'file')} is not a folder; give a folder\n`,
    );
  });
});
