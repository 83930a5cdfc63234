// The booking page's script: the consultation form sent as JSON with an Idempotency-Key, its
// problems on their fields. Optional: without it the form posts itself and the API answers with a page.
import { enhanceForm } from './enhance-form.js';

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhanceForm);
else enhanceForm();
