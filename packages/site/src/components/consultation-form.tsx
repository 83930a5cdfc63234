import { type Clinic, therapistDisplayName, WEEKDAYS } from '@ptfx/domain';
import {
  FIELD,
  FORM_ERRORS_ID,
  FORM_ID,
  FORM_STATUS_ID,
  type FormState,
  fieldErrorId,
  fieldId,
  SUBMIT_ID,
} from '../form/fields.js';
import { COVERAGE_LABEL, WEEKDAY_LABEL } from '../format.js';
import {
  ChoiceGroup,
  type FieldState,
  fieldState,
  SelectField,
  TextArea,
  TextField,
} from './form-controls.js';
import { type Html, rendered } from './html.js';

/** Props of {@link ConsultationForm}. */
export interface ConsultationFormProps {
  /** The clinic: its consent words (`bookingPath.consent`), locations, therapists and coverage. */
  readonly clinic: Clinic;
  /** Where the form posts: the API's intake, `{apiUrl}/v1/consultation-requests`. */
  readonly action: string;
  /** What the visitor sent and its problems, to render the form again; fresh when absent. */
  readonly state?: FormState | undefined;
}

const CHANNELS = [
  { value: 'phone', label: 'Phone call' },
  { value: 'sms', label: 'Text message' },
  { value: 'email', label: 'Email' },
] as const;

const WINDOWS = [
  { value: 'any', label: 'Any time of day' },
  { value: 'morning', label: 'Morning' },
  { value: 'midday', label: 'Midday' },
  { value: 'afternoon', label: 'Afternoon' },
  { value: 'evening', label: 'Evening' },
];

/** The problems in the order the fields come, then those of the form as a whole. */
const FIELD_ORDER: readonly string[] = [
  FIELD.givenName,
  FIELD.familyName,
  FIELD.phone,
  FIELD.email,
  FIELD.preferred,
  FIELD.patientStatus,
  FIELD.reason,
  FIELD.days,
  FIELD.window,
  FIELD.location,
  FIELD.therapist,
  FIELD.coverage,
  FIELD.consentChannels,
  FIELD.consentAccepted,
  FIELD.consentVersion,
];

function orderedErrors(state: FormState | undefined): { name: string; message: string }[] {
  if (!state) return [];
  const names = [...state.errors.keys()].sort((a, b) => rank(a) - rank(b));
  return names.flatMap((name) =>
    (state.errors.get(name) ?? []).map((message) => ({ name, message })),
  );
}

function rank(name: string): number {
  const i = FIELD_ORDER.indexOf(name);
  return i === -1 ? FIELD_ORDER.length : i;
}

/**
 * The summary of a form's problems (GOV.UK's error summary): each message links to its field.
 * Always present: hidden and empty for a fresh form, so the site script fills the same element.
 */
function ErrorSummary(props: { readonly state: FormState | undefined }) {
  const errors = orderedErrors(props.state);
  if (errors.length === 0)
    return <div id={FORM_ERRORS_ID} class="error-summary" tabindex={-1} hidden />;
  return (
    <div id={FORM_ERRORS_ID} class="error-summary" tabindex={-1} autofocus>
      <h2 id={`${FORM_ERRORS_ID}-title`}>There is a problem</h2>
      <ul>
        {errors.map((e) =>
          e.name === '' || !FIELD_ORDER.includes(e.name) ? (
            <li>{e.message}</li>
          ) : (
            <li>
              <a href={`#${fieldId(e.name)}`}>{e.message}</a>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

function openDays(clinic: Clinic) {
  const open = new Set(clinic.locations.flatMap((l) => l.hours.weekly.flatMap((w) => w.days)));
  const days = WEEKDAYS.filter((d) => open.size === 0 || open.has(d));
  return days.map((d) => ({ value: d, label: WEEKDAY_LABEL[d] }));
}

function coverageChoices(clinic: Clinic) {
  const accepted = new Set<string>(clinic.locations.flatMap((l) => l.coverage.map((c) => c.kind)));
  const kinds = Object.entries(COVERAGE_LABEL).filter(
    ([kind]) => accepted.size === 0 || accepted.has(kind),
  );
  return [
    { value: '', label: 'I’d rather not say' },
    ...kinds.map(([value, label]) => ({ value, label })),
  ];
}

function ConsentFields(props: { readonly clinic: Clinic; readonly fields: FieldState }) {
  const consent = props.clinic.bookingPath?.consent;
  if (!consent) return null;
  const { fields } = props;
  const error = fields.error(FIELD.consentAccepted);
  const id = fieldId(FIELD.consentAccepted);
  return (
    <>
      <ChoiceGroup
        name={FIELD.consentChannels}
        label="How may we contact you about this request?"
        hint="Tick every way that is fine with you, including the one you prefer."
        type="checkbox"
        choices={CHANNELS}
        inline
        state={fields}
      />
      <div class={error ? 'field field-invalid' : 'field'}>
        <p
          class="field-error"
          id={fieldErrorId(FIELD.consentAccepted)}
          hidden={error === undefined}
        >
          {error ? (
            <>
              <span class="visually-hidden">Error: </span>
              {error}
            </>
          ) : null}
        </p>
        <div class="choice consent">
          <input
            id={id}
            name={FIELD.consentAccepted}
            type="checkbox"
            value="true"
            checked={fields.values(FIELD.consentAccepted).some((v) => v === 'true' || v === 'on')}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? fieldErrorId(FIELD.consentAccepted) : undefined}
          />
          <label for={id}>{consent.text}</label>
        </div>
      </div>
      <input type="hidden" name={FIELD.consentVersion} value={consent.version} />
    </>
  );
}

/**
 * The consultation-request form: a plain HTML form posting the domain's `ConsultationRequest` as
 * `application/x-www-form-urlencoded` (field names are its dotted paths, see `FIELD`), with a
 * label, hint and error line per field, an error summary (`#form-errors`), a status line
 * (`#form-status`) for the script, the consent words and version from the data, and a honeypot
 * hidden from people and assistive technology. Rendered again with a {@link FormState}, it keeps
 * the visitor's values and ties each message to its field (`aria-invalid`, `aria-describedby`).
 * Without `clinic.bookingPath.consent` there is no form: it renders nothing (an empty string) and the page shows how to call.
 *
 * @example
 * String(ConsultationForm({ clinic, action: '/v1/consultation-requests' }));
 */
export function ConsultationForm(props: ConsultationFormProps): Html {
  const { clinic } = props;
  if (!clinic.bookingPath?.consent) return rendered('');
  const fields = fieldState(props.state);
  const [onlyLocation] = clinic.locations.length === 1 ? clinic.locations : [];
  return rendered(
    <form id={FORM_ID} class="form" method="post" action={props.action} novalidate>
      <ErrorSummary state={props.state} />
      <TextField
        name={FIELD.givenName}
        label="First name"
        autocomplete="given-name"
        required
        maxlength={60}
        state={fields}
      />
      <TextField
        name={FIELD.familyName}
        label="Last name"
        autocomplete="family-name"
        required
        maxlength={60}
        state={fields}
      />
      <TextField
        name={FIELD.phone}
        label="Phone number"
        hint="Give a phone number, an email address, or both."
        type="tel"
        autocomplete="tel"
        maxlength={40}
        state={fields}
      />
      <TextField
        name={FIELD.email}
        label="Email address"
        type="email"
        autocomplete="email"
        maxlength={254}
        state={fields}
      />
      <ChoiceGroup
        name={FIELD.preferred}
        label="How would you like us to reply?"
        type="radio"
        choices={CHANNELS}
        inline
        state={fields}
      />
      <ChoiceGroup
        name={FIELD.patientStatus}
        label="Have you been a patient here before?"
        type="radio"
        choices={[
          { value: 'new', label: 'No, I am a new patient' },
          { value: 'returning', label: 'Yes, I have been a patient here' },
        ]}
        state={fields}
      />
      <TextArea
        name={FIELD.reason}
        label="What would you like help with?"
        hint="For example: lower back pain for three weeks, worse when sitting. Please do not include anything you would not say on the phone."
        maxlength={2000}
        required
        state={fields}
      />
      <ChoiceGroup
        name={FIELD.days}
        label="Which days suit you? (optional)"
        type="checkbox"
        choices={openDays(clinic)}
        inline
        state={fields}
      />
      <SelectField
        name={FIELD.window}
        label="What time of day suits you? (optional)"
        choices={WINDOWS}
        selected="any"
        state={fields}
      />
      {onlyLocation ? (
        <input type="hidden" name={FIELD.location} value={onlyLocation.slug} />
      ) : (
        <SelectField
          name={FIELD.location}
          label="Which location? (optional)"
          choices={[
            { value: '', label: 'Any location' },
            ...clinic.locations.map((l) => ({ value: l.slug, label: l.name })),
          ]}
          state={fields}
        />
      )}
      {clinic.therapists.length > 0 ? (
        <SelectField
          name={FIELD.therapist}
          label="Would you like to see a particular therapist? (optional)"
          choices={[
            { value: '', label: 'No preference' },
            ...clinic.therapists.map((t) => ({ value: t.slug, label: therapistDisplayName(t) })),
          ]}
          state={fields}
        />
      ) : null}
      <SelectField
        name={FIELD.coverage}
        label="How do you expect to pay? (optional)"
        choices={coverageChoices(clinic)}
        state={fields}
      />
      <ConsentFields clinic={clinic} fields={fields} />
      <div class="hp" aria-hidden="true">
        <label for={fieldId(FIELD.honeypot)}>Leave this field empty</label>
        <input
          id={fieldId(FIELD.honeypot)}
          name={FIELD.honeypot}
          type="text"
          tabindex={-1}
          autocomplete="off"
          value=""
        />
      </div>
      <p id={FORM_STATUS_ID} class="form-status" role="status" />
      <button id={SUBMIT_ID} class="button" type="submit">
        Send request
      </button>
    </form>,
  );
}
