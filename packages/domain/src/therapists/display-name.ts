import type { Therapist } from './therapist.js';

/**
 * The name as a site heads a profile: honorific, given, middle and family names, suffix.
 *
 * @example
 * therapistDisplayName(therapist); // 'Dr. Mark Shulman'
 */
export function therapistDisplayName(
  therapist: Pick<Therapist, 'name' | 'honorificPrefix'>,
): string {
  const { given, middle, family, suffix } = therapist.name;
  return [therapist.honorificPrefix, given, middle, family, suffix].filter(Boolean).join(' ');
}
