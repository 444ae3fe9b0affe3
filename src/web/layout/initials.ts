/**
 * Up to two initials for the account button: the first letter of the first and of the last word that
 * has a letter ("Siti Rahayu" → "SR", "Petugas 0 (BENCH)" → "PB"), so digits and brackets never show.
 */
export function initials(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .map((word) => /\p{L}/u.exec(word)?.[0])
    .filter((letter): letter is string => Boolean(letter));
  if (letters.length === 0) return '?';
  return (letters[0] + (letters.length > 1 ? letters[letters.length - 1] : '')).toLocaleUpperCase('id');
}
