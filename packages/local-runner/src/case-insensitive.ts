/** Output and state names are case-insensitive on the runner: a later `Name` updates the value of `name`. */
export function setIgnoringCase(target: Record<string, string>, name: string, value: string): void {
  const lower = name.toLowerCase();
  const existing = Object.keys(target).find((key) => key.toLowerCase() === lower);
  target[existing ?? name] = value;
}

export function assignIgnoringCase(
  target: Record<string, string>,
  values: Record<string, string>,
): Record<string, string> {
  for (const [name, value] of Object.entries(values)) setIgnoringCase(target, name, value);
  return target;
}
