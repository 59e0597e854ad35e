#!/usr/bin/env bash
# The step-4 web page in a real browser: headless Chromium (Debian's), driven by
# playwright-core (npm). It opens `/`, signs a user up, publishes an article with the page's
# own form, checks that the article is listed, reloads and checks again; then it keeps a
# screenshot, target/browser-step4/page.png. Each step has a deadline (STEP_SECONDS, 10 s)
# and a failure names the step a user would have seen fail.
#
#   ci/browser-step4.sh          # against the reference, built and started here
#   ci/browser-step4.sh URL      # against a server already running at URL
#
# Needs chromium and playwright-core: `bash ci/install.sh browser` installs them (CI's
# `bash ci/install.sh` does too); this script runs it when either is missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$root/target/browser-step4"
mkdir -p "$work"

if ! command -v chromium >/dev/null || [ ! -d "$work/node_modules/playwright-core" ]; then
    bash ci/install.sh browser
fi

url="${1:-}"
if [ -z "$url" ]; then
    cargo build --quiet -p solution-step-4 --bin solution-step-4
    data="$(mktemp -d)"
    out="$data.out"
    PORT=0 DATA_DIR="$data" JWT_SECRET=browser-test-secret-browser-test-secret RUST_LOG=warn \
        "$root/target/debug/solution-step-4" >"$out" 2>"$out.err" &
    server=$!
    trap 'kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data" "$out" "$out.err"' EXIT
    for _ in $(seq 100); do grep -q '^listening on ' "$out" && break; sleep 0.1; done
    url="$(sed -n 's/^listening on //p' "$out")"
    [ -n "$url" ] || { echo "browser: the reference did not start:" >&2; cat "$out.err" >&2; exit 1; }
fi

cat >"$work/page-test.js" <<'JS'
// Drives the page like a user would; exits non-zero naming the step that failed.
const { chromium } = require("playwright-core");
const [url, screenshot, stepSeconds] = process.argv.slice(2);
const timeout = 1000 * Number(stepSeconds);
const slug = "posted-from-a-browser";
const listed = `#articles article[data-slug="${slug}"]`;

(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(timeout);
  const problems = [];
  page.on("pageerror", (error) => problems.push("page error: " + error.message));
  page.on("console", (message) => message.type() === "error" && problems.push("console: " + message.text()));
  // What the page said last (its status line): often the reason a step failed.
  const status = () => page.textContent("#status", { timeout: 1000 }).catch(() => null);
  let current = "starting";
  const step = async (what, action) => {
    current = what;
    await action();
  };
  try {
    await step(`open ${url}/ and see the article list`, async () => {
      await page.goto(url + "/");
      await page.waitForSelector("#articles .meta, #articles article");
    });
    await step("sign up as `browser` with the sign-up button", async () => {
      await page.fill("#login-form [name=username]", "browser");
      await page.fill("#login-form [name=email]", "browser@example.com");
      await page.fill("#login-form [name=password]", "a browser's password");
      await page.click("#register-button");
      await page.waitForSelector("#signed-in:not([hidden])");
      const who = await page.textContent("#username");
      if (who !== "browser") throw new Error("the page says it is signed in as " + JSON.stringify(who));
    });
    await step(`publish an article with the form, and see it listed (article[data-slug="${slug}"])`,
      async () => {
        await page.fill("#article-form [name=title]", "Posted from a browser");
        await page.fill("#article-form [name=description]", "The page uses only the public API");
        await page.fill("#article-form [name=body]", "Hello from headless Chromium.");
        await page.fill("#article-form [name=tags]", "browser, e2e");
        await page.click("#publish-button");
        await page.waitForSelector(listed);
      });
    await step("reload: still signed in (the token is kept), the article still listed", async () => {
      await page.reload();
      await page.waitForSelector(listed);
      await page.waitForSelector("#signed-in:not([hidden])");
    });
    await page.screenshot({ path: screenshot, fullPage: true });
    if (problems.length) {
      current = "the whole visit, without errors in the page's console";
      throw new Error(problems.join("\n"));
    }
    console.log("browser: signed up, published, listed, reloaded; screenshot " + screenshot);
  } catch (error) {
    const said = await status();
    await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
    console.error([
      "browser: FAILED at step: " + current,
      "  what happened: " + error.message.split("\n")[0],
      "  the page's status line: " + (said ? JSON.stringify(said) : "(empty)"),
      ...problems.map((problem) => "  " + problem),
      "  screenshot of the page as it was: " + screenshot,
    ].join("\n"));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
JS
(cd "$work" && node page-test.js "$url" "$work/page.png" "${STEP_SECONDS:-10}")
