import { FORM_ERRORS_ID, fieldErrorId, fieldId } from '../form/fields.js';

// The form's markup is the page's (components/consultation-form.tsx, form-controls.tsx): each
// field in a `.field` wrapper with its error line `#{fieldErrorId}` (hidden when empty), the
// summary `#form-errors`. The script fills the same elements the server renders with errors.

const INVALID_CLASS = 'field-invalid';

function errorLine(line: HTMLElement, message: string): void {
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = 'Error: ';
  line.replaceChildren(hidden, message);
  line.hidden = false;
}

function describedBy(control: Element, id: string, add: boolean): void {
  const ids = (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter((t) => t && t !== id);
  if (add) ids.push(id);
  if (ids.length > 0) control.setAttribute('aria-describedby', ids.join(' '));
  else control.removeAttribute('aria-describedby');
}

/** Removes every problem shown on the form: the marks on the fields, their lines, the summary. */
export function clearErrors(form: HTMLFormElement): void {
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    describedBy(control, `${control.id}-error`, false);
  }
  for (const field of form.querySelectorAll(`.${INVALID_CLASS}`))
    field.classList.remove(INVALID_CLASS);
  for (const line of form.querySelectorAll<HTMLElement>('.field-error')) {
    line.replaceChildren();
    line.hidden = true;
  }
  const summary = document.getElementById(FORM_ERRORS_ID);
  if (summary) {
    summary.replaceChildren();
    summary.hidden = true;
  }
}

/**
 * Shows the problems by field name (`''` for the form as a whole): each field marked
 * `aria-invalid` and described by its error line, and the summary listing them in the page's
 * order, linked to their fields, focused.
 */
export function showErrors(
  form: HTMLFormElement,
  errors: ReadonlyMap<string, readonly string[]>,
): void {
  clearErrors(form);
  const items: { control: HTMLElement | null; message: string }[] = [];
  for (const [name, messages] of errors) {
    const message = messages.join(' ');
    const control = name === '' ? null : document.getElementById(fieldId(name));
    const line = name === '' ? null : document.getElementById(fieldErrorId(name));
    if (control && line && form.contains(control)) {
      control.setAttribute('aria-invalid', 'true');
      describedBy(control, line.id, true);
      control.closest('.field')?.classList.add(INVALID_CLASS);
      errorLine(line, message);
      items.push({ control, message });
    } else {
      items.push({ control: null, message });
    }
  }
  // The page's order: the form as a whole first, then field by field as they come.
  items.sort((a, b) => {
    if (!a.control || !b.control) return a.control ? 1 : b.control ? -1 : 0;
    return a.control.compareDocumentPosition(b.control) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  const summary = document.getElementById(FORM_ERRORS_ID);
  if (!summary) return;
  const title = document.createElement('h2');
  title.id = `${FORM_ERRORS_ID}-title`;
  title.textContent = 'There is a problem';
  const list = document.createElement('ul');
  for (const { control, message } of items) {
    const item = document.createElement('li');
    if (control) {
      const link = document.createElement('a');
      link.href = `#${control.id}`;
      link.textContent = message;
      item.append(link);
    } else {
      item.textContent = message;
    }
    list.append(item);
  }
  summary.replaceChildren(title, list);
  summary.setAttribute('aria-labelledby', title.id);
  summary.hidden = false;
  summary.focus();
}

/**
 * Moves the focus to the field a summary link points at (its first input, for a group), as
 * GOV.UK's error summary does; a plain jump to the fragment would leave the focus behind.
 */
export function focusLinkedField(event: Event): void {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  const target = document.getElementById(link?.hash.slice(1) ?? '');
  const control = target?.matches('input, select, textarea')
    ? target
    : target?.querySelector('input');
  if (!target || !(control instanceof HTMLElement)) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  control.focus({ preventScroll: true });
}

/** Replaces the form with the thank-you message, in a region that takes the focus. */
export function showThankYou(form: HTMLFormElement, message: string): void {
  const region = document.createElement('section');
  region.id = 'form-sent';
  region.className = 'form-sent';
  region.tabIndex = -1;
  region.setAttribute('aria-labelledby', 'form-sent-title');
  const title = document.createElement('h2');
  title.id = 'form-sent-title';
  title.textContent = 'Request sent';
  const text = document.createElement('p');
  text.textContent = message;
  region.append(title, text);
  form.replaceWith(region);
  region.focus();
}
