// Checks every page of the site gets: axe, links, the skip link and a visible focus indicator.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA, as axe tags them. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's WCAG violations on the page, one readable block each (empty when there are none). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n${v.nodes
        .map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n')}`,
  );
}

/** A link found on a page: which element and attribute, as written and resolved. */
export interface FoundLink {
  readonly on: string;
  readonly element: string;
  readonly raw: string;
  readonly url: string;
}

/** Every `a[href]`, `link[href]` and `script[src]` of the page. */
export async function linksOn(page: Page): Promise<FoundLink[]> {
  const on = page.url();
  const found = await page.$$eval('a[href], link[href], script[src]', (elements) =>
    elements.map((el) => {
      const attr = el.tagName === 'SCRIPT' ? 'src' : 'href';
      const rel = el.getAttribute('rel');
      return {
        element: `<${el.tagName.toLowerCase()}${rel ? ` rel="${rel}"` : ''} ${attr}>`,
        raw: el.getAttribute(attr) ?? '',
        url: (el as HTMLAnchorElement | HTMLLinkElement).href || (el as HTMLScriptElement).src,
      };
    }),
  );
  return found.map((link) => ({ on, ...link }));
}

/** The ids of the page's elements, to check `#fragment` links against. */
export function idsOn(page: Page): Promise<string[]> {
  return page.$$eval('[id]', (elements) => elements.map((el) => el.id));
}

/**
 * The skip link: the first Tab stop of the page (`stops[0]` of {@link tabStops}) must be a link to
 * `#main`, visible when focused; activating it with Enter must move focus to `<main id="main">`
 * (onto it, or the next Tab lands inside it).
 */
export async function skipLinkProblems(page: Page, first: TabStop | undefined): Promise<string[]> {
  if (!first) return ['the page has no Tab stop, so no skip link'];
  if (!first.what.startsWith('<a ') || first.href !== '#main')
    return [`the first Tab focuses ${first.what}, not a skip link to #main`];
  const problems: string[] = [];
  if (!first.inViewport) problems.push(`the skip link ${first.what} is not on screen when focused`);
  await page.focus('a[href="#main"]');
  await page.keyboard.press('Enter');
  const onMain = await page.evaluate(
    () => document.activeElement === document.querySelector('main#main'),
  );
  if (!onMain) {
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(
      () => document.querySelector('main#main')?.contains(document.activeElement) === true,
    );
    if (!inMain) problems.push('Enter on the skip link does not move focus to <main id="main">');
  }
  return problems;
}

interface Look {
  readonly outline: string;
  readonly outlineWidth: number;
  readonly outlineStyle: string;
  readonly boxShadow: string;
}

/** One Tab stop: the element, and how it looks focused and unfocused. */
export interface TabStop {
  readonly what: string;
  /** Its `href` attribute, if it has one. */
  readonly href: string | null;
  /** Whether it is inside the viewport while focused (a skip link shown on focus). */
  readonly inViewport: boolean;
  readonly focused: Look;
  readonly unfocused: Look;
  readonly visible: boolean;
}

/**
 * Tabs through the whole page from the top (at most `max` stops), recording each focused
 * element's outline and box-shadow, then the same elements' unfocused look. (The two page
 * functions repeat the reading: a function cannot be handed to the page, and eval is refused by
 * the site's CSP.)
 */
export async function tabStops(page: Page, max = 200): Promise<TabStop[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const focused: (Omit<TabStop, 'unfocused' | 'focused'> & { look: Look })[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((index) => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      if (el.hasAttribute('data-ptfx-tab-stop')) return 'wrapped';
      el.setAttribute('data-ptfx-tab-stop', String(index));
      const box = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return {
        what: el.outerHTML.slice(0, 100),
        href: el.getAttribute('href'),
        inViewport:
          box.width >= 2 &&
          box.height >= 2 &&
          box.top >= 0 &&
          box.left >= 0 &&
          box.bottom <= innerHeight &&
          box.right <= innerWidth,
        look: {
          outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} offset ${s.outlineOffset}`,
          outlineWidth: Number.parseFloat(s.outlineWidth) || 0,
          outlineStyle: s.outlineStyle,
          boxShadow: s.boxShadow,
        },
        visible: box.width > 0 && box.height > 0,
      };
    }, i);
    if (stop === null || stop === 'wrapped') break;
    focused.push(stop);
  }
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const unfocused = await page.evaluate(() =>
    [...document.querySelectorAll('[data-ptfx-tab-stop]')]
      .sort(
        (a, b) =>
          Number(a.getAttribute('data-ptfx-tab-stop')) -
          Number(b.getAttribute('data-ptfx-tab-stop')),
      )
      .map((el) => {
        const s = getComputedStyle(el);
        return {
          outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} offset ${s.outlineOffset}`,
          outlineWidth: Number.parseFloat(s.outlineWidth) || 0,
          outlineStyle: s.outlineStyle,
          boxShadow: s.boxShadow,
        };
      }),
  );
  return focused.map(({ look, ...f }, i) => ({
    ...f,
    focused: look,
    unfocused: unfocused[i] ?? look,
  }));
}

/** Whether focus is visible on a stop: an outline or a box-shadow appears or changes. */
export function showsFocus(stop: TabStop): boolean {
  const outlined = stop.focused.outlineStyle !== 'none' && stop.focused.outlineWidth > 0;
  const shadowed = stop.focused.boxShadow !== 'none';
  return (
    (outlined && stop.focused.outline !== stop.unfocused.outline) ||
    (shadowed && stop.focused.boxShadow !== stop.unfocused.boxShadow)
  );
}
