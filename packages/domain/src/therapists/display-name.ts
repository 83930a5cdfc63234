import { expectShape } from '../shared/arguments.js';
import { PERSON } from '../shared/shapes.js';
import type { Therapist } from './therapist.js';

/**
 * The name as a site heads a profile: honorific, given, middle and family names, suffix.
 *
 * @throws {TypeError} when `therapist` has no `name` of text parts `{ given, middle?, family, suffix? }`
 * @example
 * therapistDisplayName(therapist); // 'Dr. Mark Shulman'
 */
export function therapistDisplayName(
  therapist: Pick<Therapist, 'name' | 'honorificPrefix'>,
): string {
  expectShape('therapistDisplayName', 'therapist', therapist, PERSON);
  const { given, middle, family, suffix } = therapist.name;
  return [therapist.honorificPrefix, given, middle, family, suffix].filter(Boolean).join(' ');
}
