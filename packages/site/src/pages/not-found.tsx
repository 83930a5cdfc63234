import { Document } from '../components/document.js';
import { paths } from '../context.js';
import { BOOKING_PATH } from '../form/fields.js';
import type { PageRender } from './page-render.js';

/** The page sent with a 404: not indexed, with the ways back. */
export function notFoundPage(render: PageRender) {
  const { ctx } = render;
  return (
    <Document
      ctx={ctx}
      head={{
        title: 'Page not found',
        description: `This page of ${ctx.clinic.organization.name} does not exist.`,
        path: paths.notFound,
        noindex: true,
      }}
    >
      <div class="wrap narrow">
        <h1>Page not found</h1>
        <p>
          There is no page at this address. If you typed it, check it; if you followed a link, it
          may be out of date.
        </p>
        <ul class="link-list">
          <li>
            <a href={ctx.href(paths.home)}>{ctx.clinic.organization.name} home page</a>
          </li>
          <li>
            <a href={ctx.href(BOOKING_PATH)}>Book a consultation</a>
          </li>
        </ul>
      </div>
    </Document>
  );
}
