import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { memoryIo } from '../test-support/memory-io.js';
import type { Finding } from './finding.js';
import {
  ANNOTATIONS_SHOWN_PER_KIND,
  AnnotationCounter,
  annotation,
  escapeData,
  escapeProperty,
} from './github.js';

// The runner's side, ported from actions/runner src/Runner.Common/ActionCommand.cs (TryParseV2,
// UnescapeProperty, UnescapeData): what GitHub makes of a line we print.
const unProperty = (s: string) =>
  s
    .replaceAll('%0D', '\r')
    .replaceAll('%0A', '\n')
    .replaceAll('%3A', ':')
    .replaceAll('%2C', ',')
    .replaceAll('%25', '%');
const unData = (s: string) =>
  s.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
function parseCommand(line: string) {
  const text = line.trimStart();
  if (!text.startsWith('::')) return undefined;
  const end = text.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = text.substring(2, end);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.substring(0, space);
  const props: Record<string, string> = {};
  if (space > 0)
    for (const p of info
      .substring(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const i = p.indexOf('=');
      if (i > 0 && i < p.length - 1) props[p.substring(0, i)] = unProperty(p.substring(i + 1));
    }
  return { name, props, data: unData(text.substring(end + 2)) };
}

const run = async (args: string[], options: Parameters<typeof memoryIo>[0] = {}) => {
  const io = memoryIo(options);
  const code = await main(args, io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
};

describe('escaping, as @actions/core command.ts does', () => {
  it('matches the toolkit’s own test vectors', () => {
    // packages/core/__tests__/command.test.ts
    expect(escapeData('%25 %25 %0D %0D %0A %0A')).toBe('%2525 %2525 %250D %250D %250A %250A');
    expect(
      escapeProperty('percent % percent % cr \r cr \r lf \n lf \n colon : colon : comma , comma ,'),
    ).toBe(
      'percent %25 percent %25 cr %0D cr %0D lf %0A lf %0A colon %3A colon %3A comma %2C comma %2C',
    );
    // Nothing else changes: = ; quotes and Unicode pass through.
    expect(escapeProperty('a=b; “c” é')).toBe('a=b; “c” é');
    expect(escapeData('a: b, c')).toBe('a: b, c');
  });
});

describe('annotation', () => {
  const finding: Finding = {
    code: 'unknown-credential',
    severity: 'warning',
    message: '"CSSC" is not a credential ptfx knows; did you mean "CSCS"?',
    file: 'rosters/staff.csv',
    region: { startLine: 3, startColumn: 29, endLine: 3, endColumn: 33 },
  };

  it('prints the workflow command GitHub documents', () => {
    expect(annotation(finding)).toBe(
      '::warning file=rosters/staff.csv,line=3,endLine=3,col=29,endColumn=33,title=ptfx unknown-credential::"CSSC" is not a credential ptfx knows; did you mean "CSCS"?\n',
    );
    expect(annotation({ ...finding, severity: 'info' })).toMatch(/^::notice /);
    expect(annotation({ ...finding, severity: 'error' })).toMatch(/^::error /);
  });

  it('leaves columns out when a finding spans lines, and the place out when there is no file', () => {
    expect(
      annotation({
        ...finding,
        region: { startLine: 3, startColumn: 5, endLine: 4, endColumn: 2 },
      }),
    ).toMatch(/^::warning file=rosters\/staff.csv,line=3,endLine=4,title=/);
    expect(annotation({ ...finding, region: { startLine: 7 } })).toMatch(
      /^::warning file=rosters\/staff.csv,line=7,endLine=7,title=/,
    );
    expect(annotation({ ...finding, file: undefined })).toMatch(
      /^::warning title=ptfx unknown-credential::/,
    );
  });

  it('survives hostile messages and paths: one line, parsed back to exactly what was meant', () => {
    const hostile = [
      'line one\nline two\r\n::error::injected',
      '100% sure %0A is literal, %25 too',
      'a :: b, c: d',
      'ends with a percent %',
      '',
    ];
    const paths = ['data/clinic, main:v2.yaml', 'a%2Cb.csv', 'x\ny.csv', 'ok.csv'];
    for (const message of hostile)
      for (const file of paths) {
        const line = annotation({ ...finding, message, file });
        expect(line.endsWith('\n')).toBe(true);
        const body = line.slice(0, -1);
        expect(body).not.toMatch(/[\r\n]/);
        const back = parseCommand(body);
        expect(back).toEqual({
          name: 'warning',
          props: {
            file,
            line: '3',
            endLine: '3',
            col: '29',
            endColumn: '33',
            title: 'ptfx unknown-credential',
          },
          data: message,
        });
      }
  });

  it('says once when GitHub will not show every annotation', () => {
    const counter = new AnnotationCounter();
    for (let i = 0; i < ANNOTATIONS_SHOWN_PER_KIND; i++) counter.add('warning');
    expect(counter.closing()).toBe('');
    counter.add('warning');
    counter.add('info');
    const closing = counter.closing();
    expect(parseCommand(closing.trimEnd())).toMatchObject({
      name: 'notice',
      data: expect.stringContaining('0 errors, 11 warnings and 1 notices in all'),
    });
  });
});

describe('ptfx credentials lint --format github', () => {
  it('prints one annotation per finding at the roster’s line and the listing’s column', async () => {
    const out = await run(['credentials', 'lint', '--file', 'staff.csv', '--format', 'github'], {
      files: {
        'staff.csv':
          'name,listing,state\n"Lopez, Maria","Maria Lopez, DPT, PT",TX\nSam,"Sam Lee, PT, CSSC",CA\n',
      },
    });
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines.every((l) => l.startsWith('::'))).toBe(true);
    const parsed = lines.map((l) => parseCommand(l));
    expect(parsed).toContainEqual({
      name: 'warning',
      props: {
        file: 'staff.csv',
        line: '2',
        endLine: '2',
        // `"Lopez, Maria","` is 16 characters; PT is at offset 18 of the listing
        col: '35',
        endColumn: '37',
        title: 'ptfx designation-not-first',
      },
      data: expect.any(String),
    });
    expect(
      parsed.some((p) => p?.props.line === '3' && p.props.title === 'ptfx unknown-credential'),
    ).toBe(true);
    expect(out.stderr).toMatch(/^2 listings checked/);
  });

  it('keeps a hostile roster path and listing from breaking out of the command', async () => {
    const out = await run(
      ['credentials', 'lint', '--file', 'a,b::c.ndjson', '--format', 'github'],
      {
        files: { 'a,b::c.ndjson': '{"listing":"Jane Doe, DPT, PT\\n::error::pwned"}\n' },
      },
    );
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(
        line.startsWith('::warning ') ||
          line.startsWith('::error ') ||
          line.startsWith('::notice '),
      ).toBe(true);
      expect(parseCommand(line)?.props.file).toBe('a,b::c.ndjson');
    }
  });
});

describe('ptfx validate --format github', () => {
  it('annotates the data file at its line and column', async () => {
    const out = await run(['validate', 'c.yaml', '--format', 'github'], {
      files: { 'c.yaml': 'name: [unclosed\n' },
    });
    expect(out.code).toBe(1);
    const first = parseCommand(out.stdout.split('\n')[0] ?? '');
    expect(first).toMatchObject({
      name: 'error',
      props: { file: 'c.yaml', line: expect.stringMatching(/^\d+$/) },
    });
  });
});
