import { findContactChannel, formatPhoneNumber, phoneToTelUri } from '@ptfx/domain';
import { Document } from '../components/document.js';
import { mainLocation, paths } from '../context.js';
import { THANK_YOU_PATH } from '../form/fields.js';
import type { PageRender } from './page-render.js';

/** The page a request sent without JavaScript lands on; not indexed. */
export function thankYouPage(render: PageRender) {
  const { ctx } = render;
  const org = ctx.clinic.organization;
  const phone =
    findContactChannel(mainLocation(ctx.clinic).contact, 'phone', 'appointments') ??
    findContactChannel(org.contact, 'phone', 'appointments');
  return (
    <Document
      ctx={ctx}
      head={{
        title: 'Thank you, we have your request',
        description: `${org.name} has your consultation request and will contact you.`,
        path: THANK_YOU_PATH,
        noindex: true,
        jsonLd: render.jsonLd({ kind: 'practice' }),
      }}
    >
      <div class="wrap narrow">
        <h1>Thank you, we have your request</h1>
        <p class="lead">We will contact you the way you asked, usually within one business day.</p>
        {phone ? (
          <p>
            If it is urgent, call us at{' '}
            <a href={phoneToTelUri(phone.value)}>{formatPhoneNumber(phone.value)}</a>. In an
            emergency, call 911.
          </p>
        ) : null}
        <p>
          <a href={ctx.href(paths.home)}>Back to the home page</a>
        </p>
      </div>
    </Document>
  );
}
