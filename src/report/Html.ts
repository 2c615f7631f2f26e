import { escapeHtml, inlineMarkdown } from "./Inline.ts"

/**
 * A self-contained HTML report: sections of prose, SVG figures, tables and preformatted text,
 * inlined into one file with its own CSS (no network). It reads on a phone and a laptop: a
 * viewport, one type scale, a table of contents that stays in view, long evidence folded, wide
 * pictures and tables scrolled inside their own box instead of shrunk below readable text, and a
 * print style with every fold open.
 *
 * @since 0.1.0
 */

/** A coloured label for a verdict or status; the word is always written, colour only adds. @since 0.1.0 @category model */
export interface Badge {
  readonly _tag: "Badge"
  readonly text: string
}

/** One table cell: text (inline Markdown), a number or a badge. @since 0.1.0 @category model */
export type Cell = string | number | Badge

/** One block of a section: a paragraph, an SVG figure, a table, preformatted text, a fold or a legend of badges. @since 0.1.0 @category model */
export type Block =
  | { readonly _tag: "Paragraph"; readonly text: string }
  | { readonly _tag: "Figure"; readonly svg: string; readonly caption: string }
  | { readonly _tag: "Table"; readonly head: ReadonlyArray<string>; readonly rows: ReadonlyArray<ReadonlyArray<Cell>>; readonly stack?: boolean }
  | { readonly _tag: "Pre"; readonly text: string }
  | { readonly _tag: "Details"; readonly summary: string; readonly blocks: ReadonlyArray<Block> }
  | { readonly _tag: "Legend"; readonly items: ReadonlyArray<readonly [Badge, string]> }

/** A titled section of the report: an anchor id, a title and its blocks. @since 0.1.0 @category model */
export interface Section {
  readonly id: string
  readonly title: string
  readonly blocks: ReadonlyArray<Block>
}

/** A paragraph block (inline Markdown: `code`, *emphasis*, **strong**, links; the rest is escaped). @since 0.1.0 @category constructors */
export const paragraph = (text: string): Block => ({ _tag: "Paragraph", text })
/** A figure block: an inline SVG picture with its caption (inline Markdown). @since 0.1.0 @category constructors */
export const figure = (svg: string, caption: string): Block => ({ _tag: "Figure", svg, caption })
/**
 * A table block: a header row and rows of cells. With `stack`, a narrow screen shows each row as
 * a card of labelled cells (for tables of prose, where columns would be a few words wide).
 *
 * @since 0.1.0
 * @category constructors
 */
export const table = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>, options: { readonly stack?: boolean } = {}): Block => ({
  _tag: "Table",
  head,
  rows,
  ...(options.stack === true ? { stack: true } : {}),
})
/** A preformatted text block (the text is escaped; long ones are folded). @since 0.1.0 @category constructors */
export const pre = (text: string): Block => ({ _tag: "Pre", text })
/** A folded block: `summary` is shown, `blocks` open on a click (and in print). @since 0.1.0 @category constructors */
export const details = (summary: string, blocks: ReadonlyArray<Block>): Block => ({ _tag: "Details", summary, blocks })
/** A badge cell: the word, coloured by what it says. @since 0.1.0 @category constructors */
export const badge = (text: string): Badge => ({ _tag: "Badge", text })
/** A legend block: each badge with what it means. @since 0.1.0 @category constructors */
export const legend = (items: ReadonlyArray<readonly [string, string]>): Block => ({ _tag: "Legend", items: items.map(([b, meaning]) => [badge(b), meaning] as const) })

/**
 * The colour family of a badge's word: verdicts of the ledger and answers of the model checker.
 * An unknown word is neutral.
 *
 * @since 0.1.0
 * @category rendering
 */
export const badgeTone = (text: string): "good" | "bad" | "warn" | "info" | "muted" | "neutral" => {
  switch (text) {
    case "holds":
    case "as expected":
    case "passed":
      return "good"
    case "fails":
    case "violated":
    case "failed":
    case "unexpected":
      return "bad"
    case "ill-typed":
    case "inconsistent":
      return "warn"
    case "modelled":
      return "info"
    case "underdetermined":
    case "unknown":
    case "undecided":
    case "not applicable":
      return "muted"
    default:
      return "neutral"
  }
}

/** Cells of at most this many characters without a space are kept on one line. */
const SHORT_CELL = 16
/** Preformatted text longer than this many lines is folded. */
const FOLD_PRE_LINES = 16

/**
 * The smallest text an SVG picture may be drawn at, in CSS pixels: a picture scales down with
 * the page only until its smallest text reaches this size, then its box scrolls.
 *
 * @since 0.1.0
 * @category constants
 */
export const MIN_SVG_TEXT_PX = 10

/** The root `<svg …>` tag's natural width in CSS px, the scale of user units, and the smallest font size. */
const svgMetrics = (svg: string): { readonly widthPx: number; readonly minTextPx: number } | undefined => {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0]
  if (root === undefined) return undefined
  const width = /\swidth="([\d.]+)(pt|px)?"/.exec(root)
  const viewBox = /\sviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)/.exec(root)
  if (width === null) return undefined
  const widthPx = Number(width[1]) * (width[2] === "pt" ? 4 / 3 : 1)
  const scale = viewBox === null ? 1 : widthPx / Number(viewBox[1])
  const sizes = [...svg.matchAll(/font-size(?:="|:\s*)([\d.]+)/g)].map((m) => Number(m[1]))
  if (!(widthPx > 0) || !Number.isFinite(scale)) return undefined
  return { widthPx, minTextPx: sizes.length === 0 ? Infinity : Math.min(...sizes) * scale }
}

/**
 * An SVG picture sized for any screen: as wide as the column up to its natural width, never so
 * narrow that its smallest text falls below {@link MIN_SVG_TEXT_PX} (its scroll box takes over).
 */
const fitSvg = (svg: string): string => {
  const inline = svg.replace(/^<\?xml[^>]*>\s*/, "").replace(/^<!DOCTYPE[^>]*>\s*/i, "")
  const m = svgMetrics(inline)
  if (m === undefined) return inline
  // a hair above the bound so rounding in layout never lands below it
  const minWidth = Number.isFinite(m.minTextPx) && m.minTextPx > MIN_SVG_TEXT_PX ? (m.widthPx * MIN_SVG_TEXT_PX * 1.02) / m.minTextPx : m.widthPx
  const style = `width:100%;max-width:${m.widthPx.toFixed(0)}px;min-width:${Math.min(m.widthPx, minWidth).toFixed(0)}px;height:auto`
  return inline.replace(/<svg\b/, `<svg style="${style}" role="img"`)
}

const renderCell = (c: Cell, label: string): string => {
  const data = label === "" ? "" : ` data-label="${escapeHtml(label)}"`
  if (typeof c === "object") return `<td${data}><span class="badge ${badgeTone(c.text)}">${escapeHtml(c.text)}</span></td>`
  if (typeof c === "number") return `<td class="num"${data}>${escapeHtml(String(c))}</td>`
  // a short word (an ID, a name) is never broken; long text wraps at words, inside its column
  return `<td${c.length <= SHORT_CELL && !/\s/.test(c) ? ' class="word"' : ""}${data}>${inlineMarkdown(c)}</td>`
}

const tableHtml = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<Cell>>, stack: boolean): string =>
  `<div class="scroll" tabindex="0"><table${stack ? ' class="stack"' : ""}><thead><tr>${head.map((h) => `<th scope="col">${inlineMarkdown(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => renderCell(c, stack ? (head[i] ?? "") : "")).join("")}</tr>`)
    .join("")}</tbody></table></div>`

const renderBlock = (b: Block): string => {
  switch (b._tag) {
    case "Paragraph":
      return `<p>${inlineMarkdown(b.text)}</p>`
    case "Figure":
      return `<figure><div class="scroll" tabindex="0">${fitSvg(b.svg)}</div><figcaption>${inlineMarkdown(b.caption)}</figcaption></figure>`
    case "Table":
      return tableHtml(b.head, b.rows, b.stack === true)
    case "Pre": {
      const lines = b.text.split("\n").length
      const body = `<pre tabindex="0">${escapeHtml(b.text)}</pre>`
      return lines <= FOLD_PRE_LINES ? body : `<details><summary>${lines} lines: ${escapeHtml(b.text.split("\n", 1)[0]!.slice(0, 80))}…</summary>${body}</details>`
    }
    case "Details":
      return `<details><summary>${inlineMarkdown(b.summary)}</summary>${b.blocks.map(renderBlock).join("\n")}</details>`
    case "Legend":
      return `<dl class="legend">${b.items.map(([k, meaning]) => `<div><dt><span class="badge ${badgeTone(k.text)}">${escapeHtml(k.text)}</span></dt><dd>${inlineMarkdown(meaning)}</dd></div>`).join("")}</dl>`
  }
}

const css = `:root{--step--1:.875rem;--step-0:1rem;--step-1:1.25rem;--step-2:1.6rem;--step-3:2rem;
--text:#1d2330;--muted:#5a6270;--line:#d8dde5;--surface:#f5f7fa;--accent:#1f5fbf;--measure:46rem;--side:15rem}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%;scroll-padding-top:3.5rem}
body{margin:0;font:var(--step-0)/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--text);background:#fff}
.layout{display:grid;grid-template-columns:minmax(0,1fr);max-width:80rem;margin:0 auto;padding:0 1rem}
main{min-width:0}
h1{font-size:var(--step-3);line-height:1.2;margin:1.5rem 0 .5rem}
h2{font-size:var(--step-2);line-height:1.25;margin:2.5rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
p,dl.legend{max-width:var(--measure);overflow-wrap:anywhere}
.intro{color:var(--muted)}
a{color:var(--accent)}
code{font:var(--step--1)/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--surface);padding:.05em .3em;border-radius:3px;overflow-wrap:anywhere}
figure{margin:1.25rem 0}
figcaption{color:var(--muted);font-size:var(--step--1);max-width:var(--measure);margin-top:.25rem}
figure svg{display:block}
.scroll{max-width:100%;overflow-x:auto;-webkit-overflow-scrolling:touch}
.scroll:focus-visible,pre:focus-visible{outline:2px solid var(--accent)}
table{border-collapse:collapse;font-size:var(--step--1);margin:.75rem 0;min-width:min(100%,20rem)}
td,th{border:1px solid var(--line);padding:.3rem .55rem;text-align:left;vertical-align:top;overflow-wrap:normal}
td{overflow-wrap:break-word}
td code{overflow-wrap:anywhere}
td.word{overflow-wrap:normal;white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th{background:var(--surface);font-weight:600}
pre{background:var(--surface);padding:.75rem;overflow-x:auto;font:var(--step--1)/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;margin:.75rem 0;max-width:100%}
details{margin:.75rem 0}
summary{cursor:pointer;color:var(--accent);font-size:var(--step--1)}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:var(--step--1);font-weight:600;white-space:nowrap;border:1px solid transparent}
.badge.good{background:#dff3e4;color:#14532d;border-color:#8fd19e}
.badge.bad{background:#fde2e1;color:#8a1c1c;border-color:#f1a3a0}
.badge.warn{background:#fff0d6;color:#7a4b00;border-color:#f0c36d}
.badge.info{background:#e0ecff;color:#1d3f7a;border-color:#9dbdf0}
.badge.muted{background:#eceef2;color:#3d4350;border-color:#c4c9d2}
.badge.neutral{background:#fff;color:var(--text);border-color:var(--line)}
dl.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.25rem;margin:.75rem 0;font-size:var(--step--1)}
dl.legend div{display:flex;gap:.4rem;align-items:baseline}
dl.legend dt,dl.legend dd{margin:0}
.toc ol{list-style:none;margin:0;padding:0;font-size:var(--step--1)}
.toc li a{display:block;padding:.2rem .5rem;border-radius:4px;text-decoration:none;color:var(--text)}
.toc li a:hover{background:var(--surface);color:var(--accent)}
@media (max-width:40rem){
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
table.stack{border:0;min-width:0}
table.stack thead{display:none}
table.stack tr{border:1px solid var(--line);border-radius:6px;margin:0 0 .6rem;padding:.35rem .1rem}
table.stack td{border:0;padding:.15rem .55rem;white-space:normal}
table.stack td[data-label]::before{content:attr(data-label);display:block;color:var(--muted);font-size:.75rem;font-weight:600}
table.stack td[data-label=""]::before{content:none}
}
.toc-side{display:none}
.toc-top{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid var(--line);margin:0 -1rem;padding:.5rem 1rem}
.toc-top summary{font-size:var(--step-0);font-weight:600}
.toc-top ol{max-height:60vh;overflow-y:auto;padding-top:.5rem}
@media (min-width:64rem){
.layout{grid-template-columns:var(--side) minmax(0,1fr);gap:2.5rem;padding:0 2rem}
.toc-top{display:none}
.toc-side{display:block;position:sticky;top:0;align-self:start;max-height:100vh;overflow-y:auto;padding:1.5rem 0}
.toc-side h2{font-size:var(--step-0);margin:0 0 .5rem .5rem;border:0;padding:0}
}
@media print{
.toc-top,.toc-side{display:none}
.layout{display:block;max-width:none;padding:0}
body{font-size:11pt}
details::details-content{content-visibility:visible;display:contents}
details>summary{display:none}
.scroll,pre{overflow:visible}
pre{white-space:pre-wrap}
figure,tr{break-inside:avoid}
h2{break-after:avoid}
.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}`

// Browsers without ::details-content open every fold for printing, and close them again after.
const printScript = `addEventListener("beforeprint",()=>{for(const d of document.querySelectorAll("details:not([open])")){d.dataset.printOpened="";d.open=true}});addEventListener("afterprint",()=>{for(const d of document.querySelectorAll("details[data-print-opened]")){delete d.dataset.printOpened;d.open=false}})`

/**
 * The whole report as one HTML string.
 *
 * @example
 * import { paragraph, renderReport, table } from "catcluster/report"
 * const html = renderReport("Demo", "What this report shows.", [
 *   { id: "sizes", title: "Sizes", blocks: [paragraph("Two nodes."), table(["node", "cpu"], [["n1", 4], ["n2", 8]])] },
 * ])
 * html.startsWith("<!doctype html>") // true
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderReport = (title: string, intro: string, sections: ReadonlyArray<Section>): string => {
  const toc = `<ol>${sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${inlineMarkdown(s.title)}</a></li>`).join("")}</ol>`
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${css}</style><script>${printScript}</script></head><body>`,
    `<div class="layout">`,
    `<nav class="toc toc-side" aria-label="Contents"><h2>Contents</h2>${toc}</nav>`,
    `<main>`,
    `<details class="toc toc-top"><summary>Contents</summary><nav aria-label="Contents">${toc}</nav></details>`,
    `<header><h1>${escapeHtml(title)}</h1><p class="intro">${inlineMarkdown(intro)}</p></header>`,
    ...sections.map((s) => `<section id="${escapeHtml(s.id)}"><h2>${inlineMarkdown(s.title)}</h2>${s.blocks.map(renderBlock).join("\n")}</section>`),
    "</main></div>",
    "</body></html>",
  ].join("\n")
}
