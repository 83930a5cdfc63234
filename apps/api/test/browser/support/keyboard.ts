// Filling and sending the consultation form with the keyboard alone: Tab from the top of the page,
// type into text fields, arrows and Space for radios and checkboxes, Enter on the button.
import { FIELD, FORM_ID, SUBMIT_ID } from '@ptfx/site';
import type { Page } from 'playwright-core';
import type { Visitor } from './form.js';

const focused = (page: Page) =>
  page.evaluate(
    ([formId, submitId]) => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const input = el instanceof HTMLInputElement ? el : undefined;
      return {
        tag: el.tagName.toLowerCase(),
        type: input?.type ?? '',
        name: el.getAttribute('name') ?? '',
        value: input?.value ?? '',
        checked: input?.checked ?? false,
        inForm: el.closest(`#${formId}`) !== null,
        submit: el.id === submitId,
      };
    },
    [FORM_ID, SUBMIT_ID] as const,
  );

/**
 * Tabs from the top of the page to the form, fills what `visitor` sends and presses Enter on the
 * submit button. Returns the fields it typed into or ticked, in Tab order. Throws when the
 * button is not reached within `maxTabs` presses.
 */
export async function sendFormByKeyboard(
  page: Page,
  visitor: Visitor,
  maxTabs = 300,
): Promise<string[]> {
  const text: Record<string, string> = {
    [FIELD.givenName]: visitor.given,
    [FIELD.familyName]: visitor.family,
    [FIELD.phone]: visitor.phone,
    [FIELD.reason]: visitor.reason,
  };
  const radios: Record<string, string> = {
    [FIELD.preferred]: 'phone',
    [FIELD.patientStatus]: 'new',
  };
  const ticks: Record<string, string[]> = {
    [FIELD.consentAccepted]: ['true', 'on'],
    [FIELD.consentChannels]: ['phone'],
  };
  const done: string[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const at = await focused(page);
    if (!at?.inForm) continue;
    if (at.submit) {
      await page.keyboard.press('Enter');
      return done;
    }
    const typed = text[at.name];
    if (
      typed !== undefined &&
      (at.tag === 'textarea' || at.tag === 'input') &&
      at.type !== 'radio' &&
      at.type !== 'checkbox'
    ) {
      await page.keyboard.type(typed);
      done.push(at.name);
    } else if (at.type === 'radio' && radios[at.name] !== undefined) {
      // Tab enters a group on its first radio (none is checked yet); arrows move and check.
      let now = at;
      for (let step = 0; step < 10 && now.value !== radios[at.name]; step++) {
        await page.keyboard.press('ArrowDown');
        now = (await focused(page)) ?? now;
      }
      if (now.value !== radios[at.name])
        throw new Error(`no radio "${radios[at.name]}" in ${at.name}`);
      if (!now.checked) await page.keyboard.press('Space');
      done.push(`${at.name}=${now.value}`);
    } else if (at.type === 'checkbox' && ticks[at.name]?.includes(at.value)) {
      if (!at.checked) await page.keyboard.press('Space');
      done.push(`${at.name}=${at.value}`);
    }
  }
  throw new Error(
    `Tab did not reach #${SUBMIT_ID} within ${maxTabs} presses; filled ${done.join(', ')}`,
  );
}
