import { findContactChannel, formatPhoneNumber, phoneToTelUri } from '@ptfx/domain';
import { BookingSteps } from '../components/booking-steps.js';
import { ConsultationForm } from '../components/consultation-form.js';
import { Document } from '../components/document.js';
import { mainLocation } from '../context.js';
import { BOOKING_PATH, type FormState, INTAKE_PATH } from '../form/fields.js';
import type { PageRender } from './page-render.js';

/** The booking page: the steps, how to call, and the consultation form (with the visitor's values and problems when re-rendered). */
export function bookingPage(render: PageRender, state: FormState | undefined) {
  const { ctx } = render;
  const { clinic } = ctx;
  const org = clinic.organization;
  const location = mainLocation(clinic);
  const phone =
    findContactChannel(location.contact, 'phone', 'appointments') ??
    findContactChannel(org.contact, 'phone', 'appointments');
  const hasForm = clinic.bookingPath?.consent !== undefined;
  const hasErrors = state !== undefined && state.errors.size > 0;
  const title = 'Book a consultation';
  return (
    <Document
      ctx={ctx}
      head={{
        title: hasErrors ? `Error: ${title}` : title,
        description: `Schedule a consultation with the physical therapists of ${org.name}: call us${hasForm ? ' or send a request online' : ''}.`,
        path: BOOKING_PATH,
        jsonLd: render.jsonLd({ kind: 'practice' }),
        form: hasForm,
        current: 'booking',
      }}
    >
      <div class="wrap narrow">
        <h1>{title}</h1>
        <p class="lead">
          {clinic.bookingPath?.callToAction?.text ??
            'Schedule a consultation with our physical therapists.'}
        </p>
        {phone ? (
          <p>
            Call us at <a href={phoneToTelUri(phone.value)}>{formatPhoneNumber(phone.value)}</a>
            {hasForm ? ', or send us a request below and we will get back to you.' : '.'}
          </p>
        ) : null}
        {clinic.bookingPath ? (
          <BookingSteps bookingPath={clinic.bookingPath} phone={phone?.value} />
        ) : null}
        {hasForm ? (
          <section aria-labelledby="form-title">
            <h2 id="form-title">Request a consultation</h2>
            <p>
              All fields are required unless marked optional. We only use your answers to contact
              you about this request.
            </p>
            <ConsultationForm
              clinic={clinic}
              action={`${ctx.options.apiUrl}${INTAKE_PATH}`}
              state={state}
            />
          </section>
        ) : null}
      </div>
    </Document>
  );
}
