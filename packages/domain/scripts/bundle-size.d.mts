/** One budgeted entry: what a site imports and its budget in gzipped bytes. */
export interface BundleBudget {
  readonly names: readonly string[];
  readonly from?: string;
  readonly budget: number;
}
/** Bytes of one bundle. */
export interface BundleBytes {
  readonly minified: number;
  readonly gzipped: number;
}
/** A measured entry. */
export interface BundleRow extends BundleBudget {
  readonly label: string;
  readonly esbuild: BundleBytes;
  readonly vite: BundleBytes;
  /** Whether the esbuild bundle carries zod (its class names survive minification). */
  readonly zod: boolean;
}
export declare const BUDGETS: readonly BundleBudget[];
export declare function entryLabel(entry: BundleBudget): string;
export declare function measureBundles(entries?: readonly BundleBudget[]): Promise<BundleRow[]>;
export declare function kib(bytes: number): string;
export declare function sizeTable(rows: readonly BundleRow[]): string;
