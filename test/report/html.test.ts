/**
 * The report's HTML without a browser: inline Markdown is rendered and escaped, badges carry
 * their word, long text folds, pictures get a minimum width that keeps their text ≥ 10 px, and
 * the page has a viewport, a contents list and a print style.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import { badge, details, escapeHtml, figure, inlineMarkdown, legend, MIN_SVG_TEXT_PX, paragraph, pre, renderReport, table } from "../../src/report/index.ts"

describe("inlineMarkdown", () => {
  it("renders code, emphasis, strong and links, and escapes the rest", () => {
    expect(inlineMarkdown("run `catcluster check` on the *set* of **all** <states> & [docs](https://example.org/a?b=1&c=2)")).toBe(
      'run <code>catcluster check</code> on the <em>set</em> of <strong>all</strong> &lt;states&gt; &amp; <a href="https://example.org/a?b=1&amp;c=2">docs</a>',
    )
  })

  it("keeps backslash-escaped and unmatched delimiters as text, and arithmetic and identifiers alone", () => {
    expect(inlineMarkdown("\\*set\\*")).toBe("*set*")
    expect(inlineMarkdown("2*3*4 and a * b")).toBe("2*3*4 and a * b")
    expect(inlineMarkdown("node_a_b and `x")).toBe("node_a_b and `x")
    expect(inlineMarkdown("`<b>` stays code")).toBe("<code>&lt;b&gt;</code> stays code")
  })

  it("never makes a link of a script URL", () => {
    expect(inlineMarkdown("[x](javascript:alert(1))")).not.toContain("<a")
  })

  it("never lets a tag through: with markup characters stripped, the output is the escaped input minus delimiters", () => {
    const { seed, numRuns } = runConfig(300)
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", " ", "*", "_", "`", "\\", "<", ">", "&", '"', "[", "]", "(", ")", "/", ":") }), (s) => {
        const html = inlineMarkdown(s)
        // every < in the output opens one of the tags the renderer writes
        const tags = html.match(/<\/?[a-z]+[^>]*>/g) ?? []
        for (const t of tags) expect(t).toMatch(/^<\/?(code|em|strong|a)( href="[^"<>]*")?>$/)
        expect(html.replace(/<\/?(code|em|strong|a)( href="[^"]*")?>/g, "")).not.toMatch(/[<>]/)
      }),
      { seed, numRuns },
    )
  })
})

describe("renderReport", () => {
  const svg = (width: string, viewBox: number, font: number) =>
    `<?xml version="1.0"?><svg width="${width}" height="100" viewBox="0 0 ${viewBox} 100" xmlns="http://www.w3.org/2000/svg"><text font-size="${font}">x</text></svg>`
  const page = renderReport("T", "Intro with `code`.", [
    {
      id: "one",
      title: "One",
      blocks: [
        paragraph("A *set* of `states`."),
        figure(svg("600pt", 600, 14), "Graphviz: 14 units at 4/3 px each."),
        figure(svg("500", 500, 12), "Vega: 12 px."),
        figure(svg("400", 400, 10), "Already at the bound."),
        table(["ID", "verdict"], [["S1.1", badge("holds")], ["S1.2", badge("fails")]]),
        legend([["holds", "true"], ["fails", "false"]]),
        pre(Array.from({ length: 40 }, (_, i) => `line ${i}`).join("\n")),
        pre("short"),
        details("Evidence", [paragraph("inside")]),
      ],
    },
  ])

  it("has a viewport, the contents in view on both layouts, and a print style that opens folds", () => {
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(page).toContain('<nav class="toc toc-side"')
    expect(page).toContain('<details class="toc toc-top">')
    expect(page).toMatch(/@media print\{[^]*details::details-content\{content-visibility:visible/)
    expect(page).toContain('<a href="#one">One</a>')
  })

  it("renders Markdown in prose and the verdict as a coloured badge that still says the word", () => {
    expect(page).toContain("<p>A <em>set</em> of <code>states</code>.</p>")
    expect(page).toContain('<span class="badge good">holds</span>')
    expect(page).toContain('<span class="badge bad">fails</span>')
    expect(page).toMatch(/<dl class="legend">.*badge good">holds<\/span><\/dt><dd>true<\/dd>/)
    expect(page).not.toContain("<?xml")
  })

  it("folds long preformatted text and leaves short text open", () => {
    expect(page).toMatch(/<details><summary>40 lines: line 0…<\/summary><pre tabindex="0">line 0/)
    expect(page).toContain('<pre tabindex="0">short</pre>')
    expect(page).toContain("<details><summary>Evidence</summary><p>inside</p></details>")
  })

  it("lets a picture shrink only until its smallest text is 10 px", () => {
    const widths = [...page.matchAll(/max-width:(\d+)px;min-width:(\d+)px/g)].map((m) => [Number(m[1]), Number(m[2])])
    // 600 pt = 800 px with 14 × 4/3 px text: down to 800 × 10 / 18.67 ≈ 429 (+2 % margin)
    expect(widths[0]![0]).toBe(800)
    expect(widths[0]![1]).toBeGreaterThanOrEqual(Math.floor((800 * MIN_SVG_TEXT_PX) / (14 * (4 / 3))))
    expect(widths[0]![1]).toBeLessThan(460)
    expect(widths[1]).toEqual([500, Math.round((500 * 10 * 1.02) / 12)])
    // text already at 10 px: never narrower than natural
    expect(widths[2]).toEqual([400, 400])
  })

  it("labels the cells of a stacked table so a narrow screen can show each row as a card", () => {
    const stacked = renderReport("T", "i", [{ id: "s", title: "S", blocks: [table(["ID", "verdict"], [["S1.1", badge("holds")]], { stack: true })] }])
    expect(stacked).toContain('<table class="stack">')
    expect(stacked).toContain('<td class="word" data-label="ID">S1.1</td><td data-label="verdict"><span class="badge good">holds</span></td>')
    expect(stacked).toMatch(/@media \(max-width:40rem\)\{\s*table\.stack/)
    expect(page).not.toMatch(/<td[^>]*data-label/)
  })

  it("escapes titles and ids", () => {
    const evil = renderReport("<x>", "i", [{ id: 'a"b', title: "<t>", blocks: [] }])
    expect(evil).toContain("<title>&lt;x&gt;</title>")
    expect(evil).toContain('id="a&quot;b"')
    expect(evil).not.toContain("<t>")
    expect(escapeHtml('"')).toBe("&quot;")
  })
})
