// Values for the path parameters of the documented operations, for tests that call every one.

/** The id of the consultation request the staff routes' documented examples name. */
export const EXAMPLE_REQUEST_ID = '0b7c2f2e-4a1d-4f57-9d8e-2a0f5c3e9b11';

/** A real value for each path parameter of `path`, by the collection it names. */
export function exampleParams(path: string): Record<string, string> {
  const slug = path.startsWith('/v1/therapists/')
    ? 'mark-shulman'
    : path.startsWith('/v1/treatments/')
      ? 'massage'
      : path.startsWith('/v1/conditions/')
        ? 'back-pain'
        : path.startsWith('/v1/articles/')
          ? 'how-can-physical-therapy-help-to-reduce-back-pain'
          : 'san-diego';
  const id = path.startsWith('/v1/staff/') ? EXAMPLE_REQUEST_ID : 'mark-shulman';
  return { slug, abbreviation: 'DPT', type: 'Practitioner', id };
}
