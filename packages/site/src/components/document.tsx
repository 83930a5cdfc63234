import {
  findContactChannel,
  formatPhoneNumber,
  type JsonLdValue,
  phoneToTelUri,
} from '@ptfx/domain';
import type { Child } from 'hono/jsx';
import { mainLocation, paths, type SiteContext } from '../context.js';
import { BOOKING_PATH } from '../form/fields.js';
import { HOURS_DATA_ID } from '../hours-data.js';
import { JsonScript } from './json-ld-script.js';

/** What a page says about itself in its head. */
export interface PageHead {
  /** The page's own title; the site name is added after it. */
  readonly title: string;
  /** The meta description (and Open Graph description). */
  readonly description: string;
  /** The page's path from the site root: its canonical URL is the base URL and this. */
  readonly path: string;
  /** Open Graph type: `website`, `article`, `profile`. */
  readonly ogType?: string;
  /** schema.org JSON-LD of what the page shows. */
  readonly jsonLd?: JsonLdValue;
  /** Keep the page out of search results (and the sitemap). */
  readonly noindex?: boolean;
  /** The page carries the open-now data and runs the site script. */
  readonly openNowData?: JsonLdValue;
  /** The page has the consultation form: it runs the booking script (the form's enhancement). */
  readonly form?: boolean;
  /** Which main navigation entry is this page, for `aria-current`. */
  readonly current?: 'home' | 'booking';
}

/** The page: head (title, description, canonical, Open Graph, JSON-LD, one stylesheet), skip link, header, main, footer. */
export function Document(props: {
  readonly ctx: SiteContext;
  readonly head: PageHead;
  readonly children?: Child;
}) {
  const { ctx, head } = props;
  const org = ctx.clinic.organization;
  const title =
    head.path === paths.home ? head.title : `${head.title} - ${org.alternateName ?? org.name}`;
  const canonical = ctx.url(head.path);
  // Each script only where it has work: the open-now lines, the form.
  const scripts = [
    head.openNowData !== undefined ? ctx.assets.js : undefined,
    head.form === true ? ctx.assets.bookingJs : undefined,
  ].filter((src) => src !== undefined);
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={head.description} />
        {head.noindex ? (
          <meta name="robots" content="noindex" />
        ) : (
          <link rel="canonical" href={canonical} />
        )}
        <meta property="og:title" content={head.title} />
        <meta property="og:description" content={head.description} />
        <meta property="og:url" content={canonical} />
        <meta property="og:type" content={head.ogType ?? 'website'} />
        <meta property="og:site_name" content={org.name} />
        <meta property="og:locale" content="en_US" />
        <meta name="theme-color" content="#0b5c6b" />
        <link rel="icon" href={ctx.href(paths.favicon)} type="image/svg+xml" />
        <link rel="stylesheet" href={ctx.href(ctx.assets.css)} />
        {scripts.map((src) => (
          <script type="module" src={ctx.href(src)} />
        ))}
        {head.jsonLd ? <JsonScript value={head.jsonLd} /> : null}
        {head.openNowData ? (
          <JsonScript value={head.openNowData} type="application/json" id={HOURS_DATA_ID} />
        ) : null}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader ctx={ctx} current={head.current} />
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <SiteFooter ctx={ctx} />
      </body>
    </html>
  );
}

function SiteHeader(props: { readonly ctx: SiteContext; readonly current: PageHead['current'] }) {
  const { ctx } = props;
  const org = ctx.clinic.organization;
  return (
    <header class="site-header">
      <div class="wrap header-inner">
        <a
          class="brand"
          href={ctx.href(paths.home)}
          aria-current={props.current === 'home' ? 'page' : undefined}
        >
          {org.name}
        </a>
        <nav aria-label="Main">
          <ul class="nav-list">
            {ctx.clinic.therapists.length > 0 ? (
              <li>
                <a href={`${ctx.href(paths.home)}#therapists`}>Therapists</a>
              </li>
            ) : null}
            {ctx.clinic.treatments.length > 0 ? (
              <li>
                <a href={`${ctx.href(paths.home)}#treatments`}>Treatments</a>
              </li>
            ) : null}
            <li>
              <a href={`${ctx.href(paths.home)}#contact`}>Hours and contact</a>
            </li>
            <li>
              <a
                class="nav-cta"
                href={ctx.href(BOOKING_PATH)}
                aria-current={props.current === 'booking' ? 'page' : undefined}
              >
                Book a consultation
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

function SiteFooter(props: { readonly ctx: SiteContext }) {
  const { ctx } = props;
  const org = ctx.clinic.organization;
  const location = mainLocation(ctx.clinic);
  const phone =
    findContactChannel(location.contact, 'phone', 'appointments') ??
    findContactChannel(org.contact, 'phone', 'appointments');
  return (
    <footer class="site-footer">
      <div class="wrap footer-inner">
        <p class="footer-name">{org.name}</p>
        {phone ? (
          <p>
            Call us: <a href={phoneToTelUri(phone.value)}>{formatPhoneNumber(phone.value)}</a>
          </p>
        ) : null}
        <nav aria-label="Footer">
          <ul class="footer-links">
            {ctx.clinic.articles.map((a) => (
              <li>
                <a href={ctx.href(paths.article(a))}>{a.title}</a>
              </li>
            ))}
            {ctx.clinic.conditions.map((c) => (
              <li>
                <a href={ctx.href(paths.condition(c))}>{c.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
