#!/usr/bin/env node
// Accessibility and layout checks of a built techpages site in a real browser
// (Debian's Chromium through playwright-core; no browser is downloaded).
//
//   node a11y.mjs --site DIR --base-url URL [--screenshots DIR] [--label NAME]
//                 [--chromium PATH] [--all] [--extra-tags TAG,...] [--split-lists]
//
// The site must have been built with the same --base-url: its links start with the
// base URL's path, so this script serves DIR under that path on a free port of
// 127.0.0.1 (a server of its own, Node's http module; a missing page gets 404.html
// with status 404, as on GitHub Pages) and visits one page of every kind, and every
// plan and institution page, at 375px and 1280px wide (--all: every page). On each:
//   - the keyboard: the first Tab stop is a skip link, visible when focused, and Enter
//     on it moves focus to <main>; the first ten stops each show a focus indicator and
//     keep their text readable on it (4.5:1);
//   - axe-core with the tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa (plus any
//     --extra-tags, e.g. best-practice): no violation;
//   - exactly one h1 and a <main>;
//   - no horizontal scrolling (scrollWidth <= the viewport), and again at 320px
//     (WCAG 1.4.10 reflow: 1280px at 400% zoom);
//   - with JavaScript off, the same page still has its h1 and its content.
// Then, once:
//   - keyboard only, on the home page: Tab from the top reaches every link in document
//     order, each visibly focused, and Shift+Tab walks back the same way;
//   - without JavaScript: the technician directory shows every technician and its
//     lists by institution, theme, skill and registration, and every plan page shows
//     every action; with JavaScript: the directory's filters narrow the cards and
//     announce the count, and search finds a technician by name;
//   - every HTML page of the site, with its stylesheets and scripts, weighs under
//     100 KB (the heaviest is reported).
// --split-lists: a site built with a few cards to a page, so its long lists are split:
// the pages with a pagination navigation (first and later pages of the directory, a
// theme, a skill) get the checks above; the directory's filters and the sample's
// completeness checks, which assume one page, are left to the run without it.
// With --screenshots DIR: PNGs of home, a theme, an institution, a plan and a profile
// at both widths, the plan printed to PDF (A4, print stylesheet), and LABEL-report.json.
// Exit status 1 if anything failed, after printing every failure (rule, impact, target,
// page, width).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [375, 1280]; // a phone and a desktop: axe, keyboard, layout, screenshots
const REFLOW_WIDTH = 320; // CSS px: 1280px at 400% zoom, where content must reflow (WCAG 1.4.10)
const PAGE_WEIGHT_LIMIT = 100 * 1000; // bytes: the HTML + its stylesheets + its scripts
const SCREENSHOT_KINDS = new Set(['home', 'theme', 'institution', 'plan', 'profile', 'later page of a list']);
// Kinds whose pages differ most from one another (a plan's own columns, key and groups;
// an institution's logo and colour): every page of these is visited, not just one.
const EVERY_PAGE_KINDS = new Set(['plan', 'institution']);
const MAX_SCREENSHOT_HEIGHT = 7000; // px: enough to judge a page, small enough to look at
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// ---------------------------------------------------------------- arguments
function parseArgs(argv) {
  const opts = { screenshots: '', label: '', chromium: process.env.CHROMIUM || '/usr/bin/chromium', all: false, extraTags: [] };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--site') opts.site = value();
    else if (a === '--base-url') opts.baseUrl = value();
    else if (a === '--screenshots') opts.screenshots = value();
    else if (a === '--label') opts.label = value();
    else if (a === '--chromium') opts.chromium = value();
    else if (a === '--all') opts.all = true;
    else if (a === '--split-lists') opts.splitLists = true;
    else if (a === '--extra-tags') opts.extraTags = value().split(',').filter(Boolean);
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown argument ${a}`);
  }
  if (!opts.site || !opts.baseUrl) usage('--site and --base-url are required');
  return opts;
}

function usage(problem) {
  if (problem) console.error(`a11y.mjs: ${problem}`);
  console.error('usage: node a11y.mjs --site DIR --base-url URL [--screenshots DIR] [--label NAME] [--chromium PATH] [--all] [--extra-tags best-practice,...]');
  process.exit(problem ? 2 : 0);
}

// ---------------------------------------------------------------- the site on disk
function htmlFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) out.push(full);
    }
  };
  walk(root);
  return out;
}

// The site path of a file: "institutions/lmb/index.html" -> "institutions/lmb/".
function sitePath(root, file) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

// Every page's body class names its kind ("page-profile"); list and taxonomy pages
// share a kind, so those are told apart by their address.
function classify(root, basePath) {
  const byKind = new Map();
  const add = (kind, file) => {
    if (!byKind.has(kind)) byKind.set(kind, []);
    byKind.get(kind).push(file);
  };
  for (const file of htmlFiles(root)) {
    const html = fs.readFileSync(file, 'utf8');
    const m = /<body[^>]*class="[^"]*\bpage-([a-z0-9-]+)/.exec(html);
    const kind = m ? m[1] : '(no page- class)';
    const p = sitePath(root, file);
    const first = p.split('/')[0];
    if (/\/page\/\d+\/$/.test(p)) add('later page of a list', file);
    else if (kind === 'list') add(`${first} index`, file);
    else if (kind === 'terms') add(`${first} index`, file);
    else if (kind === 'term') add({ skills: 'skill', registrations: 'registration', talent: 'TALENT term' }[first] || `term (${first})`, file);
    else if (kind === 'page') add(p === 'about/' ? 'about page' : 'page', file);
    else add(kind, file);
  }
  return byKind;
}

// The kinds the brief asks for, in the order they are visited; each must exist.
const REQUIRED_KINDS = ['home', 'themes', 'theme', 'institutions', 'institution', 'plan', 'profile', 'case-study',
  'career-story', 'technicians index', 'case-studies index', 'career-stories index', 'plans index', 'skills index',
  'skill', 'registrations index', 'registration', 'talent index', 'TALENT term', 'about page', 'search', 'accessibility',
  '404'];

// With --split-lists: the pages that carry a pagination navigation.
const SPLIT_LIST_KINDS = ['technicians index', 'later page of a list', 'theme', 'skill'];

// One page of a kind: the one with the most HTML, as the most likely to show a problem
// (ties broken by name, so every run visits the same pages).
function representative(files) {
  return [...files].sort((a, b) => fs.statSync(b).size - fs.statSync(a).size || a.localeCompare(b))[0];
}

// ---------------------------------------------------------------- page weight
function pageWeights(root, basePath) {
  const cache = new Map();
  const sizeOf = (url) => {
    if (!url.startsWith(basePath) || url.startsWith('//')) return 0; // outside the site: another check's business
    const rel = decodeURIComponent(url.slice(basePath.length).split(/[?#]/)[0]);
    const file = path.join(root, rel);
    if (!cache.has(file)) cache.set(file, fs.existsSync(file) && fs.statSync(file).isFile() ? fs.statSync(file).size : 0);
    return cache.get(file);
  };
  const weights = [];
  for (const file of htmlFiles(root)) {
    const html = fs.readFileSync(file, 'utf8');
    let css = 0, js = 0;
    for (const m of html.matchAll(/<link\b[^>]*>/g)) {
      if (!/\brel="?stylesheet/.test(m[0])) continue;
      const href = /\bhref="([^"]+)"/.exec(m[0]);
      if (href) css += sizeOf(new URL(href[1], 'http://x' + basePath).pathname);
    }
    for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) js += sizeOf(new URL(m[1], 'http://x' + basePath).pathname);
    const bytes = Buffer.byteLength(html);
    weights.push({ page: sitePath(root, file) || '(home)', html: bytes, css, js, total: bytes + css + js });
  }
  return weights.sort((a, b) => b.total - a.total);
}

// ---------------------------------------------------------------- a static server of our own
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp',
  '.xml': 'application/xml', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.ico': 'image/x-icon' };

function serve(root, basePath) {
  const realRoot = fs.realpathSync(root);
  const server = http.createServer((req, res) => {
    const send = (status, file, headers = {}) => {
      res.writeHead(status, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', ...headers });
      fs.createReadStream(file).pipe(res);
    };
    const notFound = () => {
      const page = path.join(realRoot, '404.html');
      if (fs.existsSync(page)) send(404, page);
      else { res.writeHead(404); res.end('not found'); }
    };
    let urlPath;
    try { urlPath = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname); } catch { return notFound(); }
    if (!urlPath.startsWith(basePath)) return notFound();
    let file = path.resolve(realRoot, '.' + path.posix.normalize('/' + urlPath.slice(basePath.length)));
    if (file !== realRoot && !file.startsWith(realRoot + path.sep)) return notFound();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!urlPath.endsWith('/')) { res.writeHead(301, { Location: urlPath + '/' }); return res.end(); }
      file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return notFound();
    send(200, file);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ---------------------------------------------------------------- checks in the page
async function runAxe(page, tags) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return {
      violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, tags: v.tags,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })) })),
      incomplete: r.incomplete.length,
    };
  }, tags);
}

// The keyboard, from the top of a freshly loaded page (Tab goes on from wherever focus
// last was, so this runs first). The first Tab stop must be a skip link, visible when
// focused; every one of the first `stops` stops must look different focused and keep its
// text readable on the focus background; Enter on the skip link must move focus to <main>.
async function checkKeyboard(page, stops = 10) {
  const problems = [];
  let skip = null;
  for (let i = 0; i < stops; ++i) {
    await page.keyboard.press('Tab');
    const r = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const look = () => {
        const s = getComputedStyle(el);
        return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
          s.textDecorationLine, s.borderColor].join('|');
      };
      // While focused, the text must stay readable on the focus background (4.5:1).
      const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
      const fs = getComputedStyle(el);
      const bg = rgb(fs.backgroundColor);
      let textContrast = null;
      if (bg.length === 3 || (bg.length === 4 && bg[3] === 1)) {
        const [a, b] = [lum(rgb(fs.color)), lum(bg)].sort((x, y) => y - x);
        textContrast = (a + 0.05) / (b + 0.05);
      }
      const focused = look();
      const rect = el.getBoundingClientRect();
      el.blur();
      const unfocused = look();
      el.focus({ preventScroll: true });
      const text = (el.textContent || '').trim();
      return { tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), text,
        who: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${text.slice(0, 40)}"`,
        changes: focused !== unfocused, textContrast,
        inView: rect.width > 1 && rect.height > 1 && rect.right > 0 && rect.bottom > 0 && rect.left < innerWidth && rect.top < innerHeight };
    });
    if (!r) {
      if (i === 0) problems.push('Tab from the top of the page focuses nothing');
      break;
    }
    if (i === 0) {
      if (r.tag !== 'a' || !r.href || !r.href.startsWith('#')) {
        problems.push(`the first thing Tab reaches is not a skip link but ${r.who}`);
      } else {
        skip = r;
        if (!r.inView) problems.push(`the skip link "${r.text}" is not visible when focused`);
      }
    } else if (!r.inView) problems.push(`focused ${r.who} is hidden or scrolled out of view`);
    if (!r.changes) problems.push(`no visible focus indicator on ${r.who}`);
    if (r.textContrast !== null && r.textContrast < 4.5 && r.text)
      problems.push(`focused ${r.who}: text contrast ${r.textContrast.toFixed(2)}:1 on the focus background (want 4.5:1)`);
  }
  if (skip) {
    await page.locator(`a[href="${skip.href}"]`).first().focus();
    await page.keyboard.press('Enter');
    const landed = await page.evaluate(() => {
      const el = document.activeElement;
      const main = document.querySelector('main');
      return { isMain: !!main && (el === main || main.contains(el)), tag: el ? el.tagName.toLowerCase() : 'nothing',
        id: el ? el.id : '' };
    });
    if (!landed.isMain) problems.push(`the skip link (${skip.href}) moves focus to <${landed.tag}${landed.id ? '#' + landed.id : ''}>, not to <main>`);
  }
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  return problems;
}

async function checkLayout(page, width) {
  return page.evaluate((width) => {
    const problems = [];
    const h1s = document.querySelectorAll('h1');
    if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements (want exactly one)`);
    if (!document.querySelector('main')) problems.push('no <main> landmark');
    const sw = document.documentElement.scrollWidth;
    if (sw > width) {
      // Name the widest culprits, to make the failure easy to fix.
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5 && getComputedStyle(el).position !== 'absolute')
        .filter((el) => ![...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}${el.getAttribute('class') ? '.' + el.getAttribute('class').trim().split(/\s+/).join('.') : ''} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`);
      problems.push(`horizontal scroll: scrollWidth ${sw}px > ${width}px; widest: ${wide.join(', ')}`);
    }
    return problems;
  }, width);
}

// Keyboard only, on one page: Tab from the top must reach every link in document order,
// each with a visible focus indicator and scrolled into view; Shift+Tab must walk back.
async function checkEveryLinkByKeyboard(page) {
  const problems = [];
  const links = await page.evaluate(() => {
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const all = [...document.querySelectorAll('a[href]')].filter(shown);
    all.forEach((el, i) => el.setAttribute('data-kbd', String(i)));
    return all.map((el) => `${(el.textContent || '').trim().slice(0, 40)} (${el.getAttribute('href')})`);
  });
  const stop = () => page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const look = () => {
      const st = getComputedStyle(el);
      return [st.outlineStyle, st.outlineWidth, st.outlineColor, st.boxShadow, st.backgroundColor, st.color,
        st.textDecorationLine].join('|');
    };
    const focused = look();
    const r = el.getBoundingClientRect();
    el.blur();
    const unfocused = look();
    el.focus({ preventScroll: true });
    return { index: el.hasAttribute('data-kbd') ? Number(el.getAttribute('data-kbd')) : -1,
      who: `${el.tagName.toLowerCase()} "${(el.textContent || '').trim().slice(0, 40)}"`, visible: focused !== unfocused,
      inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth };
  });
  const reached = [];
  for (let i = 0; i < links.length + 10; ++i) {
    await page.keyboard.press('Tab');
    const r = await stop();
    if (!r) break;
    if (r.index < 0) continue; // a form control or the like: allowed between links
    if (reached.length && r.index <= reached[reached.length - 1]) break; // wrapped round to the top
    if (!r.visible) problems.push(`no visible focus on ${r.who}`);
    if (!r.inView) problems.push(`focused ${r.who} is not scrolled into view`);
    reached.push(r.index);
  }
  const expected = links.map((_, i) => i);
  if (reached.join() !== expected.join()) {
    const firstWrong = expected.findIndex((e, i) => reached[i] !== e);
    problems.push(`Tab reached ${reached.length} of ${links.length} links; first out of order or missed: ` +
      `${links[firstWrong]} (stop ${firstWrong + 1})`);
    return problems;
  }
  const back = [];
  await page.focus(`[data-kbd="${links.length - 1}"]`);
  for (let i = 0; i < links.length - 1; ++i) {
    await page.keyboard.press('Shift+Tab');
    const r = await stop();
    if (r && r.index >= 0) back.push(r.index);
  }
  if (back.join() !== expected.slice(0, -1).reverse().join()) problems.push('Shift+Tab does not walk back through the links in reverse order');
  console.log(`keyboard: Tab reached all ${links.length} links of the page in order, each visibly focused`);
  return problems;
}

// Without JavaScript nothing may be missing: every technician in the directory, with
// the plain lists that stand in for the filters, and every action of every plan.
async function checkNothingNeedsJavaScript(page, url, kind, expectedCards) {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(({ kind, expectedCards }) => {
    const shown = (el) => el.getClientRects().length > 0;
    const problems = [];
    if (kind === 'directory') {
      const cards = [...document.querySelectorAll('main .card')];
      const visible = cards.filter(shown).length;
      if (visible !== expectedCards) problems.push(`${visible} technicians shown, ${expectedCards} on the site`);
      const browse = [...document.querySelectorAll('#browse-heading ~ * a')].filter(shown).length;
      if (browse === 0) problems.push('no lists by institution, theme, skill and registration');
    } else {
      const actions = [...document.querySelectorAll('main .action')];
      const hidden = actions.filter((a) => !shown(a));
      if (actions.length === 0) problems.push('no actions on the page');
      if (hidden.length) problems.push(`${hidden.length} of ${actions.length} actions hidden, e.g. #${hidden[0].id}`);
    }
    return problems;
  }, { kind, expectedCards });
}

// With JavaScript, the enhancements work: a filter narrows the directory and says how
// many are left; search finds a technician by name.
async function checkEnhancements(page, origin, basePath, profileName) {
  const problems = [];
  await page.goto(origin + basePath + 'technicians/', { waitUntil: 'load' });
  if (!(await page.locator('#directory-filter').isVisible())) problems.push('directory: the filter form does not appear');
  else {
    const option = await page.evaluate(() => {
      const o = document.querySelector('#filter-institution option[value]:not([value=""])');
      return o ? { value: o.value, count: Number((/\((\d+)\)\s*$/.exec(o.textContent) || [])[1]) } : null;
    });
    const total = await page.locator('main .card').count();
    await page.selectOption('#filter-institution', option.value);
    const visible = await page.locator('main .card:visible').count();
    const said = await page.locator('#filter-count').innerText();
    if (visible !== option.count) problems.push(`directory: filtering by ${option.value} shows ${visible} cards, want ${option.count}`);
    if (said !== `Showing ${option.count} of ${total} technicians`) problems.push(`directory: the status says "${said}"`);
    await page.click('#directory-filter button[type="reset"]');
    await page.waitForFunction((n) => document.querySelectorAll('main .card:not([hidden])').length === n, total);
  }
  await page.goto(origin + basePath + 'search/?q=' + encodeURIComponent(profileName), { waitUntil: 'load' });
  try {
    await page.waitForSelector('#search-results li a', { timeout: 5000 });
    const first = (await page.locator('#search-results li a').first().innerText()).trim();
    if (first !== profileName) problems.push(`search: "${profileName}" finds "${first}" first`);
    if (await page.locator('#search-nojs').isVisible()) problems.push('search: the no-JavaScript note still shows');
    const said = await page.locator('#search-status').innerText();
    if (!/\d+ results? for/.test(said)) problems.push(`search: the status says "${said}"`);
  } catch {
    problems.push(`search: no results for "${profileName}"`);
  }
  return problems;
}

// ---------------------------------------------------------------- main
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const root = path.resolve(opts.site);
  const base = new URL(opts.baseUrl);
  const basePath = base.pathname.endsWith('/') ? base.pathname : base.pathname + '/';
  const label = opts.label ? `[${opts.label}] ` : '';
  const failures = [];
  const fail = (msg) => { failures.push(msg); console.log(`FAIL ${label}${msg}`); };

  // Page weight, for every page.
  const weights = pageWeights(root, basePath);
  const heavy = weights.filter((w) => w.total > PAGE_WEIGHT_LIMIT);
  const top = weights[0];
  console.log(`${label}page weight: ${weights.length} pages; largest ${top.page} = ${top.total} bytes ` +
    `(HTML ${top.html} + CSS ${top.css} + JS ${top.js}); limit ${PAGE_WEIGHT_LIMIT} bytes`);
  for (const w of heavy) fail(`page weight: ${w.page} is ${w.total} bytes (HTML ${w.html} + CSS ${w.css} + JS ${w.js}) > ${PAGE_WEIGHT_LIMIT}`);

  // Which pages to visit.
  const byKind = classify(root, basePath);
  const visits = [];
  const required = opts.splitLists ? SPLIT_LIST_KINDS : REQUIRED_KINDS;
  for (const kind of required) {
    if (kind === '404') { visits.push({ kind, path: 'no-such-page/', expectStatus: 404, representative: true }); continue; }
    const files = byKind.get(kind);
    if (!files) { fail(`no page of kind "${kind}" in ${root}`); continue; }
    const first = representative(files);
    const chosen = opts.all || EVERY_PAGE_KINDS.has(kind) ? [first, ...files.filter((f) => f !== first)] : [first];
    for (const f of chosen) visits.push({ kind, path: sitePath(root, f), expectStatus: 200, representative: f === first });
  }
  if (opts.all) {
    for (const [kind, files] of byKind)
      if (!required.includes(kind)) for (const f of files) visits.push({ kind, path: sitePath(root, f), expectStatus: 200 });
  }

  if (opts.screenshots) fs.mkdirSync(opts.screenshots, { recursive: true });
  const server = await serve(root, basePath);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: opts.chromium, args: CHROMIUM_ARGS, headless: true });
  const summary = []; // per kind and width: violations found
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1,
        reducedMotion: 'reduce' });
      const page = await context.newPage();
      for (const v of visits) {
        const url = origin + basePath + v.path;
        const where = `${v.kind} ${basePath}${v.path} @${width}px`;
        const response = await page.goto(url, { waitUntil: 'load' });
        if (!response || response.status() !== v.expectStatus) {
          fail(`${where}: HTTP ${response ? response.status() : 'no response'}, expected ${v.expectStatus}`);
        }
        for (const p of await checkKeyboard(page)) fail(`${where}: ${p}`);
        const axe = await runAxe(page, [...AXE_TAGS, ...opts.extraTags]);
        let count = 0;
        for (const viol of axe.violations) {
          for (const n of viol.nodes) {
            ++count;
            fail(`axe ${viol.id} (${viol.impact}) page=${basePath}${v.path} kind=${v.kind} width=${width} target=${n.target}: ${viol.help}`);
          }
        }
        summary.push({ kind: v.kind, page: basePath + v.path, width, violations: count, rules: axe.violations.map((x) => x.id),
          needsReview: axe.incomplete });
        for (const p of await checkLayout(page, width)) fail(`${where}: ${p}`);
        if (opts.screenshots && SCREENSHOT_KINDS.has(v.kind) && v.representative) {
          await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          const file = path.join(opts.screenshots, `${opts.label ? opts.label + '-' : ''}${v.kind}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true,
            clip: { x: 0, y: 0, width, height: Math.min(height, MAX_SCREENSHOT_HEIGHT) } });
          console.log(`${label}screenshot ${file}`);
        }
        if (opts.screenshots && v.kind === 'plan' && width === WIDTHS[0] && v.representative) {
          const file = path.join(opts.screenshots, `${opts.label ? opts.label + '-' : ''}plan-print.pdf`);
          await page.emulateMedia({ media: 'print' });
          await page.pdf({ path: file, format: 'A4', printBackground: false });
          await page.emulateMedia({ media: 'screen' });
          console.log(`${label}printed ${file}`);
        }
      }
      await context.close();
    }

    // Reflow: at 320 CSS px nothing scrolls sideways.
    const narrow = await browser.newContext({ viewport: { width: REFLOW_WIDTH, height: 900 }, deviceScaleFactor: 1 });
    const narrowPage = await narrow.newPage();
    for (const v of visits) {
      await narrowPage.goto(origin + basePath + v.path, { waitUntil: 'load' });
      for (const p of await checkLayout(narrowPage, REFLOW_WIDTH)) fail(`${v.kind} ${basePath}${v.path} @${REFLOW_WIDTH}px: ${p}`);
    }
    await narrow.close();

    // Keyboard only: every link of the home page, in order.
    const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const deskPage = await desk.newPage();
    await deskPage.goto(origin + basePath, { waitUntil: 'load' });
    for (const p of await checkEveryLinkByKeyboard(deskPage)) fail(`keyboard on the home page: ${p}`);
    // With JavaScript: the directory's filters and search.
    const profiles = byKind.get('profile') || [];
    const profileName = profiles.length ? /<h1>([^<]+)<\/h1>/.exec(fs.readFileSync(profiles[0], 'utf8'))?.[1] || '' : '';
    if (!opts.splitLists)
      for (const p of await checkEnhancements(deskPage, origin, basePath, profileName)) fail(`with JavaScript: ${p}`);
    await desk.close();

    // Without JavaScript: the same pages still have their heading and content, and the
    // directory and every plan show everything.
    const noJs = await browser.newContext({ viewport: { width: 375, height: 900 }, javaScriptEnabled: false });
    const page = await noJs.newPage();
    for (const v of visits) {
      await page.goto(origin + basePath + v.path, { waitUntil: 'load' });
      const h1 = await page.locator('h1').count();
      const text = (await page.locator('main').innerText()).trim().length;
      if (h1 !== 1 || text < 20) fail(`${v.kind} ${basePath}${v.path} without JavaScript: ${h1} h1, ${text} characters in <main>`);
    }
    const noJsPages = opts.splitLists ? [] : [{ kind: 'directory', path: 'technicians/' },
      ...(byKind.get('plan') || []).map((f) => ({ kind: 'plan', path: sitePath(root, f) }))];
    for (const v of noJsPages)
      for (const p of await checkNothingNeedsJavaScript(page, origin + basePath + v.path, v.kind, profiles.length))
        fail(`${v.kind} ${basePath}${v.path} without JavaScript: ${p}`);
    if (noJsPages.length) console.log(`${label}without JavaScript: the directory and ${noJsPages.length - 1} plans checked`);
    await noJs.close();
  } finally {
    await browser.close();
    server.close();
  }

  console.log(`\n${label}axe-core (${AXE_TAGS.join(', ')}): violations (nodes) per page kind`);
  console.log(['kind'.padEnd(22), ...WIDTHS.map((w) => `${w}px`.padStart(7)), '  page'].join(' '));
  const kinds = [...new Set(summary.map((s) => s.kind))];
  for (const kind of kinds) {
    const rows = summary.filter((s) => s.kind === kind);
    const cells = WIDTHS.map((w) => String(rows.filter((r) => r.width === w).reduce((n, r) => n + r.violations, 0)).padStart(7));
    const pages = rows.length / WIDTHS.length;
    console.log([kind.padEnd(22), ...cells, ' ', rows[0].page + (pages > 1 ? ` (and ${pages - 1} more)` : '')].join(' '));
  }
  if (opts.screenshots) {
    fs.writeFileSync(path.join(opts.screenshots, `${opts.label ? opts.label + '-' : ''}report.json`),
      JSON.stringify({ label: opts.label, tags: AXE_TAGS, visits: summary, heaviest: weights.slice(0, 5), failures }, null, 2) + '\n');
  }
  console.log(`${label}${visits.length} pages x ${WIDTHS.length} widths (and reflow at ${REFLOW_WIDTH}px), ${weights.length} pages weighed: ${failures.length ? failures.length + ' problems (above)' : 'no problems'}`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
