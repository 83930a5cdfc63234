import { FHIR_PROFILES } from '@ptfx/domain';
import {
  FHIR_DEFAULT_COUNT,
  FHIR_MAX_COUNT,
  FHIR_RESULT_PARAMS,
  FHIR_SEARCH_TYPES,
  fhirCapabilitySearch,
} from '../fhir/search-params.js';
import { escapeXml } from '../fhir/xhtml.js';

/** The instructions every search takes besides its type's parameters, as the statement says them. */
function restDocumentation(): string {
  const results = FHIR_RESULT_PARAMS.map((p) => `- \`${p.name}\`: ${p.documentation}`).join('\n');
  return [
    'A read-only directory of one physical-therapy practice; every resource conforms to its Da Vinci PDex Plan-Net 1.2.0 profile (`supportedProfile`). FHIR JSON only: `_format` or `Accept` asking for XML or anything else gets 406.',
    `Searches: \`GET [type]\` and \`POST [type]/_search\` (application/x-www-form-urlencoded, merged with the query). A comma in a value is OR, a repeated parameter is AND. Pages of ${FHIR_DEFAULT_COUNT} (at most ${FHIR_MAX_COUNT}) with self, first, next, previous and last links. Unknown or unsupported parameters and modifiers are ignored and reported in an OperationOutcome entry (search.mode outcome); with \`Prefer: handling=strict\` they get a 400 OperationOutcome.`,
    `Result parameters:\n${results}`,
    'Every error is an OperationOutcome (application/fhir+json).',
  ].join('\n\n');
}

/** The statement for people: each type, its profile and its search parameters (dom-6). */
function narrative(): { status: 'generated'; div: string } {
  const items = FHIR_SEARCH_TYPES.map((type) => {
    const params = fhirCapabilitySearch(type).searchParam.map((p) => p.name);
    return `<li><b>${escapeXml(type)}</b> (${escapeXml(FHIR_PROFILES[type])}): read; search by ${params.map(escapeXml).join(', ')}</li>`;
  });
  return {
    status: 'generated',
    div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>ptfx FHIR R4 provider directory (Da Vinci PDex Plan-Net 1.2.0), JSON only.</p><ul>${items.join('')}</ul></div>`,
  };
}

/**
 * The server's CapabilityStatement (R4): for each resource type, its Plan-Net profile, the
 * interactions (read, search-type), and exactly the search parameters, includes and reverse
 * includes the search engine supports — from its one table (`fhir/search-params.ts`).
 */
export function capabilityStatement(base: string, date: string) {
  return {
    resourceType: 'CapabilityStatement',
    text: narrative(),
    url: `${base}/metadata`,
    name: 'PtfxFhirServer',
    title: 'ptfx FHIR R4 provider directory',
    status: 'active',
    experimental: false,
    date,
    description:
      'The practice’s public facts as FHIR R4 resources conforming to Da Vinci PDex Plan-Net 1.2.0: read and search, JSON only.',
    kind: 'instance',
    software: { name: 'ptfx' },
    implementation: { description: 'ptfx clinic directory', url: base },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        documentation: restDocumentation(),
        security: { cors: true, description: 'Public and read-only: no authentication.' },
        resource: FHIR_SEARCH_TYPES.map((type) => {
          const search = fhirCapabilitySearch(type);
          return {
            type,
            supportedProfile: [FHIR_PROFILES[type]],
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            versioning: 'no-version',
            readHistory: false,
            updateCreate: false,
            referencePolicy: ['literal', 'local', 'resolves'],
            // FHIR JSON has no empty arrays: a type nothing can include has no list at all.
            ...(search.searchInclude.length > 0 ? { searchInclude: search.searchInclude } : {}),
            ...(search.searchRevInclude.length > 0
              ? { searchRevInclude: search.searchRevInclude }
              : {}),
            searchParam: search.searchParam,
          };
        }),
      },
    ],
  };
}
