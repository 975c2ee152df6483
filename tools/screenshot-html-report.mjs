// Opens an HTML report in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) with every
// network request refused, and saves PNG screenshots of the page and of chosen sections, so a person can look at
// what a reader sees. Run through tools/screenshot-html-report.sh, which installs playwright-core and builds the report.
//
//   node tools/screenshot-html-report.mjs REPORT.html OUT_DIR
//
// Exits 1 when the page asked for anything outside the file (a CDN script, a remote font or image), raised a
// script error, or opened a dialog (what an injected alert() would do).
import { createRequire } from "node:module";
import path from "node:path";

const [report, outDir] = process.argv.slice(2);
const require = createRequire(path.resolve(outDir, "..", "browser", "package.json"));
const { chromium } = require("playwright-core");
const problems = [];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
const url = "file://" + path.resolve(report);

async function open(options) {
  const page = await browser.newPage(options);
  await page.route("**/*", (route) => {
    if (route.request().url() === url) { return route.continue(); }
    problems.push("requested " + route.request().url());
    return route.abort();
  });
  page.on("pageerror", (e) => problems.push("script error: " + e.message));
  page.on("dialog", (d) => { problems.push("dialog opened: " + d.message()); d.dismiss(); });
  await page.goto(url);
  return page;
}

const base = path.join(outDir, path.basename(report, ".html"));
const wide = await open({ viewport: { width: 1440, height: 1000 } });
await wide.screenshot({ path: base + "-top.png" });
for (const id of ["findings", "data-flow", "sub-processor-annex"]) {
  const heading = wide.locator("#" + id);
  if (await heading.count() === 0) { continue; }
  await heading.scrollIntoViewIfNeeded();
  await wide.evaluate((h) => window.scrollTo(0, document.getElementById(h).offsetTop - 10), id);
  await wide.screenshot({ path: base + "-" + id + ".png" });
}
const diagram = wide.locator("svg.dataflow");
if (await diagram.count() > 0) { await diagram.screenshot({ path: base + "-diagram.png" }); }

// Sorting and filtering: sort the findings by severity, filter to "sentry".
const findings = wide.locator("#findings ~ table.data").first();
if (await findings.count() > 0) {
  await findings.locator("th button.sort").first().click();
  await findings.evaluate((t) => t.previousElementSibling.querySelector("input").value = "");
  const filter = findings.locator("xpath=preceding-sibling::div[@class='filterbar'][1]//input");
  await filter.fill("sentry");
  await wide.evaluate(() => window.scrollTo(0, document.getElementById("findings").offsetTop - 10));
  await wide.screenshot({ path: base + "-findings-filtered.png" });
}

const narrow = await open({ viewport: { width: 760, height: 1000 } });
await narrow.screenshot({ path: base + "-narrow.png" });
const noScript = await open({ viewport: { width: 1440, height: 1000 }, javaScriptEnabled: false });
await noScript.evaluate === undefined;
await noScript.screenshot({ path: base + "-noscript.png" });

await browser.close();
for (const p of problems) { console.error(p); }
console.log("screenshots in " + outDir + (problems.length ? "; " + problems.length + " problem(s)" : "; no network request, script error or dialog"));
process.exit(problems.length ? 1 : 0);
