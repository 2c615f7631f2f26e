/**
 * One YAML/JSON document read strictly (files that are not manifests): a repeated key is named
 * with its mapping's path, line and column, as manifests name it.
 */
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { showYamlValueError, yamlValue } from "../../../src/domain/manifest/yamlValue.ts"

const lax = "(a YAML or JSON reader would keep the last value silently)"
const problem = (text: string): string => {
  const r = yamlValue(text)
  if (E.isRight(r)) throw new Error(`accepted: ${JSON.stringify(r.right)}`)
  return showYamlValueError("f.yaml", r.left)
}

describe("yamlValue", () => {
  it("reads YAML and JSON documents as plain data", () => {
    expect(yamlValue("a: 1\nb: [x, {c: 2}]\n")).toEqual(E.right({ a: 1, b: ["x", { c: 2 }] }))
    expect(yamlValue('{"a": {"b": 1}}')).toEqual(E.right({ a: { b: 1 } }))
    expect(yamlValue("")).toEqual(E.right(null))
  })

  it("a key given twice: the key, its mapping's path, line and column (YAML block, flow, JSON)", () => {
    expect(problem("a: 1\nb:\n  c: 2\n  c: 3\n")).toBe(`f.yaml:4:3: b: duplicate field "c" ${lax}`)
    expect(problem("items:\n- {name: x, dom: A, dom: B}\n")).toBe(`f.yaml:2:21: items[0]: duplicate field "dom" ${lax}`)
    expect(problem('{"a": [], "a": []}')).toBe(`f.yaml:1:11: duplicate field "a" ${lax}`)
  })

  it("keys the converted object would merge count as repeats (the yaml package does not flag them)", () => {
    expect(problem('m:\n  1: x\n  "1": y\n')).toBe(`f.yaml:3:3: m: duplicate field "1" ${lax}`)
  })

  it("other problems keep their position: malformed YAML, two documents", () => {
    expect(problem("a: [1, 2\n")).toMatch(/^f\.yaml:\d+:\d+: malformed YAML: /)
    expect(problem("a: 1\n---\nb: 2\n")).toBe("f.yaml: expected one YAML or JSON document, got 2")
  })
})
