// The wasm module and the native CLI must give byte-identical JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, SHARED, importPackage } from './env.mjs';

const { loadCore } = await importPackage('precis-core.js');
const core = await loadCore();
const dir = mkdtempSync(join(tmpdir(), 'precis-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

// CLI flags and the equivalent request options.
function cliJson(text, flags) {
  const file = join(dir, 'in.txt');
  writeFileSync(file, text);
  return execFileSync(CLI, [file, '--json', ...flags], { encoding: 'utf8', maxBuffer: 1 << 28 });
}
const wasmJson = (text, options) => core.callJson(JSON.stringify({ text, options })) + '\n';

const articles = readFileSync(join(SHARED, 'data/bbc-dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, 50)
  .map((l) => JSON.parse(l));

test('the first 50 bbc-dev articles: identical JSON, 3 sentences', () => {
  assert.equal(articles.length, 50);
  for (const a of articles) {
    assert.equal(wasmJson(a.text, { sentences: 3 }), cliJson(a.text, ['--sentences', '3']), a.id);
  }
});

test('the first 50 bbc-dev articles: identical JSON, ratio and headline', () => {
  for (const a of articles.slice(0, 50)) {
    assert.equal(wasmJson(a.text, { ratio: 0.3 }), cliJson(a.text, ['--ratio', '0.3']), a.id);
    assert.equal(wasmJson(a.text, { mode: 'headline', headlineWords: 10 }), cliJson(a.text, ['--headline', '--headline-words', '10']), a.id);
  }
});

const VARIED = {
  chinese: '经济新闻\n\n中国经济在第三季度增长了百分之五。分析人士认为，消费需求正在恢复。出口也比去年同期有所增加。政府表示将继续支持中小企业。',
  japanese: '東京の天気\n\n今日は東京で雨が降りました。明日は晴れる予定です。週末は気温が上がるでしょう。',
  korean: '서울의 경제\n\n서울의 경제 성장률이 높아졌다. 전문가들은 소비가 회복되고 있다고 말했다. 수출도 늘었다.',
  german: 'Die Wahl\n\nDie Wahl findet am 3. Oktober statt. Alle Bürger sind eingeladen. Die Ergebnisse werden am Abend erwartet.',
  emoji: 'Party time 🎉🎉\n\nWe celebrated 🎂 with friends. The cake 🍰 was great! Everyone 😀 stayed late.',
  rtl: 'الأخبار\n\nارتفعت أسعار النفط اليوم. وقال المحللون إن الطلب يتزايد. وتراجعت الأسهم في الأسواق.',
  controls: 'Line with\u0000NUL and \u0007bell. Another sentence here.\r\nWindows line. Ends.',
  empty: '',
};

test('varied scripts and odd characters: identical JSON', () => {
  for (const [name, text] of Object.entries(VARIED)) {
    assert.equal(wasmJson(text, { sentences: 2 }), cliJson(text, ['--sentences', '2']), name);
  }
});

test('errors come back as JSON naming the field', () => {
  const r = JSON.parse(core.callJson(JSON.stringify({ text: 'x', options: { sentences: 0 } })));
  assert.equal(r.error.field, 'options.sentences');
  const bad = JSON.parse(core.callJson('{"text": 1}'));
  assert.equal(bad.error.field, 'text');
  const broken = JSON.parse(core.callJson('{"text": "x"'));
  assert.equal(broken.error.field, 'request');
});
