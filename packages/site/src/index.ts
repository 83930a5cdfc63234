export {
  consultationRequestFromForm,
  type DecodedForm,
  formErrorsFromProblem,
  MAX_FIELD_NAME_LENGTH,
  MAX_FIELD_VALUE_LENGTH,
  MAX_FORM_ENTRIES,
  MAX_PROBLEM_ITEMS,
  type ProblemItem,
} from './form/codec.js';
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
export { FORM_PROBLEM_MESSAGE } from './form/visitor-messages.js';
export { renderSite, siteContentSecurityPolicy } from './render-site.js';
export type { RenderedSite, SiteOptions, SitePage, SitePageKind } from './types.js';
