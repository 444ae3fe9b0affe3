/**
 * The words for a value outside its bounds (a zod `too_big` / `too_small` issue), the same in the web's
 * form checks and the server's refusals: a number's bound is a value ("maksimal 250"), a text's is
 * characters ("maksimal 160 karakter"), a list's is items: a text key of the web's validation texts and its count.
 */
export function boundMessage(issue: {
  code: string;
  origin?: unknown;
  inclusive?: unknown;
  maximum?: unknown;
  minimum?: unknown;
}): { key: string; count: number } | undefined {
  if (issue.code !== 'too_big' && issue.code !== 'too_small') return undefined;
  const big = issue.code === 'too_big';
  const count = Number(big ? issue.maximum : issue.minimum);
  if (!Number.isFinite(count)) return undefined;
  const exclusive = issue.inclusive === false;
  // [too big, too big (exclusive), too small, too small (exclusive)], written out whole so that the
  // web's text-split check (src/web/i18n-split.test.ts) sees each key.
  const value = ['web.validation.atMost', 'web.validation.lessThan', 'web.validation.atLeast', 'web.validation.moreThan'];
  const text = ['web.validation.tooLong', 'web.validation.tooLong', 'web.validation.tooShort', 'web.validation.tooShort'];
  const list = ['web.validation.manyItems', 'web.validation.manyItems', 'web.validation.fewItems', 'web.validation.fewItems'];
  const keys: Record<string, string[]> = { number: value, int: value, bigint: value, string: text, array: list, set: list };
  const choice = keys[String(issue.origin)];
  if (!choice) return undefined;
  return { key: choice[(big ? 0 : 2) + (exclusive ? 1 : 0)], count };
}
