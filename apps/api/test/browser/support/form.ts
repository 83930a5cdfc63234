// The consultation form as a visitor fills it, by the field contract of @ptfx/site.

import type { StoredRequest } from '@ptfx/intake';
import { FIELD, fieldErrorId, fieldId } from '@ptfx/site';
import type { Page } from 'playwright-core';

/** What one test's visitor types; `family` is unique per test, to find their stored request. */
export interface Visitor {
  readonly given: string;
  readonly family: string;
  /** As typed; stored as E.164. */
  readonly phone: string;
  readonly reason: string;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';
let visitors = 0;

/** A new visitor whose family name no other visitor of this process has. */
export function newVisitor(): Visitor {
  visitors += 1;
  let n = visitors + Math.floor(Math.random() * 10_000) * 100;
  let tag = '';
  while (n > 0) {
    tag += ALPHABET[n % 26];
    n = Math.floor(n / 26);
  }
  return {
    given: 'Ada',
    family: `Quill${tag}`,
    phone: '(619) 555-0134',
    reason: 'Lower back pain since lifting boxes last week.',
  };
}

/** The CSS selector of a field's element (the input, or the fieldset of a group). */
export const field = (name: string) => `#${fieldId(name)}`;
/** The CSS selector of one option of a radio or checkbox group. */
export const option = (name: string, value: string) =>
  `${field(name)} input[name="${name}"][value="${value}"]`;
/** The CSS selector of a field's message. */
export const fieldError = (name: string) => `#${fieldErrorId(name)}`;

/** Fills what a request needs (with the mouse-free Playwright calls: fill and check). */
export async function fillForm(page: Page, visitor: Visitor): Promise<void> {
  await page.fill(field(FIELD.givenName), visitor.given);
  await page.fill(field(FIELD.familyName), visitor.family);
  await page.fill(field(FIELD.phone), visitor.phone);
  await page.check(option(FIELD.preferred, 'phone'));
  await page.fill(field(FIELD.reason), visitor.reason);
  await page.check(option(FIELD.patientStatus, 'new'));
  await page.check(field(FIELD.consentAccepted));
  await page.check(option(FIELD.consentChannels, 'phone'));
}

/** The stored requests of `visitor` among `requests`. */
export function storedFor(
  requests: readonly StoredRequest[],
  visitor: Visitor,
): readonly StoredRequest[] {
  return requests.filter((r) => r.content.name.family === visitor.family);
}

/** A field marked `aria-invalid="true"`: the ids its `aria-describedby` names, and their text. */
export interface InvalidField {
  readonly describedBy: readonly string[];
  readonly message: string;
}

/** The elements marked invalid on the page, by element id. */
export async function invalidFields(page: Page): Promise<Record<string, InvalidField>> {
  return page.evaluate(() => {
    const out: Record<string, { describedBy: string[]; message: string }> = {};
    for (const el of document.querySelectorAll('[aria-invalid="true"]')) {
      const describedBy = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      const message = describedBy
        .map((id) => document.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
        .filter(Boolean)
        .join(' | ');
      out[el.id || `(no id) ${el.outerHTML.slice(0, 80)}`] = { describedBy, message };
    }
    return out;
  });
}
