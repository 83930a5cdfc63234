export {
  BOOKING_PATH,
  FIELD,
  FORM_ERRORS_ID,
  FORM_ID,
  FORM_STATUS_ID,
  type FormState,
  fieldErrorId,
  fieldId,
  INTAKE_PATH,
  REPEATED_FIELDS,
  SUBMIT_ID,
  THANK_YOU_PATH,
} from './form/fields.js';
export { renderSite, siteContentSecurityPolicy } from './render-site.js';
export type { RenderedSite, SiteOptions, SitePage, SitePageKind } from './types.js';
