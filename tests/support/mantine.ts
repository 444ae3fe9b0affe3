/**
 * Browser-test helpers for Mantine's pickers, whose options are listed in a portal outside the
 * field. Shared by the e2e files so that each flake is fixed once.
 */
import type { Locator, Page } from 'playwright-core';

/** How many times a picker's list is opened, and how long each try waits for its option (30 s in all, Playwright's default for one click). */
const ATTEMPTS = 3;
const ATTEMPT_MS = 10_000;

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Mantine Select inside `scope`: open it by its label, optionally type `search`, and pick `option` by
 * its text. When the list closed or moved before the click, the click is tried again, opening the list
 * first if it is not showing the option (no Escape: inside a dialog it could close the dialog).
 */
export async function choose(page: Page, scope: Page | Locator, label: string, option: string, search?: string) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  const item = page.getByRole('option', { name: option, exact: true });
  for (let attempt = 1; ; attempt++) {
    if (attempt === 1 || !(await item.isVisible())) {
      await box.click();
      if (search) await box.fill(search);
    }
    try {
      await item.click({ timeout: ATTEMPT_MS });
      return;
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
    }
  }
}

/**
 * Mantine MultiSelect inside `scope` (the PPKS categories): for each option, type its first letters
 * and pick it. Official categories are numbered ("11. Gelandangan"), so the number is optional.
 *
 * The list can close or move under the pointer while the form above it is still changing (a chosen
 * client replaces the identity fields, the unit is preselected when the units arrive). So a pick
 * that did not land is tried again, and each pick is checked by its pill in the field.
 */
export async function chooseMany(page: Page, scope: Page | Locator, label: string, options: string[]) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  // `has` is matched inside each field, so it takes the role locator without `scope`'s own chain.
  const field = scope.locator('.mantine-MultiSelect-root', { has: page.getByRole('combobox', { name: label, exact: true }) });
  for (const option of options) {
    const name = new RegExp(`^(\\d+\\. )?${escapeRegExp(option)}$`);
    const pill = field.locator('.mantine-MultiSelect-pill', { hasText: name });
    for (let attempt = 1; (await pill.count()) === 0; attempt++) {
      await box.click();
      await box.fill(option.slice(0, 6));
      try {
        await page.getByRole('option', { name }).click({ timeout: ATTEMPT_MS });
        await pill.waitFor({ timeout: ATTEMPT_MS });
      } catch (error) {
        if (attempt >= ATTEMPTS) throw error;
      }
      await box.press('Escape');
    }
  }
}
