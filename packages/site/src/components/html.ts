import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/**
 * HTML a component rendered: a string that Hono's JSX takes as it is (already escaped). The
 * exported components return it rather than a JSX element, so their types do not load Hono's JSX
 * declarations (which need the DOM types) into a project that only calls them.
 */
export type Html = HtmlEscapedString;

/** Renders a JSX element now, to {@link Html}. */
export function rendered(node: unknown): Html {
  return raw(String(node));
}
