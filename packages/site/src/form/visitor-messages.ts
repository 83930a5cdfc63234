import { FIELD } from './fields.js';

// zod writes for developers ("Invalid input: expected string, received undefined"); a visitor
// needs to know what to do with the field in front of them. Each field has its sentences, and the
// domain's own messages that say something more specific (the reply needs a phone number) are
// recognised by their words: the tests run the real schema, so a change of wording fails them.

/** What a problem of a field says, in kind. */
type Kind = 'missing' | 'too-long' | 'invalid';

interface FieldMessages {
  readonly missing: string;
  readonly invalid: string;
  /** For text: the limit reached, from zod's "Too big: … <=60 characters". */
  readonly tooLong?: (max: string) => string;
  /** The domain's specific messages, recognised; undefined when the message is not one of them. */
  readonly specific?: (message: string) => string | undefined;
}

/** Said of a problem that names no field the visitor can fix: a hidden field, a header, a stray name. */
export const FORM_PROBLEM_MESSAGE =
  'Part of the form could not be read. Reload the page and try again.';

const CHANNEL_WORDS: Readonly<Record<string, string>> = {
  phone: 'Phone call',
  sms: 'Text message',
  email: 'Email',
};

const text = (label: string): Pick<FieldMessages, 'tooLong' | 'specific'> => ({
  tooLong: (max) => `Your ${label} must be ${max} characters or fewer`,
  specific: (message) =>
    /surrogate/.test(message)
      ? `Your ${label} has a character we could not read: remove it and type it again`
      : undefined,
});

const PHONE_OR_EMAIL = 'Enter a phone number or an email address, so we can reply';

const MESSAGES: Readonly<Record<string, FieldMessages>> = {
  [FIELD.givenName]: {
    missing: 'Enter your first name',
    invalid: 'Enter your first name',
    ...text('first name'),
  },
  [FIELD.familyName]: {
    missing: 'Enter your last name',
    invalid: 'Enter your last name',
    ...text('last name'),
  },
  [FIELD.phone]: {
    missing: PHONE_OR_EMAIL,
    invalid: 'Enter a phone number we can call or text, like (619) 555-0142',
    specific: (message) => {
      if (/phone number or an email address/.test(message)) return PHONE_OR_EMAIL;
      if (/"sms" needs a phone number/.test(message))
        return 'Enter a phone number we can text, or choose another way for us to reply';
      if (/needs a phone number/.test(message))
        return 'Enter a phone number we can call, or choose another way for us to reply';
      return undefined;
    },
  },
  [FIELD.email]: {
    missing: 'Enter an email address, or choose another way for us to reply',
    invalid: 'Enter an email address like name@example.com',
    specific: (message) =>
      /needs an email address/.test(message)
        ? 'Enter an email address, or choose another way for us to reply'
        : undefined,
  },
  [FIELD.preferred]: {
    missing: 'Choose how you would like us to reply',
    invalid: 'Choose how you would like us to reply',
  },
  [FIELD.reason]: {
    missing: 'Tell us briefly why you would like a consultation',
    invalid: 'Tell us briefly why you would like a consultation',
    ...text('reason'),
  },
  [FIELD.patientStatus]: {
    missing: 'Tell us whether you are a new or a returning patient',
    invalid: 'Tell us whether you are a new or a returning patient',
  },
  [FIELD.days]: {
    missing: 'Choose at least one day that suits you',
    invalid: 'Choose the days that suit you from the list',
  },
  [FIELD.window]: {
    missing: 'Choose the time of day that suits you',
    invalid: 'Choose the time of day that suits you from the list',
  },
  [FIELD.location]: {
    missing: 'Choose a location',
    invalid: 'Choose a location from the list',
  },
  [FIELD.therapist]: {
    missing: 'Choose a therapist, or “No preference”',
    invalid: 'Choose a therapist from the list, or “No preference”',
  },
  [FIELD.coverage]: {
    missing: 'Choose how you expect to pay, or “I’d rather not say”',
    invalid: 'Choose how you expect to pay from the list, or “I’d rather not say”',
  },
  [FIELD.consentAccepted]: {
    missing: 'Tick the box to agree to be contacted',
    invalid: 'Tick the box to agree to be contacted',
  },
  [FIELD.consentChannels]: {
    missing: 'Choose at least one way we may contact you',
    invalid: 'Choose the ways we may contact you from the list',
    specific: (message) => {
      const channel = /preferred channel "([a-z]+)"/.exec(message)?.[1];
      const words = channel === undefined ? undefined : CHANNEL_WORDS[channel];
      return words === undefined
        ? undefined
        : `Also tick “${words}”: it is how you asked us to reply`;
    },
  },
};

/** Fields a group needs, for a problem that says the whole group is missing (`body.name`). */
const REQUIRED: readonly string[] = [
  FIELD.givenName,
  FIELD.familyName,
  FIELD.phone,
  FIELD.preferred,
  FIELD.reason,
  FIELD.patientStatus,
  FIELD.days,
  FIELD.window,
  FIELD.consentAccepted,
  FIELD.consentChannels,
];

const FIELDS_LONGEST_FIRST = Object.keys(MESSAGES).sort((a, b) => b.length - a.length);

function kindOf(message: string): Kind {
  if (/received undefined|^Too small/.test(message)) return 'missing';
  if (/^Too big: expected string/.test(message)) return 'too-long';
  return 'invalid';
}

function sentence(messages: FieldMessages, message: string): string {
  const specific = messages.specific?.(message);
  if (specific !== undefined) return specific;
  const kind = kindOf(message);
  if (kind === 'too-long' && messages.tooLong) {
    const max = /<=\s*(\d{1,6})/.exec(message)?.[1];
    if (max !== undefined) return messages.tooLong(Number(max).toLocaleString('en-US'));
  }
  return kind === 'missing' ? messages.missing : messages.invalid;
}

/**
 * The visitor's sentences for one problem of the API's: `[field name, sentence]` pairs, at least
 * one; the field is `''` when the problem names none the visitor can fix.
 */
export function visitorMessages(path: string, message: string): [string, string][] {
  const rest = path.startsWith('body.') ? path.slice('body.'.length) : undefined;
  if (rest !== undefined) {
    const field = FIELDS_LONGEST_FIRST.find((f) => rest === f || rest.startsWith(`${f}.`));
    const messages = field === undefined ? undefined : MESSAGES[field];
    if (field !== undefined && messages) return [[field, sentence(messages, message)]];
    if (kindOf(message) === 'missing') {
      const below = REQUIRED.filter((f) => f.startsWith(`${rest}.`));
      const pairs = below.flatMap((f): [string, string][] => {
        const own = MESSAGES[f];
        return own ? [[f, own.missing]] : [];
      });
      if (pairs.length > 0) return pairs;
    }
  }
  return [['', FORM_PROBLEM_MESSAGE]];
}
