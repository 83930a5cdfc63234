import type { SiteContext } from '../context.js';
import { BOOKING_PATH } from '../form/fields.js';

/**
 * The invitation to book that closes most pages: the data's `bookingPath.callToAction` (its
 * question, text and link words, as the clinic writes them), or a plain invitation when the data
 * has none.
 */
export function CallToAction(props: { readonly ctx: SiteContext }) {
  const cta = props.ctx.clinic.bookingPath?.callToAction;
  return (
    <aside class="cta" aria-label="Book a consultation">
      {cta?.question ? <p class="cta-lead">{cta.question}</p> : null}
      <p>{cta?.text ?? 'Schedule a consultation with our physical therapists.'}</p>
      <p>
        <a class="button" href={props.ctx.href(BOOKING_PATH)}>
          {cta?.label ?? 'Book a consultation'}
        </a>
      </p>
    </aside>
  );
}
