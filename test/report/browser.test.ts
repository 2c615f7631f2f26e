/**
 * Opens the main job's `report.html` in a real browser (Debian's Chromium through
 * playwright-core) as a 390-px phone and a 1440-px laptop, and checks what a reader sees: the
 * page has a viewport, nothing runs off the right edge (wide pictures and tables scroll inside
 * their own box), every SVG text is drawn at 10 px or more, every picture has a box and marks, and
 * the page logs no errors. Both screenshots are saved as `out/report-390.png` and
 * `out/report-1440.png` (CI keeps `out/` as artifacts).
 */
import { existsSync, mkdirSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { defaultModelText } from "../../src/app/model.ts"
import { runPipeline } from "../../src/app/pipeline.ts"
import { makeProgress } from "../../src/cli/Progress.ts"
import { MIN_SVG_TEXT_PX } from "../../src/report/Html.ts"

const chromium = "/usr/bin/chromium"
const hasChromium = existsSync(chromium)
if (!hasChromium) console.warn(`browser test skipped: ${chromium} is missing (apt-get install chromium; .ci/run installs it)`)

const artifacts = resolve("out")

type Browser = Awaited<ReturnType<(typeof import("playwright-core"))["chromium"]["launch"]>>

/** What the page measures of itself (run in the browser). */
interface Measured {
  readonly viewportMeta: string | null
  readonly clientWidth: number
  readonly scrollWidth: number
  /** Elements past the right (or left) edge that no scroll box holds. */
  readonly overflowing: ReadonlyArray<string>
  readonly texts: number
  /** SVG texts drawn below the bound: their font size in CSS px and content. */
  readonly small: ReadonlyArray<{ readonly px: number; readonly text: string }>
  readonly pictures: ReadonlyArray<{ readonly w: number; readonly h: number; readonly marks: number }>
}

// The DOM as far as `measure` uses it: it runs in the browser, and the project's types have no DOM.
interface Box { readonly left: number; readonly right: number; readonly width: number; readonly height: number }
interface Matrix { readonly a: number; readonly b: number; readonly c: number; readonly d: number }
interface Element {
  readonly tagName: string
  readonly id: string
  readonly className: unknown
  readonly parentElement: Element | null
  readonly textContent: string | null
  getBoundingClientRect(): Box
  getAttribute(name: string): string | null
  querySelectorAll(selector: string): ArrayLike<Element> & Iterable<Element>
  getScreenCTM?(): Matrix | null
}
declare const document: { readonly documentElement: Element & { readonly clientWidth: number; readonly scrollWidth: number }; readonly body: Element; querySelector(s: string): Element | null; querySelectorAll(s: string): ArrayLike<Element> & Iterable<Element> }
declare const getComputedStyle: (e: Element) => { readonly overflowX: string; readonly fontSize: string; readonly display: string }

const measure = (minText: number): Measured => {
  const root = document.documentElement
  const width = root.clientWidth
  const describe = (e: Element) => `${e.tagName.toLowerCase()}${e.id === "" ? "" : `#${e.id}`}${typeof e.className === "string" && e.className !== "" ? `.${e.className.split(" ").join(".")}` : ""}`
  // an element inside a box that scrolls (or clips) horizontally is the box's business, as long
  // as the box itself stays within the page
  const scrolled = (e: Element): boolean => {
    for (let p = e.parentElement; p !== null && p !== document.body; p = p.parentElement) {
      if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(p).overflowX)) return true
    }
    return false
  }
  const overflowing: string[] = []
  for (const e of document.body.querySelectorAll("*")) {
    const r = e.getBoundingClientRect()
    if (r.width === 0 && r.height === 0) continue
    if ((r.right > width + 0.5 || r.left < -0.5) && !scrolled(e)) overflowing.push(`${describe(e)} [${r.left.toFixed(0)}, ${r.right.toFixed(0)}]`)
  }
  const small: Array<{ px: number; text: string }> = []
  const texts = [...document.querySelectorAll("svg text")]
  for (const t of texts) {
    if (t.textContent === null || t.textContent.trim() === "") continue
    const m = t.getScreenCTM?.() ?? null
    const scale = m === null ? 1 : Math.sqrt(Math.abs(m.a * m.d - m.b * m.c))
    const px = parseFloat(getComputedStyle(t).fontSize) * scale
    if (px < minText - 0.01) small.push({ px: Math.round(px * 100) / 100, text: t.textContent.slice(0, 40) })
  }
  const pictures = [...document.querySelectorAll("figure svg")].map((s) => {
    const r = s.getBoundingClientRect()
    return { w: r.width, h: r.height, marks: s.querySelectorAll("path,rect,circle,text,line,polygon").length }
  })
  return {
    viewportMeta: document.querySelector('meta[name="viewport"]')?.getAttribute("content") ?? null,
    clientWidth: width,
    scrollWidth: root.scrollWidth,
    overflowing: overflowing.slice(0, 20),
    texts: texts.length,
    small: small.slice(0, 20),
    pictures,
  }
}

describe.skipIf(!hasChromium)("report in a real browser", () => {
  let browser: Browser
  let report: string

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), "catcluster-report-"))
    await runPipeline([{ file: "default-cluster.yaml", text: defaultModelText() }], { outDir, seed: 1, progress: makeProgress({ quiet: true }) })
    report = pathToFileURL(join(outDir, "report.html")).href
    mkdirSync(artifacts, { recursive: true })
    const { chromium: launcher } = await import("playwright-core")
    browser = await launcher.launch({
      executablePath: chromium,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
  })

  // the phone is a mobile viewport, so a page without a viewport meta would lay out at 980 px
  for (const device of [
    { width: 390, height: 844, isMobile: true, hasTouch: true },
    { width: 1440, height: 900, isMobile: false, hasTouch: false },
  ]) {
    it(`reads at ${device.width} px: viewport, nothing off the right edge, SVG text ≥ ${MIN_SVG_TEXT_PX} px, every picture drawn`, async () => {
      const context = await browser.newContext({ viewport: { width: device.width, height: device.height }, isMobile: device.isMobile, hasTouch: device.hasTouch })
      try {
        const page = await context.newPage()
        const errors: string[] = []
        page.on("console", (m) => {
          if (m.type() === "error") errors.push(m.text())
        })
        page.on("pageerror", (e) => errors.push(e.message))
        await page.goto(report)
        const m = await page.evaluate(measure, MIN_SVG_TEXT_PX)
        const shot = join(artifacts, `report-${device.width}.png`)
        // saved before the checks, so a failing run leaves the picture of what failed
        await page.screenshot({ path: shot, fullPage: true })
        expect(m.viewportMeta).toBe("width=device-width, initial-scale=1")
        expect(m.clientWidth).toBe(device.width)
        expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth)
        expect(m.overflowing).toEqual([])
        expect(m.texts).toBeGreaterThan(100)
        expect(m.small).toEqual([])
        expect(m.pictures.length).toBeGreaterThan(5)
        for (const b of m.pictures) {
          expect(b.w).toBeGreaterThan(50)
          expect(b.h).toBeGreaterThan(50)
          expect(b.marks).toBeGreaterThan(3)
        }
        expect(errors).toEqual([])
        expect(existsSync(shot)).toBe(true)
        console.log(`browser test at ${device.width} px: ${m.pictures.length} pictures, ${m.texts} SVG texts ≥ ${MIN_SVG_TEXT_PX} px; screenshot ${shot}`)
      } finally {
        await context.close()
      }
    }, 120_000)
  }

  it("prints with every fold open and the contents bars out of the way", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } })
    try {
      await page.goto(report)
      await page.emulateMedia({ media: "print" })
      const folds = await page.$$eval("main details:not(.toc-top)", (ds) =>
        ds.map((d) => {
          const body = d.querySelector(":scope > :not(summary)")
          return body === null ? -1 : body.getBoundingClientRect().height
        }),
      )
      expect(folds.length).toBeGreaterThan(0)
      for (const h of folds) expect(h).toBeGreaterThan(0)
      const tocs = await page.$$eval(".toc-side, .toc-top", (ns) => ns.map((n) => getComputedStyle(n).display))
      expect(tocs).toEqual(["none", "none"])
    } finally {
      await page.close()
    }
  })
})
