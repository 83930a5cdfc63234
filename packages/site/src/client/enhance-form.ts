import { consultationRequestFromForm } from '../form/codec.js';
import { FORM_ERRORS_ID, FORM_ID, FORM_STATUS_ID, SUBMIT_ID } from '../form/fields.js';
import { clearErrors, focusLinkedField, showErrors, showThankYou } from './form-view.js';
import { type SubmitResponse, submitOutcome } from './submit-outcome.js';

/** How long to wait for the API before saying the request could not be sent. */
const TIMEOUT_MS = 20_000;

/** The clinic's phone as the page shows it: the form's `data-phone`, else the first `tel:` link. */
function pagePhone(form: HTMLFormElement): string {
  const own = form.dataset.phone?.trim();
  if (own) return own;
  return document.querySelector('a[href^="tel:"]')?.textContent?.trim() ?? '';
}

async function send(url: string, key: string, body: string): Promise<SubmitResponse | undefined> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, application/problem+json',
        'Idempotency-Key': key,
      },
      body,
      signal: abort.signal,
    });
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      parsed = undefined;
    }
    return {
      status: response.status,
      retryAfter: response.headers.get('Retry-After'),
      body: parsed,
    };
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

const wait = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/**
 * Sends `#consultation-form` as JSON with an Idempotency-Key made once for the page, so that a
 * double-click, a retry or a lost answer stores one request: the button disabled while sending,
 * problems shown on their fields, the thank-you message in place of the form. Without this the
 * form posts itself, urlencoded, and the API answers with a page.
 */
export function enhanceForm(): void {
  const form = document.getElementById(FORM_ID);
  const button = document.getElementById(SUBMIT_ID);
  const status = document.getElementById(FORM_STATUS_ID);
  if (!(form instanceof HTMLFormElement) || !(button instanceof HTMLButtonElement) || !status)
    return;
  if (typeof fetch !== 'function' || typeof crypto?.randomUUID !== 'function') return;
  const key = crypto.randomUUID();
  document.getElementById(FORM_ERRORS_ID)?.addEventListener('click', focusLinkedField);
  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    const hadFocus = document.activeElement === button;
    button.disabled = true;
    status.textContent = 'Sending your request…';
    const entries = [...new FormData(form)].flatMap(([name, value]): [string, string][] =>
      typeof value === 'string' ? [[name, value]] : [],
    );
    const body = JSON.stringify(consultationRequestFromForm(entries).request);
    const phone = pagePhone(form);
    try {
      for (let retries = 0; ; retries++) {
        const outcome = submitOutcome(await send(form.action, key, body), {
          phone,
          retries,
        });
        if (outcome.kind === 'retry') {
          await wait(outcome.afterSeconds);
          continue;
        }
        status.textContent = '';
        if (outcome.kind === 'sent') {
          showThankYou(form, outcome.message);
        } else if (outcome.kind === 'invalid') {
          showErrors(form, outcome.errors);
        } else {
          clearErrors(form);
          status.textContent = outcome.message;
        }
        return;
      }
    } finally {
      sending = false;
      button.disabled = false;
      if (hadFocus && document.activeElement === document.body) button.focus();
    }
  });
}
