import { type JsonLdValue, serializeJsonLdForHtml } from '@ptfx/domain';

/**
 * A JSON data block: `<script type="application/ld+json">` (or another JSON type), its text made
 * safe for HTML by the domain's `serializeJsonLdForHtml` (no `</script>` can close it). Data
 * blocks are not executed, so the site's CSP (`script-src 'self'`) does not need a hash for them.
 */
export function JsonScript(props: {
  readonly value: JsonLdValue;
  readonly type?: string;
  readonly id?: string;
}) {
  return (
    <script
      type={props.type ?? 'application/ld+json'}
      id={props.id}
      dangerouslySetInnerHTML={{ __html: serializeJsonLdForHtml(props.value) }}
    />
  );
}
