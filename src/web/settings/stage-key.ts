/** Keys for SOP stages added in the editor (pure, so it is tested without a browser). */

/** A key for a stage added in the editor: from its English name, unique within the SOP. */
export function makeStageKey(nameEn: string, taken: Set<string>): string {
  const slug = nameEn
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  const base = /^[a-z]/.test(slug) && slug.length >= 2 ? slug : `stage_${slug || 'new'}`.replace(/_+$/, '');
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  taken.add(key);
  return key;
}
