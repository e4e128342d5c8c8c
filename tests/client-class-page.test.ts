// Protects the class page's wording of each group's treaty (src/client/classroom/class-page.ts): a formula and a
// treaty's fate in the page's catalogue, never the ids the server sends.
import { afterAll, describe, expect, it } from 'vitest';
import { treatyText } from '../src/client/classroom/class-page';
import { FORMULA_LABEL } from '../src/client/strings';
import { setLanguage } from '../src/i18n';

describe("a group's treaty in the class comparison", () => {
  afterAll(() => setLanguage('en', false));

  it('names the ratified formula, a signed or collapsed treaty, or none', () => {
    expect(treatyText({ treaty: 'two-islands', treatyStatus: 'ratified' })).toBe(
      `${FORMULA_LABEL['two-islands']}, ratified`,
    );
    expect(treatyText({ treaty: null, treatyStatus: 'signed' })).toBe('signed, not ratified');
    expect(treatyText({ treaty: null, treatyStatus: 'collapsed' })).toBe('signed, then collapsed');
    expect(treatyText({ treaty: null, treatyStatus: null })).toBe('none');
  });

  it('in Japanese', async () => {
    await setLanguage('ja', false);
    expect(treatyText({ treaty: 'two-islands', treatyStatus: 'ratified' })).toBe(
      `${FORMULA_LABEL['two-islands']}（批准済み）`,
    );
    expect(treatyText({ treaty: null, treatyStatus: 'collapsed' })).toBe('署名後に破綻');
    expect(FORMULA_LABEL['two-islands']).not.toMatch(/two-islands/);
  });
});
