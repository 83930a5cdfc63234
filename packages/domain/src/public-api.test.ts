import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const indexPath = fileURLToPath(new URL('./index.ts', import.meta.url));

describe('the public API', () => {
  const program = ts.createProgram([indexPath], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(indexPath);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  const exported = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];

  it('exports a real surface', () => {
    expect(exported.length).toBeGreaterThan(100);
  });

  it('documents every export with TSDoc', () => {
    const undocumented = exported
      .filter((symbol) => {
        const target =
          symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        return ts.displayPartsToString(target.getDocumentationComment(checker)).trim() === '';
      })
      .map((symbol) => symbol.getName());
    expect(undocumented).toEqual([]);
  });

  it('re-exports every export of every module, except the internal helpers named here', () => {
    const internal = new Set([
      'withNarrative',
      'FhirResourceWithoutText',
      'fhirEndpointId',
      'boundedText',
      'describeValue',
      'findJsonSyntaxError',
      'issuesFromZod',
      'reportIssue',
      'sourcePositionOf',
      'JsonSyntaxError',
      'ReportOptions',
      'catalogIndex',
      'isProcedureCode',
      // The spelling a fix keeps, per token: the canonical formatter's, not a caller's.
      'spellingFor',
      'keptSpelling',
      'keptSpellings',
      // The one check of rule levels, shared by the two linters.
      'rulesProblem',
    ]);
    // The argument checks and the shapes they check, and each function's twin without its checks
    // (`hoursOnUnchecked`) for callers inside the package that have made them.
    const internalModules = ['shared/arguments.ts', 'shared/shapes.ts'];
    // One record per state (credentials/states/<xx>.ts), public through STATE_TITLE_LAWS.
    const internalFiles = /^credentials\/states\/[a-z]{2}\.ts$/;
    // One module per rule (credentials/rules/<code>.ts) and their shared helpers: public through
    // CREDENTIAL_RULES; the rule types (rules/rule.ts) and the list (rules/index.ts) are exported.
    const ruleFiles = /^credentials\/rules\/(?!rule\.ts$|index\.ts$)[a-z-]+\.ts$/;
    const isInternal = (file: string, name: string) =>
      internal.has(name) ||
      name.endsWith('Unchecked') ||
      internalModules.includes(file) ||
      internalFiles.test(file) ||
      ruleFiles.test(file);
    const publicNames = new Set(exported.map((symbol) => symbol.getName()));
    const missing: string[] = [];
    for (const file of program.getSourceFiles()) {
      if (
        file.isDeclarationFile ||
        !file.fileName.includes('/packages/domain/src/') ||
        file === source
      )
        continue;
      const symbol = checker.getSymbolAtLocation(file);
      const relative = file.fileName.split('/src/')[1] ?? '';
      for (const name of symbol ? checker.getExportsOfModule(symbol).map((s) => s.getName()) : []) {
        if (!publicNames.has(name) && !isInternal(relative, name))
          missing.push(`${file.fileName.split('/src/')[1]}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names every export in one explicit barrel (no export *)', async () => {
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(indexPath, 'utf8')).not.toMatch(/export \*/);
  });
});
