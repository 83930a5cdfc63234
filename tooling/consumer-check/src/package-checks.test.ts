import { describe, expect, it } from 'vitest';
import {
  checkDependencies,
  checkFileList,
  checkPackageFields,
  checkReadmeLinks,
} from './package-checks.mjs';

const published = [
  'LICENSE',
  'README.md',
  'package.json',
  'dist/index.js',
  'dist/index.js.map',
  'dist/index.cjs',
  'dist/index.d.ts',
  'sample/clinic.yaml',
];

describe('checkFileList', () => {
  it('passes what npm should get: package.json, README, LICENSE, dist (maps too)', () => {
    expect(checkFileList(published, 'packages/domain')).toEqual([]);
  });

  it('names each kind of development file that ships, with the files', () => {
    const paths = [
      ...published,
      'src/index.ts',
      'dist/phone.test.js',
      'dist/lint.bench.d.ts',
      'dist/test-support/fixtures.js',
      'scripts/generate-sample.mjs',
      'test/consumer/check.mjs',
      'consumer/check.mjs',
      'tsup.config.ts',
    ];
    expect(checkFileList(paths, 'packages/domain')).toMatchInlineSnapshot(`
      [
        "the tarball contains source files (src/): src/index.ts — narrow "files" in package.json",
        "the tarball contains test files (*.test.*): dist/phone.test.js — narrow "files" in package.json",
        "the tarball contains benchmarks (*.bench.*): dist/lint.bench.d.ts — narrow "files" in package.json",
        "the tarball contains test support (test-support/): dist/test-support/fixtures.js — narrow "files" in package.json",
        "the tarball contains development folders (test/, consumer/, scripts/, bench/, …): scripts/generate-sample.mjs, test/consumer/check.mjs, consumer/check.mjs — narrow "files" in package.json",
        "the tarball contains build and test configuration: tsup.config.ts — narrow "files" in package.json",
      ]
    `);
  });

  it('says what is missing', () => {
    expect(checkFileList(['package.json', 'src/index.ts'], 'packages/site')).toEqual([
      expect.stringContaining('source files (src/)'),
      'the tarball has no README.md',
      'the tarball has no LICENSE: add the MIT licence text as packages/site/LICENSE (npm packs it whatever "files" says)',
      expect.stringMatching(/^the tarball has no dist\/: build before packing/),
    ]);
  });
});

describe('checkPackageFields', () => {
  it('passes string and object forms', () => {
    const pkg = {
      license: 'MIT',
      repository: { type: 'git', url: 'git+https://github.com/ptfx/ptfx.git' },
      homepage: 'https://ptfx.dev/',
      bugs: { email: 'bugs@ptfx.dev' },
      sideEffects: false,
    };
    expect(checkPackageFields(pkg, 'packages/domain')).toEqual([]);
    expect(checkPackageFields({ ...pkg, sideEffects: ['./dist/polyfill.js'] }, 'x')).toEqual([]);
  });

  it('names each missing or empty field with an example value, in the package folder', () => {
    const problems = checkPackageFields(
      { license: 'MIT', repository: { type: 'git' }, homepage: ' ', sideEffects: false },
      'packages/site',
    );
    expect(problems).toEqual([
      'package.json has no "repository": add e.g. "repository": { "type": "git", "url": "git+https://github.com/<owner>/<repo>.git", "directory": "packages/site" }',
      'package.json has no "homepage": add e.g. "homepage": "https://github.com/<owner>/<repo>/tree/main/packages/site#readme"',
      expect.stringMatching(/^package.json has no "bugs"/),
    ]);
  });

  it('wants sideEffects false or a list of files, since bundlers keep everything otherwise', () => {
    const pkg = {
      license: 'MIT',
      repository: 'github:ptfx/ptfx',
      homepage: 'https://ptfx.dev/',
      bugs: 'https://github.com/ptfx/ptfx/issues',
    };
    expect(checkPackageFields(pkg, 'packages/site')).toEqual([
      'package.json has "sideEffects": nothing: set it to false (or to the list of files that do have side effects), so that bundlers can drop the modules an app does not use',
    ]);
    expect(checkPackageFields({ ...pkg, sideEffects: true }, 'packages/site')).toEqual([
      expect.stringMatching(/^package.json has "sideEffects": true: set it to false/),
    ]);
  });
});

describe('checkDependencies', () => {
  const privateNames = new Set(['@ptfx/tsconfig', '@ptfx/vitest-config']);

  it('refuses private workspace packages and unrewritten local ranges where users install them', () => {
    const pkg = {
      dependencies: { zod: '4.6.7', '@ptfx/tsconfig': '0.0.0', local: 'workspace:*' },
      peerDependencies: { other: 'file:../other' },
      optionalDependencies: { '@ptfx/vitest-config': 'workspace:^' },
    };
    expect(checkDependencies(pkg, privateNames)).toMatchInlineSnapshot(`
      [
        "dependencies["@ptfx/tsconfig"]: @ptfx/tsconfig is a private workspace package, not on npm — move it to devDependencies",
        "dependencies["local"] is "workspace:*", which npm cannot install — pack with pnpm, which rewrites it",
        "peerDependencies["other"] is "file:../other", which npm cannot install — pack with pnpm, which rewrites it",
        "optionalDependencies["@ptfx/vitest-config"]: @ptfx/vitest-config is a private workspace package, not on npm — move it to devDependencies",
      ]
    `);
  });

  it('ignores devDependencies, which npm users never install', () => {
    const pkg = {
      dependencies: { zod: '4.6.7' },
      devDependencies: { '@ptfx/tsconfig': 'workspace:*' },
    };
    expect(checkDependencies(pkg, privateNames)).toEqual([]);
  });
});

describe('checkReadmeLinks', () => {
  it('passes links to files and folders in the tarball, anchors and other schemes', () => {
    const readme = [
      '[sample](sample/clinic.yaml) [folder](./dist/) [top](#install) [site](https://ptfx.dev/)',
      '[mail](mailto:a@ptfx.dev) [licence](LICENSE#L1) [encoded](README%2Emd)',
    ].join('\n');
    expect(checkReadmeLinks(readme, published)).toEqual([]);
  });

  it('names each broken link by README line', () => {
    const readme = [
      'intro',
      '[ref](../shared/reference/codes.md) [doc](docs/guide.md)',
      '[root](/CONTRIBUTING.md)',
    ].join('\n');
    expect(checkReadmeLinks(readme, published)).toMatchInlineSnapshot(`
      [
        "README.md:2: the link "../shared/reference/codes.md" points outside the package, so it is broken on npm — link to an https:// URL instead",
        "README.md:2: the link "docs/guide.md" names docs/guide.md, which is not in the tarball — add it to "files" or link to an https:// URL",
        "README.md:3: the link "/CONTRIBUTING.md" points outside the package, so it is broken on npm — link to an https:// URL instead",
      ]
    `);
  });
});
