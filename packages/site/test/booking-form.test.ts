// The booking page's form: its markup contract, and the re-render with a visitor's values and problems.
import { sampleClinic } from '@ptfx/domain/sample';
import { describe, expect, it } from 'vitest';
import {
  ConsultationForm,
  FIELD,
  FORM_ERRORS_ID,
  FORM_STATUS_ID,
  type FormState,
  fieldErrorId,
  fieldId,
  renderBookingPage,
  renderSite,
  SUBMIT_ID,
} from '../src/index.js';
import { attributeValues, visibleText } from './support/html.js';
import { BASE_URL, htmlOf, sampleSite } from './support/site.js';

const options = { baseUrl: BASE_URL };

/** The start tag of the element with an id. */
function tagWithId(html: string, id: string): string {
  const tag = new RegExp(`<[a-z]+\\b[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0];
  if (!tag) throw new Error(`no element with id ${id}`);
  return tag;
}

describe('the fresh form', () => {
  const html = htmlOf(sampleSite(), '/booking/');

  it('is the same as renderBookingPage without a state', () => {
    expect(renderBookingPage(sampleClinic(), options)).toBe(html);
  });

  it('has every field of the contract, each with a visible label or legend', () => {
    for (const name of [
      FIELD.givenName,
      FIELD.familyName,
      FIELD.phone,
      FIELD.email,
      FIELD.reason,
      FIELD.window,
      FIELD.therapist,
      FIELD.coverage,
      FIELD.consentAccepted,
    ]) {
      expect(tagWithId(html, fieldId(name))).toContain(`name="${name}"`);
      expect(html).toContain(`<label for="${fieldId(name)}">`);
    }
    for (const name of [FIELD.preferred, FIELD.patientStatus, FIELD.days, FIELD.consentChannels]) {
      expect(tagWithId(html, fieldId(name))).toMatch(/^<fieldset\b/);
      expect(html).toMatch(new RegExp(`<fieldset id="${fieldId(name)}"[^>]*><legend>`));
    }
    expect(html).toContain(`<input type="hidden" name="${FIELD.location}" value="san-diego"/>`);
    expect(html).toContain(`<input type="hidden" name="${FIELD.consentVersion}" value="2026-01"/>`);
    expect(tagWithId(html, SUBMIT_ID)).toBe(
      `<button id="${SUBMIT_ID}" class="button" type="submit">`,
    );
    expect(tagWithId(html, FORM_STATUS_ID)).toContain('role="status"');
    expect(tagWithId(html, FORM_ERRORS_ID)).toContain('hidden=""');
    expect(html).not.toContain('aria-invalid');
  });

  it('shows the consent words of the data beside the box', () => {
    expect(visibleText(html)).toContain(
      'I agree that The Physical Therapy Effect may contact me about this request by the ways I ticked. Message and data rates may apply. This is not for emergencies: call 911.',
    );
  });

  it('hides the honeypot from people and assistive technology, out of the tab order', () => {
    expect(html).toMatch(
      new RegExp(
        `<div class="hp" aria-hidden="true"><label for="${fieldId(FIELD.honeypot)}">[^<]+</label><input id="${fieldId(FIELD.honeypot)}" name="website" type="text" tabindex="-1" autocomplete="off" value=""/></div>`,
      ),
    );
  });

  it('offers the days the clinic opens, the therapists by displayed name, the coverage it accepts', () => {
    const days = attributeValues(html, 'input', 'value').filter((v) => /day$/.test(v));
    expect(days).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']);
    expect(html).toContain('<option value="mark-shulman">Dr. Mark Shulman</option>');
    expect(html).toContain('<option value="va-community-care">VA Community Care</option>');
    expect(html).not.toContain('value="medicaid"');
  });

  it('is left out without consent words in the data: the page says how to call', () => {
    const clinic = sampleClinic();
    const { bookingPath } = clinic;
    if (!bookingPath) throw new Error('the sample has a booking path');
    const withoutConsent = {
      ...clinic,
      bookingPath: { heading: bookingPath.heading ?? '', steps: bookingPath.steps },
    };
    const page = renderSite(withoutConsent, options).page('/booking/')?.text ?? '';
    expect(page).not.toContain('<form');
    expect(visibleText(page)).toContain('Call us at (619) 544-1055.');
    expect(
      String(ConsultationForm({ clinic: withoutConsent, action: '/v1/consultation-requests' })),
    ).toBe('');
  });
});

describe('the form rendered again with the visitor’s values and problems', () => {
  const state: FormState = {
    values: new Map([
      [FIELD.givenName, ['Ada']],
      [FIELD.familyName, ['']],
      [FIELD.phone, ['619 555 01']],
      [FIELD.reason, ['Back pain <since> "Monday" & more']],
      [FIELD.preferred, ['sms']],
      [FIELD.days, ['tuesday', 'thursday']],
      [FIELD.window, ['evening']],
      [FIELD.therapist, ['allison-mckay']],
      [FIELD.consentChannels, ['sms', 'email']],
    ]),
    errors: new Map([
      [FIELD.familyName, ['Enter your last name']],
      [FIELD.phone, ['Enter a US phone number, like (619) 555-0134']],
      [FIELD.patientStatus, ['Say whether you have been a patient here before']],
      [FIELD.consentAccepted, ['Tick the box to agree to be contacted']],
      ['', ['Something else went wrong']],
    ]),
  };
  const html = renderBookingPage(sampleClinic(), options, state);

  it('keeps every value the visitor sent', () => {
    expect(tagWithId(html, fieldId(FIELD.givenName))).toContain('value="Ada"');
    expect(tagWithId(html, fieldId(FIELD.phone))).toContain('value="619 555 01"');
    expect(html).toContain('>Back pain &lt;since&gt; &quot;Monday&quot; &amp; more</textarea>');
    expect(tagWithId(html, `${fieldId(FIELD.preferred)}-sms`)).toContain('checked=""');
    expect(tagWithId(html, `${fieldId(FIELD.preferred)}-phone`)).not.toContain('checked');
    expect(tagWithId(html, `${fieldId(FIELD.days)}-tuesday`)).toContain('checked=""');
    expect(tagWithId(html, `${fieldId(FIELD.days)}-thursday`)).toContain('checked=""');
    expect(tagWithId(html, `${fieldId(FIELD.days)}-monday`)).not.toContain('checked');
    expect(html).toContain('<option value="evening" selected="">Evening</option>');
    expect(html).toContain('<option value="allison-mckay" selected="">Dr. Allison McKay</option>');
    expect(tagWithId(html, `${fieldId(FIELD.consentChannels)}-email`)).toContain('checked=""');
    expect(tagWithId(html, fieldId(FIELD.consentAccepted))).not.toContain('checked');
  });

  it('ties each message to its field: aria-invalid, aria-describedby and the message element', () => {
    for (const [name, [message]] of state.errors) {
      if (name === '') continue;
      const tag = tagWithId(html, fieldId(name));
      expect(tag, name).toContain('aria-invalid="true"');
      const describedBy = /aria-describedby="([^"]+)"/.exec(tag)?.[1]?.split(' ') ?? [];
      expect(describedBy, name).toContain(fieldErrorId(name));
      const error =
        new RegExp(`<p class="field-error" id="${fieldErrorId(name)}">([\\s\\S]*?)</p>`).exec(
          html,
        )?.[1] ?? '';
      expect(visibleText(error)).toBe(`Error: ${message}`);
    }
    expect(tagWithId(html, fieldId(FIELD.givenName))).not.toContain('aria-invalid');
    expect(tagWithId(html, fieldId(FIELD.phone))).toContain(
      `aria-describedby="${fieldId(FIELD.phone)}-hint ${fieldErrorId(FIELD.phone)}"`,
    );
  });

  it('lists the problems in the summary, in the form’s order, each linking to its field', () => {
    const summary = new RegExp(`<div id="${FORM_ERRORS_ID}"[^>]*>([\\s\\S]*?)</div>`).exec(html);
    expect(summary?.[0]).toMatch(/tabindex="-1"/);
    expect(summary?.[0]).not.toContain('hidden');
    expect(attributeValues(summary?.[1] ?? '', 'a', 'href')).toEqual([
      `#${fieldId(FIELD.familyName)}`,
      `#${fieldId(FIELD.phone)}`,
      `#${fieldId(FIELD.patientStatus)}`,
      `#${fieldId(FIELD.consentAccepted)}`,
    ]);
    expect(visibleText(summary?.[1] ?? '')).toBe(
      'There is a problem Enter your last name Enter a US phone number, like (619) 555-0134 Say whether you have been a patient here before Tick the box to agree to be contacted Something else went wrong',
    );
  });

  it('says so in the title', () => {
    expect(html).toContain('<title>Error: Book a consultation - PT Effect</title>');
  });

  it('never echoes the honeypot', () => {
    const bot = renderBookingPage(sampleClinic(), options, {
      values: new Map([[FIELD.honeypot, ['http://spam.example']]]),
      errors: new Map(),
    });
    expect(bot).not.toContain('spam.example');
  });
});
