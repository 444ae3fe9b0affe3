/**
 * Numbers as each UI language writes them, for the web and the server's documents alike: Indonesian
 * "97,22" and "1.234", English "97.22" and "1,234". One formatter per language and precision, kept.
 */
const formatters = new Map<string, Intl.NumberFormat>();

/**
 * `fractionDigits` fixes the decimals (an IKM is always written with two: "97,20"); without it a
 * number keeps up to two decimals and drops trailing zeros (a percentage: "83,33", "100").
 */
export function formatNumber(value: number, language: string, fractionDigits?: number): string {
  const locale = language === 'en' ? 'en-US' : 'id-ID';
  const key = `${locale}:${fractionDigits ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(
      locale,
      fractionDigits === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
    );
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}
