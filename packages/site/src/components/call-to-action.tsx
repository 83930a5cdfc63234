import type { SiteContext } from '../context.js';
import { BOOKING_PATH } from '../form/fields.js';

/** The invitation to book that closes most pages. */
export function CallToAction(props: { readonly ctx: SiteContext; readonly lead?: string }) {
  return (
    <aside class="cta" aria-label="Book a consultation">
      {props.lead ? <p class="cta-lead">{props.lead}</p> : null}
      <p>Schedule a consultation with our Physical Therapists.</p>
      <p>
        <a class="button" href={props.ctx.href(BOOKING_PATH)}>
          Contact us to book a consultation
        </a>
      </p>
    </aside>
  );
}
