/** How deep and how large a parsed JSON body may be. */
export interface JsonLimits {
  maxDepth: number;
  maxNodes: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: 64, maxNodes: 20_000 };

// Keys that can reach an object's prototype when code later merges or walks the body.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks a parsed JSON value's nesting depth and number of values without recursion (a deep body
 * must not overflow the stack here or in a later JSON.stringify), and deletes `__proto__`,
 * `constructor` and `prototype` keys in place. Returns a short problem description, or undefined.
 */
export function checkJsonShape(value: unknown, limits: JsonLimits = DEFAULT_JSON_LIMITS): string | undefined {
  const stack: [unknown, number][] = [[value, 1]];
  let nodes = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (++nodes > limits.maxNodes) return `body: more than ${limits.maxNodes} JSON values`;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limits.maxDepth) return `body: nested deeper than ${limits.maxDepth} levels`;
    if (Array.isArray(v)) {
      for (const item of v) stack.push([item, depth + 1]);
      continue;
    }
    const obj = v as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (PROTOTYPE_KEYS.has(key)) {
        delete obj[key];
        continue;
      }
      stack.push([obj[key], depth + 1]);
    }
  }
  return undefined;
}
