/**
 * The consultation form's contract, shared by the page (the form's markup), the browser script
 * (its enhancement), the API (which reads the form without JavaScript and renders it again with
 * its problems) and the tests. Field names are the JSON paths of `ConsultationRequest` joined
 * with dots, so a problem's path (`body.contact.phone`) names its field (`contact.phone`).
 */

/** The form element's id. */
export const FORM_ID = 'consultation-form';
/** The intake route the form posts to, after the API's origin (`''` on the same origin). */
export const INTAKE_PATH = '/v1/consultation-requests';
/** The booking page, where the form is. */
export const BOOKING_PATH = '/booking/';
/** The page a request sent without JavaScript lands on (303 from the API). */
export const THANK_YOU_PATH = '/booking/thank-you/';
/** The element that lists the form's problems; focused when they are shown. */
export const FORM_ERRORS_ID = 'form-errors';
/** The live region that says what the form is doing ("Sending…", "We could not reach…"). */
export const FORM_STATUS_ID = 'form-status';
/** The submit button's id. */
export const SUBMIT_ID = 'form-submit';

/** The form's fields by role: their `name` attributes. */
export const FIELD = {
  givenName: 'name.given',
  familyName: 'name.family',
  phone: 'contact.phone',
  email: 'contact.email',
  /** Radio group: phone, sms, email. */
  preferred: 'contact.preferred',
  reason: 'reason',
  /** Radio group: new, returning. */
  patientStatus: 'patientStatus',
  /** Checkbox group: monday … sunday (repeated name). */
  days: 'preferredTimes.0.days',
  /** Select: morning, midday, afternoon, evening, any. */
  window: 'preferredTimes.0.window',
  /** Select of the clinic's location slugs; a hidden input when there is one location. */
  location: 'location',
  /** Select of therapist slugs, first option "No preference" (empty). */
  therapist: 'therapist',
  /** Select of coverage kinds, first option "I'd rather not say" (empty). */
  coverage: 'coverage.kind',
  /** Checkbox, value "true". */
  consentAccepted: 'consent.accepted',
  /** Hidden input: the consent words' version from the data (`bookingPath.consent.version`). */
  consentVersion: 'consent.textVersion',
  /** Checkbox group: phone, sms, email (repeated name): the channels the person agrees to. */
  consentChannels: 'consent.channels',
  /** The honeypot: hidden from people and assistive technology; only bots fill it in. */
  honeypot: 'website',
} as const;

/** The names of fields that repeat (checkbox groups): their values form an array. */
export const REPEATED_FIELDS: readonly string[] = [FIELD.days, FIELD.consentChannels];

/** A field's element id from its name: `contact.phone` → `f-contact-phone`. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** The id of the element holding a field's problem message: `f-contact-phone-error`. */
export function fieldErrorId(name: string): string {
  return `${fieldId(name)}-error`;
}

/** What a visitor sent and what was wrong with it, to render the form again without losing anything. */
export interface FormState {
  /** What the visitor sent, by field name; repeated fields keep every value, in order. */
  readonly values: ReadonlyMap<string, readonly string[]>;
  /** Problems by field name (`''` for the form as a whole), each a sentence for the visitor. */
  readonly errors: ReadonlyMap<string, readonly string[]>;
}
