import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import { compactJson } from "../../src/ledger/compactJson.ts"

describe("compactJson", () => {
  it("parses back to the value JSON.stringify gives, and keeps lines within the width where values allow", () => {
    const { seed, numRuns } = runConfig(200)
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 20, max: 140 }), (value, width) => {
        const text = compactJson(value, width)
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value) ?? "null"))
        for (const line of text.split("\n")) {
          // a line past the width holds a single value that cannot be broken (a long string or number)
          if (line.length > width) expect(line.trim()).toMatch(/^("(?:[^"\\]|\\.)*": )?("(?:[^"\\]|\\.)*"|[-\d.eE+]+|true|false|null)[,\]}]*$|^("(?:[^"\\]|\\.)*": )?[[{]$/)
        }
      }),
      { seed, numRuns },
    )
  })

  it("puts a small value on one line, packs plain arrays, writes bigints as strings and drops functions", () => {
    expect(compactJson({ a: [1, 2, 3], b: { c: "x" } })).toBe('{"a": [1, 2, 3], "b": {"c": "x"}}')
    expect(compactJson(Array.from({ length: 30 }, (_, i) => i * 1000), 40)).toBe(
      "[\n  0, 1000, 2000, 3000, 4000, 5000, 6000,\n  7000, 8000, 9000, 10000, 11000, 12000,\n  13000, 14000, 15000, 16000, 17000,\n  18000, 19000, 20000, 21000, 22000,\n  23000, 24000, 25000, 26000, 27000,\n  28000, 29000\n]",
    )
    expect(compactJson({ n: 12345678901234567890n, f: () => 1 })).toBe('{"n": "12345678901234567890"}')
    expect(compactJson(undefined)).toBe("null")
    expect(compactJson({ s: "a [ b ] { c }" })).toBe('{"s": "a [ b ] { c }"}')
  })
})
