// The site script, on every page: the open-now lines. Optional: without it the page shows the
// weekly hours and the dated exceptions. The booking form's enhancement is its own script
// (booking.ts), so that pages without the form do not carry it.
import { startOpenNow } from './open-now.js';

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startOpenNow);
else startOpenNow();
