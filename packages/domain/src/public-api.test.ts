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

  it('names every export in one explicit barrel (no export *)', async () => {
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(indexPath, 'utf8')).not.toMatch(/export \*/);
  });
});
