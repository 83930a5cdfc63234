import { type Therapist, therapistDisplayName } from '@ptfx/domain';
import { type Html, rendered } from './html.js';
import { PhotoPlaceholder } from './photo-placeholder.js';

/** Props of {@link TherapistCard}. */
export interface TherapistCardProps {
  /** The therapist, as parsed by `@ptfx/domain`. */
  readonly therapist: Therapist;
  /** Where the name links to (the therapist's page); no link when absent. */
  readonly href?: string;
  /** The heading level of the name: 2 or 3 (default 3, for a card under a section heading). */
  readonly headingLevel?: 2 | 3;
}

/**
 * A therapist's card: a portrait placeholder (initials, no image request), the name as the domain
 * displays it (`Dr. Mark Shulman`), the credential listing exactly as the data gives it, and the
 * bio.
 *
 * @example
 * String(TherapistCard({ therapist: clinic.therapists[0], href: '/therapists/mark-shulman/' }));
 */
export function TherapistCard(props: TherapistCardProps): Html {
  const { therapist } = props;
  const name = therapistDisplayName(therapist);
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return rendered(
    <article class="card therapist-card">
      <PhotoPlaceholder name={therapist.name} />
      <div>
        <Heading class="card-title">{props.href ? <a href={props.href}>{name}</a> : name}</Heading>
        <p class="listing">{therapist.credentialListing}</p>
        {therapist.bio ? <p>{therapist.bio}</p> : null}
      </div>
    </article>,
  );
}
