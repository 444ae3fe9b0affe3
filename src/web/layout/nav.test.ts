import { describe, expect, it } from 'vitest';
import { NAV_ITEMS } from './nav.js';

describe('menu', () => {
  it('gives every section its own icon, label and address', () => {
    for (const key of ['icon', 'label', 'to'] as const) {
      const seen = new Map<string, string>();
      for (const item of NAV_ITEMS) {
        expect(seen.get(item[key]), `${item.to} shares its ${key} with ${seen.get(item[key])}`).toBeUndefined();
        seen.set(item[key], item.to);
      }
    }
  });
});
