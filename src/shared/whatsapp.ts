/**
 * WhatsApp click-to-chat links (`https://wa.me/<number>?text=…`) from Indonesian phone numbers, with
 * no external API: the phone opens WhatsApp with the message prefilled.
 */

/** An Indonesian phone number in international form without `+` (08… → 628…), or null when it is not one. */
export function normalizeIndonesianPhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let digits = raw.replace(/[\s().-]/g, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return null;
  if (digits.startsWith('0062')) digits = digits.slice(2);
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  else if (digits.startsWith('8')) digits = `62${digits}`;
  if (!digits.startsWith('62')) return null;
  // 62 + a subscriber number of 8–13 digits (mobile 8xx…, or a landline with its area code).
  const rest = digits.slice(2);
  if (rest.startsWith('0') || rest.length < 8 || rest.length > 13) return null;
  return digits;
}

/** A wa.me link with the message prefilled, or null when the number is not a usable Indonesian number. */
export function whatsappLink(phone: string | null | undefined, text?: string): string | null {
  const number = normalizeIndonesianPhone(phone);
  if (!number) return null;
  return text ? `https://wa.me/${number}?text=${encodeURIComponent(text)}` : `https://wa.me/${number}`;
}
