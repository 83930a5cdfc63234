import type { z } from '@hono/zod-openapi';
import { ApiProblem, type ProblemDetailItem } from './problem.js';

const TARGET: Readonly<Record<string, string>> = {
  json: 'body',
  query: 'query',
  param: 'params',
  header: 'headers',
};

/** zod's issues as problem details, each with the JSON path of the offending value. */
export function problemItems(error: z.ZodError, target: string): ProblemDetailItem[] {
  return error.issues.map((issue) => {
    const params = issue.code === 'custom' ? issue.params : undefined;
    const code = typeof params?.code === 'string' ? params.code : undefined;
    const path = [TARGET[target] ?? target, ...issue.path.map(String)].join('.');
    return { path, message: issue.message, ...(code ? { code } : {}) };
  });
}

/** The hook every route uses: a failed validation becomes a 400 problem listing each issue. */
export function validationHook(result: {
  success: boolean;
  error?: z.ZodError;
  target: string;
}): void {
  if (!result.success && result.error) {
    const items = problemItems(result.error, result.target);
    throw new ApiProblem(
      'invalid-request',
      `${items.length} problem${items.length === 1 ? '' : 's'} in the ${TARGET[result.target] ?? result.target}`,
      items,
    );
  }
}
