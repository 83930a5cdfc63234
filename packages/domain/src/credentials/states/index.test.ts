import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectReadmeSection } from '../../../test/support/readme-section.js';
import { credentialById } from '../catalog-lookup.js';
import { STATE_TITLE_LAWS, stateTitleLaw } from './index.js';
import type { StateTitleLaw } from './state-law.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const README = fileURLToPath(new URL('../../../README.md', import.meta.url));

/** A table cell: no pipe or line break may break the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function doctorRule(law: StateTitleLaw): string {
  const rule = law.doctorTitle;
  switch (rule.rule) {
    case 'spelled-out-degree-after-name':
      return `only with ${rule.degrees.join(', ')} written out right after the name`;
    case 'designation-and-degree':
      return 'PT and the doctoral degree in the listing';
    case 'designation':
      return 'PT (the profession named) in the listing';
    case 'none':
      return 'no rule beyond title protection';
  }
}

function assistantRule(law: StateTitleLaw): string {
  const extra = [
    ...(law.assistantBarredWords ?? []).map((w) => `also a bare "${w}"`),
    ...(law.allowedDesignations ?? []).filter((d) => d.endsWith('PTA')).map((d) => `${d} allowed`),
  ];
  return [law.assistantSeverity, ...extra].join('; ');
}

function designationRule(law: StateTitleLaw): string {
  const allowed = law.allowedDesignations?.length
    ? ` (${law.allowedDesignations.join(', ')} allowed)`
    : '';
  return `${law.designationRequired ? 'yes (error)' : 'no (warning)'}${allowed}`;
}

/** The README's state table, generated from {@link STATE_TITLE_LAWS}. */
function stateTable(): string {
  const rows = STATE_TITLE_LAWS.map((law) =>
    [
      `${law.state} (${law.name})`,
      law.summary,
      doctorRule(law),
      assistantRule(law),
      designationRule(law),
      law.citations.map((c) => `[${c.section.replace(/[[\]]/g, '')}](${c.url})`).join('; '),
    ]
      .map(cell)
      .join(' | '),
  );
  return [
    '| state | what the law says | "Dr." for a PT | a PTA using "Dr.", PT or a PT title | PT/PTA required | sources |',
    '|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

describe('STATE_TITLE_LAWS', () => {
  it('has the ten most populous states, in code order, once each', () => {
    const codes = STATE_TITLE_LAWS.map((law) => law.state);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of ['CA', 'TX', 'FL', 'NY', 'PA', 'IL', 'OH', 'GA', 'NC', 'MI'] as const)
      expect(codes).toContain(code);
  });

  it('has one file and one test file per state, and every state file is registered', () => {
    const files = readdirSync(HERE).filter((f) => /^[a-z]{2}\.ts$/.test(f));
    expect(files.map((f) => f.slice(0, 2).toUpperCase()).sort()).toEqual(
      STATE_TITLE_LAWS.map((law) => law.state),
    );
    for (const law of STATE_TITLE_LAWS)
      expect(existsSync(`${HERE}/${law.state.toLowerCase()}.test.ts`)).toBe(true);
  });

  it('gives every rule a citation with a section, an https link and what it says', () => {
    for (const law of STATE_TITLE_LAWS) {
      expect(law.name.trim()).not.toBe('');
      expect(law.summary).not.toMatch(/\n/);
      expect(law.citations.length).toBeGreaterThan(0);
      for (const c of law.citations) {
        expect(c.section.trim()).not.toBe('');
        expect(c.says.trim()).not.toBe('');
        expect(new URL(c.url).protocol).toBe('https:');
      }
    }
  });

  it('names only catalog degrees, and designations as written without dots', () => {
    for (const law of STATE_TITLE_LAWS) {
      if (law.doctorTitle.rule === 'spelled-out-degree-after-name')
        for (const id of law.doctorTitle.degrees) expect(credentialById(id)?.doctorate).toBe(true);
      for (const d of law.allowedDesignations ?? []) expect(d).toMatch(/^[A-Z]+$/);
      for (const w of law.assistantBarredWords ?? []) expect(w).toBe(w.trim().toLowerCase());
    }
  });

  it('stateTitleLaw looks a state up, and answers undefined for a state without a record', () => {
    for (const law of STATE_TITLE_LAWS) expect(stateTitleLaw(law.state)).toBe(law);
    expect(stateTitleLaw(undefined)).toBeUndefined();
    expect(stateTitleLaw('WY')).toBeUndefined();
  });

  it('is the state table in the domain README (UPDATE_DOCS=1 rewrites it)', () => {
    expectReadmeSection(README, 'states', `\n${stateTable()}\n`);
  });
});
