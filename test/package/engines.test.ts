/**
 * The Node range catcluster declares (`engines.node`) is one its runtime dependencies support,
 * CI and the developers run inside it, and the README says the same. Read from the lock file,
 * which is what `npm ci` installs.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { release, samples, satisfies } from "./semverRange.ts"

const root = join(import.meta.dirname, "..", "..")
const json = (file: string) => JSON.parse(readFileSync(join(root, file), "utf8")) as Record<string, any>
const pkg = json("package.json")
const lock = json("package-lock.json")
const declared: string = pkg.engines.node

describe("the semver range check", () => {
  it("reads the forms the lock file uses", () => {
    expect(satisfies([20, 19, 0], "^20.19.0 || >=22.12.0")).toBe(true)
    expect(satisfies([20, 18, 9], "^20.19.0 || >=22.12.0")).toBe(false)
    expect(satisfies([21, 0, 0], "^20.19.0 || >=22.12.0")).toBe(false)
    expect(satisfies([22, 11, 0], "^20.19.0 || >=22.12.0")).toBe(false)
    expect(satisfies([30, 1, 2], "^20.19.0 || >=22.12.0")).toBe(true)
    expect(satisfies([9, 0, 0], "6.* || 8.* || >= 10.*")).toBe(false)
    expect(satisfies([10, 2, 0], "6.* || 8.* || >= 10.*")).toBe(true)
    expect(satisfies([2, 3, 9], "~2.3.3")).toBe(true)
    expect(satisfies([2, 4, 0], "~2.3.3")).toBe(false)
    expect(satisfies([20, 0, 0], ">=22")).toBe(false)
    expect(satisfies([19, 9, 9], ">= 14.6 <20")).toBe(true)
    expect(() => satisfies([20, 0, 0], "latest")).toThrow(/not a semver comparator/)
    expect(samples("^20.19.0 || >=22.12.0")).toContainEqual([20, 19, 0])
    expect(samples("^20.19.0 || >=22.12.0")).not.toContainEqual([22, 0, 0])
  })
})

describe("engines", () => {
  it("every runtime dependency in the lock supports every Node the package declares", () => {
    const tried = samples(declared)
    expect(tried.length).toBeGreaterThan(0)
    const unsupported = Object.entries(lock.packages as Record<string, any>)
      .filter(([path, entry]) => path !== "" && entry.dev !== true && typeof entry.engines?.node === "string")
      .flatMap(([path, entry]) => {
        const bad = tried.filter((r) => !satisfies(r, entry.engines.node))
        return bad.length === 0 ? [] : [`${path.replace(/^.*node_modules\//, "")}@${entry.version} needs node ${entry.engines.node}, not ${bad.map((r) => r.join(".")).join(", ")}`]
      })
    expect(unsupported).toEqual([])
  })
  it("the lock's root entry declares the same range as package.json", () => {
    expect(lock.packages[""].engines.node).toBe(declared)
  })
  it("the Node running the tests (CI's, a developer's) is in the declared range", () => {
    expect({ node: process.version, inRange: satisfies(release(process.version), declared) }).toEqual({ node: process.version, inRange: true })
  })
  it("the README's two commands name the same range", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8")
    const heading = /^## Two commands \(fresh clone, Node (.+)\)$/m.exec(readme)?.[1]
    // "20.19+ or 22.12+" ⇔ "^20.19.0 || >=22.12.0"
    const spelled = heading?.split(" or ").map((v) => v.replace(/\+$/, "")) ?? []
    const asRange = spelled.map((v, i) => (i < spelled.length - 1 ? `^${v}.0` : `>=${v}.0`)).join(" || ")
    expect(asRange).toBe(declared)
  })
})
