/**
 * The forms a registered secret may take in text, as the runner's masker knows them
 * (actions/runner src/Sdk/DTLogging/Logging/ValueEncoders.cs): base64 at each of the three byte
 * offsets it can start at inside a longer base64 text, URI and JSON escapes, plus hex and both
 * Unicode normal forms.
 */
export function encodedForms(value: string): string[] {
  const forms = new Set<string>();
  for (const normal of new Set([value, value.normalize('NFC'), value.normalize('NFD')])) {
    forms.add(normal);
    const bytes = Buffer.from(normal, 'utf8');
    for (let shift = 0; shift < 3; shift++) forms.add(stableBase64(bytes.subarray(shift)));
    forms.add(bytes.toString('base64'));
    forms.add(bytes.toString('base64url'));
    forms.add(bytes.toString('hex'));
    forms.add(bytes.toString('hex').toUpperCase());
    forms.add(JSON.stringify(normal).slice(1, -1));
    try {
      forms.add(encodeURIComponent(normal));
      forms.add(encodeURI(normal));
    } catch {
      // a lone surrogate cannot be URL-encoded
    }
  }
  return [...forms];
}

/**
 * The base64 characters of `bytes` that do not depend on what follows them: whole 3-byte groups,
 * plus the characters of a last partial group that only its own bytes determine.
 */
function stableBase64(bytes: Buffer): string {
  const encoded = bytes.toString('base64').replace(/=+$/, '');
  const rest = bytes.length % 3;
  return rest === 0 ? encoded : encoded.slice(0, -1);
}
