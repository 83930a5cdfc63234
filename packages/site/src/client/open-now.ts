import { HOURS_DATA_ID, OPEN_NOW_ATTRIBUTE } from '../hours-data.js';
import { openNowLines, pageNow } from './open-now-lines.js';

/**
 * Fills every `[data-open-now="<slug>"]` with its location's open-now line from the page's
 * `#ptfx-hours` data, now and at the start of every minute. The clock is
 * `globalThis.__PTFX_NOW__` when a test sets it, else the real one.
 */
export function startOpenNow(): void {
  const elements = document.querySelectorAll<HTMLElement>(`[${OPEN_NOW_ATTRIBUTE}]`);
  const script = document.getElementById(HOURS_DATA_ID);
  if (elements.length === 0 || !script) return;
  let data: unknown;
  try {
    data = JSON.parse(script.textContent ?? '');
  } catch {
    return;
  }
  const update = () => {
    const lines = openNowLines(data, pageNow(Reflect.get(globalThis, '__PTFX_NOW__'), Date.now()));
    for (const element of elements) {
      const line = lines.get(element.getAttribute(OPEN_NOW_ATTRIBUTE) ?? '');
      if (!line) continue;
      if (element.textContent !== line.text) element.textContent = line.text;
      element.dataset.open = String(line.open);
    }
    setTimeout(update, 60_000 - (Date.now() % 60_000) + 20);
  };
  update();
}
