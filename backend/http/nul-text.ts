/**
 * Whether some text (a value or a key) in `input` holds a NUL character. Inputs are parsed JSON
 * under the API's body limit (256 KB), so looking at every value costs little.
 */
export function holdsNul(input: unknown): boolean {
  const stack = [input];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.includes('\0')) return true;
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) stack.push(key, inner);
    }
  }
  return false;
}
