import { FIELD } from './fields.js';

// zod writes for developers ("Invalid input: expected string, received undefined"); a visitor
// needs to know what to do with the field in front of them. Each field has its sentences, and the
// domain's own messages that say something more specific (the reply needs a phone number) are
// recognised by their words: the tests run the real schema, so a change of wording fails them.
// Kept compact: this table ships in the site's script, which has a byte budget.

/** Said of a problem that names no field the visitor can fix: a hidden field, a header, a stray name. */
export const FORM_PROBLEM_MESSAGE =
  'Part of the form could not be read. Reload the page and try again.';

const PHONE_OR_EMAIL = 'Enter a phone number or an email address, so we can reply';
const ANOTHER_WAY = ', or choose another way for us to reply';

/**
 * Per field: the sentence for a missing value, and for a wrong one (a choice not offered, text
 * that is not a phone number…) when it differs. Text fields also have a label, for "Your reason
 * must be 2,000 characters or fewer".
 */
const MESSAGES: Readonly<
  Record<string, readonly [missing: string, invalid?: string | undefined, label?: string]>
> = {
  [FIELD.givenName]: ['Enter your first name', undefined, 'first name'],
  [FIELD.familyName]: ['Enter your last name', undefined, 'last name'],
  [FIELD.phone]: [PHONE_OR_EMAIL, 'Enter a phone number we can call or text, like (619) 555-0142'],
  [FIELD.email]: [
    `Enter an email address${ANOTHER_WAY}`,
    'Enter an email address like name@example.com',
  ],
  [FIELD.preferred]: ['Choose how you would like us to reply'],
  [FIELD.reason]: ['Tell us briefly why you would like a consultation', undefined, 'reason'],
  [FIELD.patientStatus]: ['Tell us whether you are a new or a returning patient'],
  [FIELD.days]: [
    'Choose at least one day that suits you',
    'Choose the days that suit you from the list',
  ],
  [FIELD.window]: [
    'Choose the time of day that suits you',
    'Choose the time of day that suits you from the list',
  ],
  [FIELD.location]: ['Choose a location', 'Choose a location from the list'],
  [FIELD.therapist]: [
    'Choose a therapist, or “No preference”',
    'Choose a therapist from the list, or “No preference”',
  ],
  [FIELD.coverage]: [
    'Choose how you expect to pay, or “I’d rather not say”',
    'Choose how you expect to pay from the list, or “I’d rather not say”',
  ],
  [FIELD.consentAccepted]: ['Tick the box to agree to be contacted'],
  [FIELD.consentChannels]: [
    'Choose at least one way we may contact you',
    'Choose the ways we may contact you from the list',
  ],
};

const CHANNEL_WORDS: Readonly<Record<string, string>> = {
  phone: 'Phone call',
  sms: 'Text message',
  email: 'Email',
};

/** The domain's specific messages (ReplyContactSchema, ConsultationRequestSchema), for a visitor. */
const SPECIFIC: readonly [field: string, words: RegExp, sentence: (match: string) => string][] = [
  [FIELD.phone, /phone number or an email address/, () => PHONE_OR_EMAIL],
  [
    FIELD.phone,
    /"(sms|phone)" needs a phone/,
    (c) => `Enter a phone number we can ${c === 'sms' ? 'text' : 'call'}${ANOTHER_WAY}`,
  ],
  [FIELD.email, /needs an email address/, () => `Enter an email address${ANOTHER_WAY}`],
  [
    FIELD.consentChannels,
    /preferred channel "(\w+)"/,
    (c) => `Also tick “${CHANNEL_WORDS[c] ?? c}”: it is how you asked us to reply`,
  ],
];

/** Fields a group needs, for a problem that says the whole group is missing (`body.name`). */
const REQUIRED: readonly string[] = [
  FIELD.givenName,
  FIELD.familyName,
  FIELD.phone,
  FIELD.preferred,
  FIELD.consentAccepted,
  FIELD.consentChannels,
];

const MISSING = /received undefined|^Too small/;

function sentence(field: string, message: string): string {
  const [missing, invalid = missing, label] = MESSAGES[field] ?? [FORM_PROBLEM_MESSAGE];
  for (const [f, words, say] of SPECIFIC) {
    const match = f === field ? words.exec(message) : null;
    if (match) return say(match[1] ?? '');
  }
  if (label && /surrogate/.test(message)) {
    return `Your ${label} has a character we could not read: remove it and type it again`;
  }
  const max = /^Too big: expected string to have <=(\d{1,6})/.exec(message)?.[1];
  if (label && max)
    return `Your ${label} must be ${Number(max).toLocaleString('en-US')} characters or fewer`;
  return MISSING.test(message) ? missing : invalid;
}

/**
 * The visitor's sentences for one problem of the API's: `[field name, sentence]` pairs, at least
 * one; the field is `''` when the problem names none the visitor can fix.
 */
export function visitorMessages(path: string, message: string): [string, string][] {
  if (path.startsWith('body.')) {
    const rest = path.slice(5);
    const fields = Object.keys(MESSAGES);
    const field = fields.find((f) => rest === f || rest.startsWith(`${f}.`));
    if (field) return [[field, sentence(field, message)]];
    const below = REQUIRED.filter((f) => f.startsWith(`${rest}.`));
    if (MISSING.test(message) && below.length > 0)
      return below.map((f) => [f, sentence(f, message)]);
  }
  return [['', FORM_PROBLEM_MESSAGE]];
}
