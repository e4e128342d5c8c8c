// Protects the scenario texts in five languages (src/scenario/texts.ts, scenarios/i18n/): every built-in scenario has
// every language, each complete, current, in its own script and with the leaders' standard names; the check names
// the file and key of a missing, stale, empty, untranslated or malformed text (in the tests and in `cli check`); the
// display copy never touches the rules' scenario or its hash; and each language loads lazily, as its own chunk, in
// Vite and in Node (tsx) alike.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../src/cli/main';
import { hashValue } from '../src/game/hash';
import type { Scenario } from '../src/game/scenario-schema';
import { BUILTIN_IDS, builtinScenario } from '../src/scenario/builtin';
import {
  displayScenario,
  leaderKey,
  leaderName,
  loadScenarioTexts,
  scenarioTextKeys,
  scenarioTextList,
  seatBriefingTexts,
  TRANSLATED_LANGS,
  translationFiles,
  type ScenarioTextFile,
} from '../src/scenario/texts';
import { checkScenarioTexts, parseTextFile, stampFrom, textHash } from '../src/scenario/texts-check';
import { cliOf } from './cli-capture';

const ROOT = path.resolve(import.meta.dirname, '..');
const I18N = path.join(ROOT, 'scenarios', 'i18n');
const exec = promisify(execFile);
const cli = cliOf(run);

function readFile(id: string, lang: string): ScenarioTextFile {
  const parsed = parseTextFile(fs.readFileSync(path.join(I18N, `${id}.${lang}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${id}.${lang}.json: ${JSON.stringify(parsed.problems)}`);
  return parsed.file;
}

const scenario = (id: string) => builtinScenario(id) as Scenario;

describe('the shipped texts', () => {
  test('the loader table and the files on disk agree: every built-in scenario in every language', () => {
    const onDisk = fs
      .readdirSync(I18N)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.en.json'))
      .sort();
    const table = translationFiles()
      .map((f) => `${f.scenario}.${f.lang}.json`)
      .sort();
    expect(table).toEqual(onDisk);
    const expected = BUILTIN_IDS.flatMap((id) => TRANSLATED_LANGS.map((lang) => `${id}.${lang}.json`)).sort();
    expect(table).toEqual(expected);
    for (const id of BUILTIN_IDS) expect(fs.existsSync(path.join(I18N, `${id}.en.json`))).toBe(true);
  });

  for (const id of BUILTIN_IDS) {
    for (const lang of ['en', ...TRANSLATED_LANGS]) {
      test(`${id} in ${lang}: every key present, current, non-empty, placeholders matching`, () => {
        expect(checkScenarioTexts(scenario(id), readFile(id, lang), lang)).toEqual([]);
      });
    }
  }

  // Each language's own script in every text (a copied English text or a Japanese text in the Chinese file fails).
  const SCRIPT: Record<string, RegExp> = {
    ja: /[\u3040-\u30ff\u4e00-\u9fff]/,
    ru: /[\u0400-\u04ff]/,
    ko: /[\uac00-\ud7af]/,
    zh: /[\u4e00-\u9fff]/,
  };
  // Characters that exist only in traditional Chinese (their simplified forms are in brackets): 國[国] 與[与] 說[说]
  // 關[关] 這[这] 們[们] 會[会] 對[对] 時[时] 個[个] 來[来] 為[为] 發[发] 從[从] 東[东] 蘇[苏] 聯[联] 島[岛] 黨[党]
  // 約[约] 議[议] 歲[岁] 談[谈] 經[经] 濟[济] 條[条] 鮮[鲜] 戰[战] 爭[争].
  const TRADITIONAL = /[國與說關這們會對時個來為發從東蘇聯島黨約議歲談經濟條鮮戰爭]/;
  // Japanese forms that simplified Chinese writes otherwise: 沢[泽] 気[气] 広[广] 図[图] 経[经] 発[发] 歯[齿] 択[择]
  // 権[权] 価[价] 覇[霸] 労[劳] 戦[战] 続[续] 鉄[铁] 売[卖] 読[读] 総[总] 応[应] 変[变] 団[团] 験[验].
  const JAPANESE_FORMS = /[沢気広図経発歯択権価覇労戦続鉄売読総応変団験]/;
  // Simplified forms that Japanese writes otherwise: 们 这 边 题 开 关 动 对 说 时 间 经 济 约 战 产.
  const SIMPLIFIED_ONLY = /[们这边题开关动对说时间经济约战产]/;
  for (const lang of TRANSLATED_LANGS) {
    test(`every ${lang} text is written in that language's script`, () => {
      for (const id of BUILTIN_IDS) {
        const texts = readFile(id, lang).texts;
        const foreign = Object.entries(texts).filter(([, t]) => !SCRIPT[lang].test(t));
        expect(foreign.map(([k]) => `${id}: ${k}`)).toEqual([]);
        if (lang === 'ja') {
          const simplified = Object.entries(texts).filter(([, t]) => SIMPLIFIED_ONLY.test(t));
          expect(simplified.map(([k]) => k)).toEqual([]);
        }
        if (lang === 'zh') {
          const kana = Object.entries(texts).filter(([, t]) => /[\u3040-\u30ff]/.test(t));
          const traditional = Object.entries(texts).filter(
            ([, t]) => TRADITIONAL.test(t) || JAPANESE_FORMS.test(t),
          );
          expect(kana.map(([k]) => k)).toEqual([]);
          expect(traditional.map(([k]) => k)).toEqual([]);
        }
      }
    });
  }

  test('leaders keep their standard names in each language', () => {
    const standard: Record<string, Record<string, string>> = {
      'Leonid Brezhnev': { ja: 'ブレジネフ', ru: 'Брежнев', ko: '브레즈네프', zh: '勃列日涅夫' },
      'Shinzo Abe': { ja: '安倍晋三', ru: 'Синдзо Абэ', ko: '아베 신조', zh: '安倍晋三' },
      'Mikhail Gorbachev': { ja: 'ゴルバチョフ', ru: 'Горбачёв', ko: '고르바초프', zh: '戈尔巴乔夫' },
      'Boris Yeltsin': { ja: 'エリツィン', ru: 'Ельцин', ko: '옐친', zh: '叶利钦' },
    };
    const found: string[] = [];
    for (const id of BUILTIN_IDS) {
      for (const lang of TRANSLATED_LANGS) {
        const texts = readFile(id, lang).texts;
        for (const [english, forms] of Object.entries(standard)) {
          const key = leaderKey(english);
          if (!(key in texts)) continue;
          expect(texts[key], `${id}.${lang} ${key}`).toContain(forms[lang]);
          found.push(`${english}/${lang}`);
        }
      }
    }
    expect(new Set(found).size).toBe(16);
  });

  test('the place-names note gives both names of the islands and both names of the group, in every language', () => {
    const both: Record<string, string[]> = {
      ja: ['択捉島', 'イトゥルップ', '国後島', 'クナシル', '北方領土', '南クリル'],
      ru: ['Итуруп', 'Эторофу', 'Кунашир', 'Кунасири', 'Южными Курилами', 'Северными территориями'],
      ko: ['이투루프', '에토로후', '쿠나시르', '구나시리', '남쿠릴 열도', '북방영토'],
      zh: ['择捉岛', '伊图鲁普岛', '国后岛', '库纳希尔岛', '南千岛群岛', '北方四岛'],
    };
    for (const id of BUILTIN_IDS) {
      for (const lang of TRANSLATED_LANGS) {
        const note = readFile(id, lang).texts.placeNames;
        for (const name of both[lang]) expect(note, `${id}.${lang}`).toContain(name);
      }
    }
  });
});

describe('the check', () => {
  const base = scenario('yeltsin-1992');
  const ja = () => structuredClone(readFile('yeltsin-1992', 'ja'));
  const keys = (problems: { key: string; message: string }[]) =>
    problems.map((p) => `${p.key}: ${p.message}`);

  test('a missing key is named with its English', () => {
    const file = ja();
    delete file.texts['events.munich-g7.title'];
    expect(keys(checkScenarioTexts(base, file, 'ja'))).toEqual([
      'events.munich-g7.title: missing (English: "The Munich summit")',
      'from.events.munich-g7.title: a hash for no text',
    ]);
  });

  test('a changed English text makes the translation stale; a new event makes its keys missing', () => {
    const changed = structuredClone(base);
    changed.events[0].text = 'A different account of the snub.';
    changed.events.push({ ...structuredClone(base.events[1]), id: 'new-event', title: 'New', text: 'News.' });
    const problems = keys(checkScenarioTexts(changed, ja(), 'ja'));
    expect(problems).toContain(
      `events.${base.events[0].id}.text: stale: the English changed since this was translated (now: "A different account of the snub.")`,
    );
    expect(problems).toContain('events.new-event.title: missing (English: "New")');
    expect(problems).toContain('events.new-event.text: missing (English: "News.")');
    expect(problems).toHaveLength(3);
  });

  test('empty, untranslated, unknown, oversized, placeholder-mismatched and marked-up texts are refused', () => {
    const file = ja();
    file.texts.name = '  ';
    file.texts['events.munich-g7.title'] = 'The Munich summit';
    file.texts['events.gone.title'] = '消えた';
    file.texts['agendas.ru-integrity.title'] = '領'.repeat(200);
    file.texts['questions.0'] = '{year}年の問い';
    file.texts['questions.1'] = '閉じない {括弧';
    file.texts['questions.2'] = '<b>援助</b>と島';
    const problems = keys(checkScenarioTexts(base, file, 'ja'));
    expect(problems).toEqual([
      'name: is empty',
      'events.munich-g7.title: is the English text: not translated',
      'agendas.ru-integrity.title: too long (200 characters; at most 113 for this text)',
      'questions.0: placeholders differ: English has {}, this has {year}',
      'questions.1: has a brace that is not part of a {placeholder}',
      'questions.2: holds markup: texts are shown as plain text, write the words only',
      'events.gone.title: not a text of the scenario (removed or renamed there?)',
    ]);
  });

  test('the wrong scenario, the wrong language and a file of the wrong shape are named', () => {
    const file = ja();
    expect(keys(checkScenarioTexts(base, { ...file, scenario: 'abe-2013' }, 'ja'))[0]).toBe(
      'scenario: is "abe-2013", expected "yeltsin-1992"',
    );
    expect(keys(checkScenarioTexts(base, file, 'ko'))[0]).toBe(
      'lang: is "ja", expected "ko" (from the file name)',
    );
    const bad = (text: string) => {
      const r = parseTextFile(text);
      return r.ok ? [] : keys(r.problems);
    };
    expect(bad('')).toEqual([': the file is empty']);
    expect(bad('{')[0]).toMatch(/^: not valid JSON/);
    expect(bad('{"scenario":"x","lang":"ja","texts":{"name":3}}')[0]).toMatch(/^texts\.name: /);
    expect(bad('{"scenario":"x","lang":"ja","texts":{},"extra":1}')).toEqual([': unknown field(s) extra']);
    expect(bad('{"__proto__":{},"scenario":"x","lang":"ja","texts":{}}')).toEqual([
      ': a "__proto__" key is not allowed',
    ]);
  });

  test('the English file may not shadow a text of the scenario file', () => {
    const en = structuredClone(readFile('yeltsin-1992', 'en'));
    en.texts.name = 'Another name';
    expect(keys(checkScenarioTexts(base, en, 'en'))).toEqual([
      'name: is a text of the scenario file itself: change it there, not here',
    ]);
  });

  test('stamping fills new keys and keeps a stale hash until the key is named', () => {
    const file = ja();
    const changed = structuredClone(base);
    changed.events[0].text = 'A different account of the snub.';
    const english = scenarioTextKeys(changed);
    const staleKey = `events.${base.events[0].id}.text`;
    delete file.from?.['events.munich-g7.title'];
    const kept = stampFrom(file, english, new Set());
    expect(kept.changed).toBe(1);
    expect(kept.from['events.munich-g7.title']).toBe(textHash('The Munich summit'));
    expect(keys(checkScenarioTexts(changed, { ...file, from: kept.from }, 'ja'))).toEqual([
      `${staleKey}: stale: the English changed since this was translated (now: "A different account of the snub.")`,
    ]);
    const named = stampFrom({ ...file, from: kept.from }, english, new Set([staleKey]));
    expect(named.changed).toBe(1);
    expect(checkScenarioTexts(changed, { ...file, from: named.from }, 'ja')).toEqual([]);
  });

  test('the stored hash is the English text hash', () => {
    const file = readFile('yeltsin-1992', 'ru');
    expect(file.from?.briefing).toBe(textHash(base.briefing));
  });
});

describe('cli check', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oil-water-texts-'));
    fs.mkdirSync(path.join(dir, 'i18n'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the built-in scenarios pass with their texts', () => {
    const r = cli('check', ...BUILTIN_IDS.map((id) => `scenarios/${id}.json`));
    expect(r.code).toBe(0);
    expect(r.out).toEqual(
      BUILTIN_IDS.map((id) =>
        expect.stringMatching(new RegExp(`^scenarios/${id}\\.json: ok \\(.*; texts en, ja, ru, ko, zh\\)$`)),
      ),
    );
  });

  test('a changed event text and a dropped key are reported by file and key, with exit code 1', () => {
    const doc = JSON.parse(fs.readFileSync(path.join(ROOT, 'scenarios', 'yeltsin-1992.json'), 'utf8'));
    doc.events[0].text = 'Changed English.';
    const scenarioFile = path.join(dir, 'yeltsin-1992.json');
    fs.writeFileSync(scenarioFile, JSON.stringify(doc));
    for (const lang of ['en', ...TRANSLATED_LANGS]) {
      fs.copyFileSync(
        path.join(I18N, `yeltsin-1992.${lang}.json`),
        path.join(dir, 'i18n', `yeltsin-1992.${lang}.json`),
      );
    }
    const koFile = path.join(dir, 'i18n', 'yeltsin-1992.ko.json');
    const ko = JSON.parse(fs.readFileSync(koFile, 'utf8'));
    delete ko.texts['agendas.ru-integrity.title'];
    delete ko.from['agendas.ru-integrity.title'];
    fs.writeFileSync(koFile, JSON.stringify(ko));
    fs.rmSync(path.join(dir, 'i18n', 'yeltsin-1992.zh.json'));

    const r = cli('check', scenarioFile);
    expect(r.code).toBe(1);
    const key = `events.${doc.events[0].id}.text`;
    for (const lang of ['ja', 'ru', 'ko']) {
      expect(r.out).toContain(
        `${path.join(dir, 'i18n', `yeltsin-1992.${lang}.json`)}: ${key}: stale: the English changed since this was translated (now: "Changed English.")`,
      );
    }
    expect(r.out).toContain(
      `${koFile}: agendas.ru-integrity.title: missing (English: "Territorial integrity")`,
    );
    expect(r.out).toContain(`${path.join(dir, 'i18n', 'yeltsin-1992.zh.json')}: (file): no such file`);
    expect(r.out.at(-1)).toBe(
      `${scenarioFile}: the scenario is valid; its texts are not (5 problems in ${path.join(dir, 'i18n')})`,
    );
  });

  test('a scenario of its own with no texts beside it is English only', () => {
    const doc = JSON.parse(fs.readFileSync(path.join(ROOT, 'scenarios', 'abe-2013.json'), 'utf8'));
    doc.id = 'my-era';
    const file = path.join(dir, 'my-era.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = cli('check', file);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([`${file}: ok (my-era, 2013–2020; English only)`]);
  });
});

/** The leaves (path, value in `a`, value in `b`) where two values of the same shape differ; a shape change throws. */
function differingLeaves(a: unknown, b: unknown, at = ''): [string, unknown, unknown][] {
  if (a !== null && typeof a === 'object') {
    if (b === null || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b))
      throw new Error(`${at}: shape differs`);
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join() !== kb.join()) throw new Error(`${at}: fields differ`);
    return ka.flatMap((k) =>
      differingLeaves((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`),
    );
  }
  return Object.is(a, b) ? [] : [[at, a, b]];
}

describe('the display copy', () => {
  for (const id of BUILTIN_IDS) {
    test(`${id}: every text replaced, nothing else changed, the rules' scenario and its hash untouched`, async () => {
      const s = scenario(id);
      const before = hashValue(s);
      const snapshot = structuredClone(s);
      for (const lang of TRANSLATED_LANGS) {
        const texts = await loadScenarioTexts(id, lang);
        if (!texts) throw new Error(`no ${lang} texts for ${id}`);
        const shown = displayScenario(s, texts);
        // Every text of the display copy is the translation; its structure and numbers are the scenario's.
        const original = scenarioTextList(s);
        const displayed = scenarioTextList(shown);
        expect(displayed).toHaveLength(original.length);
        original.forEach(([key], i) => expect(displayed[i][1], key).toBe(texts[key]));
        // Walking both in parallel, every difference is an English text turned into its translation.
        const englishTexts = new Set(original.map(([, t]) => t));
        const translations = new Set(Object.values(texts));
        const differences = differingLeaves(s, shown);
        expect(differences.length).toBeGreaterThan(original.length / 2);
        for (const [where, a, b] of differences) {
          expect(englishTexts.has(a as string) && translations.has(b as string), where).toBe(true);
        }
        expect(shown.events.map((e) => e.source)).toEqual(s.events.map((e) => e.source));
        expect(shown.events[0].title).not.toBe(s.events[0].title);
      }
      expect(s).toEqual(snapshot);
      expect(hashValue(s)).toBe(before);
      expect(displayScenario(s, undefined)).toEqual(s);
      expect(displayScenario(s, undefined)).not.toBe(s);
    });
  }

  test('leader names, seat briefings and the English table', async () => {
    const ru = await loadScenarioTexts('brezhnev-1972', 'ru');
    expect(leaderName(ru, 'Leonid Brezhnev')).toBe('Леонид Брежнев');
    expect(leaderName(ru, 'Someone Unknown')).toBe('Someone Unknown');
    expect(seatBriefingTexts(ru, 'russia').era).toMatch(/курильскую карту/);
    expect(seatBriefingTexts(ru, 'japan')).toEqual({ era: undefined, placeNames: ru?.placeNames });
    const en = await loadScenarioTexts('brezhnev-1972', 'en');
    expect(en).toEqual(scenarioTextKeys(scenario('brezhnev-1972')));
    expect(en?.placeNames).toMatch(/Etorofu \(Iturup\)/);
    expect(await loadScenarioTexts('brezhnev-1972', 'zh-Hans-CN')).toEqual(
      await loadScenarioTexts('brezhnev-1972', 'zh'),
    );
    expect(await loadScenarioTexts('brezhnev-1972', 'fr')).toBeUndefined();
    expect(await loadScenarioTexts('no-such-era', 'ja')).toBeUndefined();
  });
});

describe('lazy loading', () => {
  test('Node with tsx loads a language through the same dynamic import', async () => {
    const script = path.join(os.tmpdir(), `oil-water-texts-${process.pid}.mts`);
    fs.writeFileSync(
      script,
      `import { loadScenarioTexts } from ${JSON.stringify(path.join(ROOT, 'src/scenario/texts.ts'))};\n` +
        `const t = await loadScenarioTexts('abe-2013', 'ko');\n` +
        `console.log(JSON.stringify({ n: Object.keys(t ?? {}).length, abe: t?.['leaders.shinzo-abe'] }));\n`,
    );
    try {
      const { stdout } = await exec(path.join(ROOT, 'node_modules/.bin/tsx'), [script], { cwd: ROOT });
      const result = JSON.parse(stdout.trim()) as { n: number; abe: string };
      expect(result.abe).toBe('아베 신조');
      expect(result.n).toBe(Object.keys(scenarioTextKeys(scenario('abe-2013'))).length);
    } finally {
      fs.rmSync(script, { force: true });
    }
  });

  test('Vite puts each language of each scenario in a chunk of its own, outside the entry', async () => {
    const { build } = await import('vite');
    const output = await build({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      build: {
        write: false,
        target: 'es2022',
        lib: { entry: path.join(ROOT, 'src/scenario/texts.ts'), formats: ['es'], fileName: 'texts' },
      },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) =>
      'output' in o ? o.output.filter((c) => c.type === 'chunk') : [],
    );
    const entry = chunks.find((c) => c.isEntry);
    expect(entry).toBeDefined();
    expect(entry?.code).not.toContain('ブレジネフ');
    for (const { scenario: id, lang } of translationFiles()) {
      const owners = chunks.filter((c) => c.moduleIds.some((m) => m.endsWith(`${id}.${lang}.json`)));
      expect(
        owners.map((c) => c.isEntry),
        `${id}.${lang}`,
      ).toEqual([false]);
      expect(owners[0].isDynamicEntry).toBe(true);
    }
  }, 60_000);
});
