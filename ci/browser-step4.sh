#!/usr/bin/env bash
# The step-4 web page in a real browser: headless Chromium (Debian's), driven by
# playwright-core (npm), against the reference. It opens `/`, signs a user up, publishes an
# article with the page's own form, and checks that the article shows in the list; then it
# keeps a screenshot, target/browser-step4/page.png.
#
#   ci/browser-step4.sh
#
# Installs chromium (apt) and playwright-core (npm, into target/browser-step4) when missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$root/target/browser-step4"
mkdir -p "$work"

if ! command -v chromium >/dev/null; then
    echo "browser: installing chromium (Debian)"
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d "$work/node_modules/playwright-core" ]; then
    echo "browser: installing playwright-core (npm)"
    (cd "$work" && npm install --silent --no-audit --no-fund playwright-core@1 >/dev/null)
fi

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

cat >"$work/page-test.js" <<'JS'
// Drives the page like a user would; exits non-zero with what went wrong.
const { chromium } = require("playwright-core");
const [url, screenshot] = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push("page error: " + error.message));
  page.on("console", (message) => message.type() === "error" && problems.push("console: " + message.text()));
  try {
    await page.goto(url + "/");
    await page.waitForSelector("#articles .meta, #articles article");
    await page.fill("#login-form [name=username]", "browser");
    await page.fill("#login-form [name=email]", "browser@example.com");
    await page.fill("#login-form [name=password]", "a browser's password");
    await page.click("#register-button");
    await page.waitForSelector("#signed-in:not([hidden])");
    const who = await page.textContent("#username");
    if (who !== "browser") throw new Error("signed in as " + JSON.stringify(who));
    await page.fill("#article-form [name=title]", "Posted from a browser");
    await page.fill("#article-form [name=description]", "The page uses only the public API");
    await page.fill("#article-form [name=body]", "Hello from headless Chromium.");
    await page.fill("#article-form [name=tags]", "browser, e2e");
    await page.click("#publish-button");
    await page.waitForSelector('#articles article[data-slug="posted-from-a-browser"]');
    // The page's state survives a reload: the token is kept, the article is listed.
    await page.reload();
    await page.waitForSelector('#articles article[data-slug="posted-from-a-browser"]');
    await page.waitForSelector("#signed-in:not([hidden])");
    await page.screenshot({ path: screenshot, fullPage: true });
    if (problems.length) throw new Error(problems.join("\n"));
    console.log("browser: signed up, published, listed; screenshot " + screenshot);
  } catch (error) {
    await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
    console.error("browser: " + error.message + (problems.length ? "\n" + problems.join("\n") : ""));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
JS
(cd "$work" && node page-test.js "$url" "$work/page.png")
