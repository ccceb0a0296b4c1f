/**
 * Whether some text (a value or a key) in `input` holds a NUL character, looking at up to
 * `budget` values.
 */
export function holdsNul(input: unknown, budget = 10_000): boolean {
  const stack = [input];
  while (stack.length && budget-- > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.includes('\0')) return true;
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) stack.push(key, inner);
    }
  }
  return false;
}
