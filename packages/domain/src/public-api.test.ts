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
    ]);
    // The argument checks and the shapes they check, and each function's twin without its checks
    // (`hoursOnUnchecked`) for callers inside the package that have made them.
    const internalModules = ['shared/arguments.ts', 'shared/shapes.ts'];
    const isInternal = (file: string, name: string) =>
      internal.has(name) || name.endsWith('Unchecked') || internalModules.includes(file);
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
