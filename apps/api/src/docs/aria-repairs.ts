// Repairs of Scalar's markup that axe flags on the reference page and in its request console,
// applied as Scalar renders (a MutationObserver): the page cannot change Scalar's components, only
// the elements they make. Plain ES5 text, not a compiled function: it runs in the browser as
// written. Each repair is idempotent, so the observer's own changes settle at once.

/**
 * The repairs, a script run before Scalar mounts:
 * - the response-schema picker is labelled "Schema" while it shows the chosen schema's name;
 *   WCAG 2.5.3 (label in name; axe `label-content-name-mismatch`) wants the visible name in the
 *   accessible name, so the label becomes "Schema: LintResult", and follows the choice;
 * - a header's "More Information" button carries `role="none"` with a label (axe
 *   `aria-prohibited-attr`, `presentation-role-conflict`): it is a button, the role goes;
 * - the console's editable fields are comboboxes (variable suggestions) that leave out
 *   `aria-expanded` while their list is closed (axe `aria-required-attr`): `false` then;
 * - the console's notification region repeats the page's label (axe `landmark-unique`): it is
 *   named for the console;
 * - the console's body editors (CodeMirror) have no name (axe `aria-input-field-name`): "Request
 *   body" or "Response body", after the section they are in; a read-only one, which holds nothing
 *   focusable, cannot be scrolled from the keyboard (axe `scrollable-region-focusable`): it
 *   takes focus;
 * - a disclosure button names in `aria-controls` a panel that is not rendered while closed (axe
 *   `aria-valid-attr-value`): the reference goes.
 */
export const ARIA_REPAIRS_SCRIPT = `(function () {
  function each(selector, fix) {
    var found = document.querySelectorAll(selector);
    for (var i = 0; i < found.length; i++) fix(found[i]);
  }
  function label(el, text) {
    if (el.getAttribute('aria-label') !== text) el.setAttribute('aria-label', text);
  }
  function repair() {
    each('[data-testid="response-variant-picker"][aria-label]', function (el) {
      var base = el.getAttribute('data-ptfx-label') || el.getAttribute('aria-label');
      el.setAttribute('data-ptfx-label', base);
      label(el, base + ': ' + el.textContent.trim());
    });
    each('button[role="none"][aria-label]', function (el) {
      el.removeAttribute('role');
    });
    each('[role="combobox"]:not([aria-expanded])', function (el) {
      el.setAttribute('aria-expanded', 'false');
    });
    each('[role="dialog"] section[aria-label^="Notifications"]', function (el) {
      label(el, 'API client notifications');
    });
    each('.cm-content:not([aria-labelledby])', function (el) {
      var section = el.closest('section[aria-label]');
      var name = section ? section.getAttribute('aria-label') : '';
      label(el, /^Response/.test(name) ? 'Response body' : /^Request/.test(name) ? 'Request body' : 'Code');
    });
    each('.cm-scroller:not([tabindex="0"])', function (el) {
      if (el.querySelector('.cm-content[contenteditable="false"]')) el.setAttribute('tabindex', '0');
    });
    each('[aria-controls]', function (el) {
      if (!document.getElementById(el.getAttribute('aria-controls'))) el.removeAttribute('aria-controls');
    });
  }
  new MutationObserver(repair).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-expanded', 'aria-label', 'role'],
  });
})();
`;
