// Types for the two functions the tests use from vcard-parser (a second, independent vCard reader),
// which ships none of its own.
declare module 'vcard-parser' {
  /** One property: its value (split into fields on unescaped `;` or `,`) and its parameters. */
  export interface VCardParserProperty {
    value: string | string[];
    meta?: Record<string, string[]>;
    namespace?: string;
  }
  /** The card's properties by lowercase name, each a list in the card's order. */
  export function parse(text: string): Record<string, VCardParserProperty[]>;
  /** A card from properties as `parse` returns them. */
  export function generate(
    data: Record<string, VCardParserProperty[]>,
    addRequired?: boolean,
  ): string;
}
