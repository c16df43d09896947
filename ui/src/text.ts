// The extractor reports where each recommendation came from as UTF-8 byte offsets; JS
// strings index UTF-16 code units. These convert between the two.

/** UTF-8 length of one code point. */
function utf8Len(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * String indices for many byte offsets in one pass over the text. Offsets inside a
 * multi-byte character map to that character's start; offsets past the end map to the end.
 */
export function byteOffsetsToIndices(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((o, i) => [o, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(offsets.length);
  let byte = 0;
  let index = 0;
  let k = 0;
  while (k < order.length) {
    const [target, slot] = order[k];
    if (byte >= target || index >= text.length) {
      out[slot] = index;
      k++;
      continue;
    }
    const cp = text.codePointAt(index)!;
    const len = utf8Len(cp);
    if (byte + len > target) {
      out[slot] = index;
      k++;
      continue;
    }
    byte += len;
    index += cp > 0xffff ? 2 : 1;
  }
  return out;
}

export function byteToIndex(text: string, offset: number): number {
  return byteOffsetsToIndices(text, [offset])[0];
}

/** The UTF-8 byte offset of a string index. */
export function indexToByte(text: string, index: number): number {
  return new TextEncoder().encode(text.slice(0, index)).length;
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * `text` cut to at most `max` characters at a word boundary, with "…" when cut (the full
 * text stays one click away wherever this is shown).
 */
export function shortText(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
