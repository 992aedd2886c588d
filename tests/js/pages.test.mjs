// Unit tests of the definitions behind bench/pages.mjs's measures (what
// counts as body, as a body sentence, as the page's own description), on
// small hand-made inputs; run with `node --test tests/js/`.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { bodyIndex, bodySentences, goldBody, inBody, isDescription, pageDescriptions, summaryPicks } from '../../bench/pages.mjs';

const BODY = 'The council approved the new bridge on Monday. Work starts in May!\n\nCosts rose to $12 million, officials said.';

describe('body sentences and the body test', () => {
  test('blocks split after . ! ? and a space; pieces under 20 normalized characters drop', () => {
    assert.deepEqual(bodySentences(BODY), [
      'thecouncilapprovedthenewbridgeonmonday',
      // "Work starts in May!" is 15 letters: too short to count
      'costsroseto12millionofficialssaid',
    ]);
    // after 。 with no space; 20 characters is the same floor in CJK (the first sentence is 3)
    assert.deepEqual(bodySentences('它很好。今天下雨了，我们全家人都留在家里读书看报，一直到晚上才出门散步。'), ['今天下雨了我们全家人都留在家里读书看报一直到晚上才出门散步']);
  });

  test('a sentence is in the body when its normalized text is a substring of it', () => {
    const index = bodyIndex(BODY);
    assert.equal(inBody('“The council approved the NEW bridge on Monday.”', index), true);
    assert.equal(inBody('Share this article', index), false);
    assert.equal(inBody(' … ', index), false, 'nothing left after normalizing is never in the body');
  });

  test('a line is body when most of it is body sentences, null when it has no letters', () => {
    const index = bodyIndex(BODY);
    assert.equal(goldBody('Costs rose to $12 million, officials said.', index), true);
    assert.equal(goldBody('Costs rose to $12 million, officials said. Photo: AP', index), true);
    assert.equal(goldBody('Read more: Costs rose to $12 million, officials said. Subscribe to our newsletter for the latest news today', index), false);
    assert.equal(goldBody('---', index), null);
  });
});

describe("the page's own description (the dek)", () => {
  const html = `<html><head>
    <meta charset="utf-8">
    <meta name="description" content="The council approved the bridge on Monday &amp; work starts in May.">
    <meta property='og:description' content='Costs rose to $12 million, officials said.'/>
    <meta name="twitter:description" content="Short one">
    <meta name="descriptionless" content="This attribute only starts like a description and is not one">
    <meta property="og:title" content="A title that is long enough to count if it were read">
  </head><body><p>Text</p></body></html>`;

  test('reads name=description, og: and twitter: descriptions, decoded and normalized; skips short ones and other names', () => {
    assert.deepEqual(pageDescriptions(html), [
      'thecouncilapprovedthebridgeonmondayworkstartsinmay',
      'costsroseto12millionofficialssaid',
    ]);
    assert.deepEqual(pageDescriptions('<p>no head at all</p>'), []);
  });

  test('a chosen sentence is the description when one contains the other', () => {
    const d = pageDescriptions(html);
    assert.equal(isDescription('The council approved the bridge on Monday & work starts in May.', d), true);
    assert.equal(isDescription('Costs rose to $12 million, officials said. Read the full story', d), true, 'a sentence holding the dek');
    assert.equal(isDescription('The council approved the bridge', d), true, 'part of the dek');
    assert.equal(isDescription('Council', d), false, 'too short to say');
    assert.equal(isDescription('A different sentence about the weather today.', d), false);
  });
});

describe('summary picks', () => {
  test('counts the selected sentences in the body and lists the others', () => {
    const out = { sentences: [
      { text: 'The council approved the new bridge on Monday.', selected: true },
      { text: 'Sign up for our newsletter.', selected: true },
      { text: 'Costs rose to $12 million, officials said.', selected: false },
    ] };
    assert.deepEqual(summaryPicks(out, bodyIndex(BODY)), { selected: 2, inBody: 1, allBody: false, off: ['Sign up for our newsletter.'] });
    assert.deepEqual(summaryPicks({ sentences: [] }, bodyIndex(BODY)), { selected: 0, inBody: 0, allBody: false, off: [] });
  });
});
