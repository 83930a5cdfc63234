export {
  BookingSteps,
  type BookingStepsProps,
} from './components/booking-steps.js';
export {
  ConsultationForm,
  type ConsultationFormProps,
} from './components/consultation-form.js';
export {
  ContactBlock,
  type ContactBlockProps,
  mapUrl,
} from './components/contact-block.js';
export type { Html } from './components/html.js';
export {
  OpeningHours,
  type OpeningHoursProps,
  upcomingExceptions,
} from './components/opening-hours.js';
export { PhotoPlaceholder } from './components/photo-placeholder.js';
export { TherapistCard, type TherapistCardProps } from './components/therapist-card.js';
export { siteContentSecurityPolicy } from './csp.js';
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
export {
  HOURS_DATA_ID,
  OPEN_NOW_ATTRIBUTE,
  type OpenNowData,
  type OpenNowLocation,
  openNowData,
} from './hours-data.js';
export { renderBookingPage, renderSite } from './render-site.js';
export { SITE_CSS } from './styles.js';
export type { RenderedSite, SiteOptions, SitePage, SitePageKind } from './types.js';
