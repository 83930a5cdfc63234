// The XHTML of FHIR narratives the API writes (OperationOutcomes, the CapabilityStatement): text
// from a request goes into them, so it is escaped and kept to characters XML allows.

/**
 * What XML 1.0 does not allow (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) and lone
 * surrogates, which JSON carries as `\ud83d` and XML cannot: a cut request value can end in one.
 */
const NOT_XML_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every character XML does not allow, lone surrogates included, as U+FFFD. */
export const xmlCharacters = (text: string): string => text.replace(NOT_XML_CHARACTERS, '\uFFFD');

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe inside XHTML (a narrative's `div`): escaped, and only characters XML allows. */
export const escapeXml = (text: string): string =>
  xmlCharacters(text).replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);

/** A generated narrative listing `items` (each escaped), as an OperationOutcome's `text`. */
export function listNarrative(items: readonly string[]) {
  const list = items.map((item) => `<li>${escapeXml(item)}</li>`).join('');
  return {
    status: 'generated' as const,
    div: `<div xmlns="http://www.w3.org/1999/xhtml"><ul>${list}</ul></div>`,
  };
}
