/**
 * Opens the main job's `report.html` in a real browser (Debian's Chromium through
 * playwright-core), checks that every picture renders with a non-empty box and that the page logs
 * no errors, and saves a screenshot next to the report.
 */
import { existsSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { describe, expect, it } from "vitest"
import { defaultModelText } from "../../src/app/model.ts"
import { runPipeline } from "../../src/app/pipeline.ts"
import { makeProgress } from "../../src/cli/Progress.ts"

const chromium = "/usr/bin/chromium"
const hasChromium = existsSync(chromium)
if (!hasChromium) console.warn(`browser test skipped: ${chromium} is missing (apt-get install chromium; .ci/run installs it)`)

describe.skipIf(!hasChromium)("report in a real browser", () => {
  it("renders every SVG picture with a non-empty box and no console errors", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "catcluster-report-"))
    await runPipeline([{ file: "default-cluster.yaml", text: defaultModelText() }], {
      outDir,
      seed: 1,
      progress: makeProgress({ quiet: true }),
    })
    const { chromium: launcher } = await import("playwright-core")
    const browser = await launcher.launch({
      executablePath: chromium,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    })
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
      const errors: string[] = []
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text())
      })
      page.on("pageerror", (e) => errors.push(e.message))
      await page.goto(pathToFileURL(join(outDir, "report.html")).href)
      const boxes = await page.$$eval("figure svg", (svgs) => svgs.map((s) => { const r = s.getBoundingClientRect(); return { w: r.width, h: r.height, marks: s.querySelectorAll("path,rect,circle,text,line,polygon").length } }))
      expect(boxes.length).toBeGreaterThan(0)
      for (const b of boxes) {
        expect(b.w).toBeGreaterThan(50)
        expect(b.h).toBeGreaterThan(50)
        expect(b.marks).toBeGreaterThan(3)
      }
      expect(errors).toEqual([])
      const shot = join(outDir, "report.png")
      await page.screenshot({ path: shot, fullPage: true })
      expect(existsSync(shot)).toBe(true)
      console.log(`browser test: ${boxes.length} pictures rendered; screenshot ${shot}`)
    } finally {
      await browser.close()
    }
  })
})
