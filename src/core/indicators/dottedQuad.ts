/** A dotted IPv4 address of four decimal numbers (1–3 digits, ≤ 255) from `from` to the end, as a number. */
export function dottedQuad(address: string, from: number): number | undefined {
  let number = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code === 46) {
      if (digits === 0 || ++dots > 3) return undefined;
      number = number * 256 + part;
      part = 0;
      digits = 0;
    } else if (code >= 48 && code <= 57) {
      part = part * 10 + (code - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0) return undefined;
  return (number * 256 + part) >>> 0;
}
