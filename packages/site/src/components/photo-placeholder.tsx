import type { PersonName } from '@ptfx/domain';
import { type Html, rendered } from './html.js';

/** A person's initials: `{ given: 'Mark', family: 'Shulman' }` → `MS`. */
export function initials(name: Pick<PersonName, 'given' | 'family'>): string {
  return `${[...name.given][0] ?? ''}${[...name.family][0] ?? ''}`.toUpperCase();
}

/**
 * A portrait placeholder: the person's initials in a circle, as inline SVG (no image request).
 * Decorative: the name is always beside it, so it is hidden from assistive technology.
 */
export function PhotoPlaceholder(props: {
  readonly name: Pick<PersonName, 'given' | 'family'>;
  readonly size?: number;
}): Html {
  const size = props.size ?? 96;
  return rendered(
    <svg
      class="portrait"
      width={size}
      height={size}
      viewBox="0 0 96 96"
      aria-hidden="true"
      focusable="false"
      xmlns="http://www.w3.org/2000/svg"
    >
      <circle cx="48" cy="48" r="48" fill="#dcebee" />
      <text
        x="48"
        y="48"
        dy="0.35em"
        text-anchor="middle"
        font-size="34"
        font-weight="600"
        fill="#0b5c6b"
      >
        {initials(props.name)}
      </text>
    </svg>,
  );
}
