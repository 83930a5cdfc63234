import type {
  FhirCodeableConcept,
  FhirContactPoint,
  FhirExtension,
  FhirNarrative,
  FhirReference,
  FhirResource,
} from './types.js';

/** A resource before its narrative is added. */
export type FhirResourceWithoutText = FhirResource extends infer R
  ? R extends FhirResource
    ? Omit<R, 'text'>
    : never
  : never;

type Row = readonly [label: string, values: readonly (string | undefined)[]];

// XML 1.0 has no C0 controls but tab, LF and CR, no U+FFFE or U+FFFF and no lone surrogates;
// FHIR strings exclude them too, but a narrative must be well-formed whatever reaches it.
const escapeXml = (text: string): string =>
  text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The text, and the codings' displays where they say more: `PT (Physical Therapist)`. */
function concept(c: FhirCodeableConcept): string {
  const displays = [...new Set((c.coding ?? []).map((x) => x.display ?? x.code ?? ''))].filter(
    (d) => d && d !== c.text,
  );
  if (!c.text) return displays.join(', ');
  return displays.length > 0 ? `${c.text} (${displays.join(', ')})` : c.text;
}
const concepts = (list: readonly FhirCodeableConcept[] | undefined): string[] =>
  (list ?? []).map(concept);
const display = (r: FhirReference): string | undefined => r.display ?? r.reference;
// Telecom values are stored E.164 (`+16195441055;ext=2`); formatPhoneNumber would parse them
// again and bring its parser into every bundle that projects FHIR.
const NANP = /^\+1(\d{3})(\d{3})(\d{4})(?:;ext=(.+))?$/;
const telecom = (list: readonly FhirContactPoint[] | undefined): string[] =>
  (list ?? []).map((t) => {
    const m = t.system === 'phone' || t.system === 'fax' ? NANP.exec(t.value) : null;
    const value = m ? `(${m[1]}) ${m[2]}-${m[3]}${m[4] ? ` ext. ${m[4]}` : ''}` : t.value;
    return `${t.system}: ${value}`;
  });
const npi = (identifiers: readonly { system?: string; value: string }[] | undefined): string[] =>
  (identifiers ?? []).map((i) =>
    i.system === 'http://hl7.org/fhir/sid/us-npi' ? `NPI ${i.value}` : i.value,
  );

const newPatients = (extensions: readonly FhirExtension[] | undefined): string[] =>
  (extensions ?? [])
    .flatMap((e) => e.extension ?? [])
    .filter((e) => e.url === 'acceptingPatients')
    .map((e) => concept(e.valueCodeableConcept ?? {}));

function rowsOf(resource: FhirResourceWithoutText): readonly [string, Row[]] {
  switch (resource.resourceType) {
    case 'Organization':
      return [
        resource.name,
        [
          ['Also known as', resource.alias ?? []],
          ['Identifier', npi(resource.identifier)],
          ['Type', concepts(resource.type)],
          ['Contact', telecom(resource.telecom)],
          ['Address', (resource.address ?? []).map((a) => a.text)],
        ],
      ];
    case 'Location':
      return [
        resource.name,
        [
          ['Type', concepts(resource.type)],
          ['Address', [resource.address.text]],
          ['Contact', telecom(resource.telecom)],
          [
            'Hours',
            (resource.hoursOfOperation ?? []).map(
              (h) =>
                `${h.daysOfWeek.join(', ')}: ${h.allDay ? 'all day' : `${h.openingTime}–${h.closingTime}`}`,
            ),
          ],
          ['Exceptions', [resource.availabilityExceptions]],
          ['Time zone', resource.extension.map((e) => e.valueCode)],
          ['New patients', newPatients(resource.extension)],
          [
            'Position',
            resource.position
              ? [`${resource.position.latitude}, ${resource.position.longitude}`]
              : [],
          ],
          ['Managed by', [display(resource.managingOrganization)]],
        ],
      ];
    case 'Practitioner':
      return [
        resource.name[0]?.text ?? resource.id,
        [
          ['Identifier', npi(resource.identifier)],
          [
            'Qualifications',
            (resource.qualification ?? []).map((q) => {
              const end = q.period?.end ? ` (through ${q.period.end})` : '';
              return `${concept(q.code)}${q.issuer?.display ? `, ${q.issuer.display}` : ''}${end}`;
            }),
          ],
          ['Languages', concepts(resource.communication)],
        ],
      ];
    case 'PractitionerRole':
      return [
        `${display(resource.practitioner)} at ${display(resource.organization)}`,
        [
          ['Role', concepts(resource.code)],
          ['Specialties', concepts(resource.specialty)],
          ['Locations', resource.location.map(display)],
          ['Contact', telecom(resource.telecom)],
        ],
      ];
    case 'HealthcareService':
      return [
        resource.name,
        [
          ['Category', concepts(resource.category)],
          ['Codes', resource.type.flatMap((t) => (t.coding ?? []).map((c) => c.code))],
          ['Specialty', concepts(resource.specialty)],
          ['Summary', [resource.comment]],
          ['Offered at', resource.location.map(display)],
          ['Provided by', [display(resource.providedBy)]],
        ],
      ];
    case 'Endpoint':
      return [
        resource.name,
        [
          ['Address', [resource.address]],
          ['Connection', [resource.connectionType.code]],
          ['Formats', resource.payloadMimeType],
          ['Managed by', [display(resource.managingOrganization)]],
        ],
      ];
    default: {
      const unhandled: never = resource;
      throw new Error(`no narrative for ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * The generated narrative of a resource: its title and a table of what it says, as XHTML in
 * the XHTML namespace, every value escaped, so a FHIR client can show it as it is (and `dom-6`,
 * "a resource should have narrative", holds).
 */
function fhirNarrative(resource: FhirResourceWithoutText): FhirNarrative {
  const [title, rows] = rowsOf(resource);
  const body = rows
    .map(([label, values]) => [label, values.filter((v): v is string => !!v)] as const)
    .filter(([, values]) => values.length > 0)
    .map(([label, values]) => {
      const cell =
        values.length === 1
          ? escapeXml(values[0] ?? '')
          : `<ul>${values.map((v) => `<li>${escapeXml(v)}</li>`).join('')}</ul>`;
      return `<tr><th>${escapeXml(label)}</th><td>${cell}</td></tr>`;
    })
    .join('');
  return {
    status: 'generated',
    div: `<div xmlns="http://www.w3.org/1999/xhtml"><p><b>${escapeXml(title)}</b></p>${
      body ? `<table><tbody>${body}</tbody></table>` : ''
    }</div>`,
  };
}

/** A resource with its generated narrative, `text` placed after `meta` as FHIR's JSON orders it. */
export function withNarrative<R extends FhirResourceWithoutText>(
  resource: R,
): R & { readonly text: FhirNarrative } {
  const text = fhirNarrative(resource);
  // The first object fixes the key order (resourceType, id, meta, text); later spreads keep it.
  const head = { resourceType: resource.resourceType, id: resource.id, meta: resource.meta, text };
  return { ...head, ...resource, text };
}
