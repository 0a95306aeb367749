// Browser test of dyad's web UI in headless Chromium. The Go test
// TestBrowser (http/e2e_test.go) starts servers seeded with the demo
// corpus and runs this with:
//   DYAD_URL             the server's base URL (with story clustering)
//   DYAD_NO_STORIES_URL  a server without story clustering
//   DYAD_SCRIPT_ID       the ID of an article whose title and text carry <script>
//   DYAD_SCREENSHOTS     where to save a screenshot of each page
//   CHROMIUM             the browser (default /usr/bin/chromium)
// It opens every page, follows dyad chart → event evidence → article,
// network → dyad and stories → comparison → claim → article, and fails on
// console errors, page errors, requests leaving the servers, or markup
// from an article being run.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.DYAD_URL;
const noStories = process.env.DYAD_NO_STORIES_URL;
const scriptID = process.env.DYAD_SCRIPT_ID;
const shots = process.env.DYAD_SCREENSHOTS;
if (!base || !noStories || !scriptID || !shots) {
  console.error('e2e: set DYAD_URL, DYAD_NO_STORIES_URL, DYAD_SCRIPT_ID and DYAD_SCREENSHOTS');
  process.exit(2);
}

const problems = [];
const check = (ok, what) => { if (!ok) problems.push(what); };

const profile = mkdtempSync(join(tmpdir(), 'dyad-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  viewport: { width: 1280, height: 900 },
  timeout: 30_000,
});
context.setDefaultTimeout(15_000);
const page = context.pages()[0] || await context.newPage();
let current = '';
page.on('console', (m) => {
  if (m.type() !== 'error') return;
  // The stories API answers 501 on a server without story clustering, and
  // the page says so; Chromium logs the status as a console error.
  if (page.url().startsWith(noStories) && /status of 501/.test(m.text())) return;
  problems.push(`console error on ${current}: ${m.text()}`);
});
page.on('pageerror', (e) => problems.push(`page error on ${current}: ${e.message}`));
page.on('request', (r) => {
  const u = r.url();
  if (!u.startsWith(base) && !u.startsWith(noStories) && !u.startsWith('data:')) problems.push(`request leaves the server: ${u}`);
});

// open shows a route of server at and waits until its page has drawn.
async function open(hash, at = base) {
  current = hash;
  await page.goto(at + '/' + hash);
  await ready();
}

async function ready() {
  await page.waitForFunction(() => document.getElementById('main')?.dataset.ready === location.hash);
  current = await page.evaluate(() => location.hash);
}

async function shot(name) {
  await page.screenshot({ path: join(shots, name + '.png'), fullPage: true });
}

try {
  // Search.
  await open('#/search?q=ceasefire');
  check(await page.locator('ul.articles a.article-link').count() > 0, 'search for ceasefire lists no articles');
  await shot('search');

  // An article carrying markup shows it as text and runs none of it.
  await open('#/search?q=envoys');
  check((await page.locator('ul.articles').innerText()).includes('<script>'), 'search result does not show the <script> title as text');
  await open('#/article/' + scriptID);
  const title = await page.locator('h1').innerText();
  check(title.includes('<script>window.__pwned=1</script>'), `article title shown as ${JSON.stringify(title)}`);
  check(await page.evaluate(() => window.__pwned === undefined), 'the article\'s <script> ran');
  check(await page.locator('main script, h1 *, .article-text :not(mark)').count() === 0, 'article markup became elements');
  check((await page.locator('.article-text').innerText()).includes('<b>welcome</b>'), 'article text does not show <b> as text');
  await shot('article-script');

  // Dyad: click a bar of the chart, then an event's evidence, land on
  // the article with the evidence highlighted.
  await open('#/dyad/CIV-BFA?by=day&undirected=true');
  await page.locator('#dyad-chart canvas').first().waitFor();
  await page.waitForTimeout(1200); // let the bars finish growing
  await shot('dyad');
  // The middle of the first bar drawn, from the chart's own layout.
  const target = await page.evaluate(() => {
    const chart = echarts.getInstanceByDom(document.getElementById('dyad-chart'));
    for (let s = 0; s < 4; s++) {
      const data = chart.getModel().getSeriesByIndex(s).getData();
      for (let i = 0; i < data.count(); i++) {
        const r = data.getItemLayout(i);
        if (data.get(data.mapDimension('y'), i) > 0 && r) return { xy: [r.x + r.width / 2, r.y + r.height / 2] };
      }
    }
    return null;
  });
  check(target, 'the dyad chart has no bar to click');
  if (target) {
    const box = await page.locator('#dyad-chart').boundingBox();
    await page.mouse.click(box.x + target.xy[0], box.y + target.xy[1]);
    await page.waitForFunction(() => !document.querySelector('main h2')?.textContent.startsWith('All'));
    const head = await page.locator('main h2').first().innerText();
    check(/^\d+ events? in \S+, (verbal|material) (cooperation|conflict)$/.test(head), `clicking a bar gives the event list ${JSON.stringify(head)}`);
    await shot('dyad-clicked');
    const first = page.locator('li.event').first();
    const evidence = (await first.locator('.evidence').innerText()).trim();
    await first.locator('a.article-link').click();
    await ready();
    check(current.startsWith('#/article/'), `evidence link goes to ${current}`);
    const focus = (await page.locator('mark.hl-focus').allTextContents()).join('').trim();
    check(focus === evidence, `article highlights ${JSON.stringify(focus)}, the event's evidence is ${JSON.stringify(evidence)}`);
    const codes = await page.locator('mark.hl-actor').first().getAttribute('title');
    check(/[A-Z]{3}/.test(codes || ''), `an actor mark's hover text is ${JSON.stringify(codes)}`);
    await shot('article-evidence');
  }

  // Network: graph, then a pair to its dyad page.
  await open('#/network');
  await page.locator('#network-chart canvas').first().waitFor();
  await page.waitForTimeout(1500); // let the force layout settle for the screenshot
  await shot('network');
  await page.locator('main table a').first().click();
  await ready();
  check(current.startsWith('#/dyad/'), `a network pair links to ${current}`);
  await page.locator('#dyad-chart canvas').first().waitFor();

  // Outlets.
  await open('#/outlets');
  check(await page.locator('main tbody tr').count() === 5, 'outlets page does not list 5 outlets');
  await shot('outlets');
  await page.locator('main a', { hasText: 'Meridian Wire' }).click();
  await ready();
  check(await page.locator('ul.articles li').count() === 3, 'Meridian Wire page does not list its 3 articles');
  await shot('outlet');

  // Stories: the list, then a story's comparison with one column per
  // voice, a conflicting figure and what one voice alone reports
  // highlighted, then a claim to its article with its span highlighted.
  await open('#/stories');
  check(await page.locator('main a.story-link').count() >= 3, 'the stories page lists fewer than the demo corpus\'s 3 stories');
  await shot('stories');
  await page.locator('main a.story-link').first().click();
  await ready();
  check(current.startsWith('#/story/'), `a story links to ${current}`);
  const voices = await page.locator('table.compare th.voice').count();
  check(voices >= 2, `the comparison has ${voices} voice columns`);
  for (const th of await page.locator('table.compare th.voice').all()) check(await th.isVisible(), 'a voice column is hidden');
  const widths = await page.locator('table.compare tr[data-outcome]').evaluateAll((rows) => [...new Set(rows.map((r) => r.cells.length))]);
  check(widths.length === 1 && widths[0] === voices + 1, `comparison rows have ${widths} cells for ${voices} voices`);
  const painted = (loc) => loc.evaluate((e) => {
    const s = getComputedStyle(e);
    return s.backgroundColor !== 'rgba(0, 0, 0, 0)' || s.backgroundImage !== 'none';
  });
  const conflict = page.locator('tr.outcome-conflict').first();
  const values = await conflict.locator('td.claim.conflict a.article-link').allInnerTexts();
  check(new Set(values).size >= 2, `the first conflict shows the values ${JSON.stringify(values)}`);
  check(await painted(conflict.locator('td.claim.conflict').first()), 'a conflicting figure is not highlighted');
  const only = page.locator('tr.outcome-only').first();
  check(await only.locator('td.claim.only').count() === 1, 'a row one voice alone reports has not one claim');
  check(await only.locator('td.omitted').count() === voices - 1, 'a row one voice alone reports does not mark the others as omitting it');
  check(await painted(only.locator('td.claim.only')) && await painted(only.locator('td.omitted').first()), 'a claim one voice alone reports or its omissions are not highlighted');
  await shot('story');
  await page.locator('main label.check input').check();
  check(await page.locator('tr.outcome-shared').first().isHidden() && await conflict.isVisible(), '"only differences" does not hide what the voices share');
  await page.locator('main label.check input').uncheck();
  const claim = conflict.locator('td.claim a.article-link').first();
  const claimed = (await claim.innerText()).trim();
  await claim.click();
  await ready();
  check(current.startsWith('#/article/'), `a claim links to ${current}`);
  const marked = (await page.locator('mark.hl-focus').allTextContents()).join('').trim();
  check(marked === claimed, `the article highlights ${JSON.stringify(marked)} for the claim ${JSON.stringify(claimed)}`);
  await shot('story-claim');

  // A server without story clustering: the pages say so.
  for (const hash of ['#/stories', '#/story/visit']) {
    await open(hash, noStories);
    check((await page.locator('.notice').innerText()).includes('not available'), `${hash} does not say stories are not available`);
  }
} catch (err) {
  problems.push(`on ${current}: ${err.message}`);
  await shot('failure').catch(() => {});
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`e2e: all pages passed; screenshots in ${shots}`);
