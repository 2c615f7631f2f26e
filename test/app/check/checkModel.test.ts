/**
 * `checkModel` on fixture manifests and presentations: each suite holds on a clean model and
 * catches its broken instance with the counterexample named.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import { describe, expect, it } from "vitest"
import { checkModel } from "../../../src/app/check/checkModel.ts"
import { printReport, toJson, type CheckOutcome, type CheckReport } from "../../../src/app/check/CheckReport.ts"
import { footprintSuite } from "../../../src/app/check/footprintSuite.ts"
import { manifestSuite } from "../../../src/app/check/manifestSuite.ts"
import type { ModelFile } from "../../../src/app/model.ts"
import { decodeManifests } from "../../../src/domain/manifest/decode.ts"
import { clusterFromManifests } from "../../../src/domain/model/clusterFromManifests.ts"
import { resources } from "../../../src/domain/resources/ResourceVector.ts"
import { runSuite } from "../../../src/laws/Suite.ts"
import type { LawVerdict } from "../../../src/laws/Verdict.ts"

const fixtures = join(import.meta.dirname, "fixtures")
const file = (name: string): ModelFile => ({ file: name, text: readFileSync(join(fixtures, name), "utf8") })
const report = (o: CheckOutcome): CheckReport => {
  if (o._tag !== "Checked") throw new Error(o.errors.join("\n"))
  return o.report
}
const lawOf = (r: CheckReport, name: string): LawVerdict => {
  const l = r.suites.flatMap((s) => s.verdict.laws).find((x) => x.law === name)
  if (l === undefined) throw new Error(`no law ${name}`)
  return l
}
const failing = (l: LawVerdict) => {
  if (l._tag !== "Fails") throw new Error(`${l.law} is ${l._tag}, expected Fails`)
  return l
}
const nodes = file("nodes.yaml")

describe("checkModel", () => {
  it("a clean model: every law holds, each on every case", () => {
    const r = report(checkModel([nodes, file("clean.yaml")]))
    expect(r.exitCode).toBe(0)
    const cases = Object.fromEntries(r.suites.flatMap((s) => s.verdict.laws).map((l) => [l.law, l._tag === "Holds" && l.coverage.mode === "exhaustive" ? l.coverage.cases : l._tag]))
    expect(cases).toEqual({
      "manifests.accounted": 2,
      "resources.requestWithinLimit": 4, // web, cache, db, stopped
      "virtualize.fitsKvmNode": 1,
      "containerize.fitsNode": 3,
      "schedule.respectsCapacity": 1,
      "footprint.sum": 3,
      "footprint.replicas": 1,
      "footprint.belowEffective": 3,
    })
    expect(printReport(r)).toContain("all 8 applicable laws hold")
  })

  it("an overcommitted node fails σ's law, naming the node, its units and the excess", () => {
    const r = report(checkModel([nodes, file("overcommitted.yaml")]))
    expect(r.exitCode).toBe(1)
    const f = failing(lawOf(r, "schedule.respectsCapacity"))
    expect(f.failingCases).toBe(1)
    expect(f.counterexample.message).toBe("node plain-1 overcommitted by batch/a, batch/b, batch/c: cpu 4500m > 4 (over by 500m)")
    expect(f.counterexample.witness).toEqual([{ node: "plain-1", units: ["batch/a", "batch/b", "batch/c"], excess: [{ name: "cpu", amount: 4500n, bound: 4000n }], unknownNode: false }])
    // the other laws are unaffected
    expect(lawOf(r, "containerize.fitsNode")._tag).toBe("Holds")
  })

  it("counts one pods slot per pod, as the kubelet does, and refuses unknown nodes", () => {
    const text = `apiVersion: v1
kind: List
items:
  - { apiVersion: v1, kind: Node, metadata: { name: tiny }, status: { allocatable: { cpu: "8", memory: 8Gi, pods: "2" }, capacity: { cpu: "8", memory: 8Gi, pods: "2" } } }
${["p1", "p2", "p3"].map((n) => `  - { apiVersion: v1, kind: Pod, metadata: { name: ${n} }, spec: { nodeName: tiny, containers: [{ name: c }] } }`).join("\n")}
  - { apiVersion: v1, kind: Pod, metadata: { name: lost }, spec: { nodeName: nowhere, containers: [{ name: c }] } }`
    const r = report(checkModel([{ file: "pods.yaml", text }]))
    const f = failing(lawOf(r, "schedule.respectsCapacity"))
    expect(f.failingCases).toBe(2)
    const printed = printReport(r)
    expect(printed).toContain("more counterexamples to schedule.respectsCapacity:\n    node nowhere")
    expect(f.all.map((c) => c.message)).toEqual([
      "node tiny overcommitted by default/p1, default/p2, default/p3: pods 3 > 2 (over by 1)",
      "default/lost placed on node nowhere, which is not in the model",
    ])
  })

  it("a VMI too big for every KVM node fails Φ, naming the closest node's shortfall", () => {
    const r = report(checkModel([nodes, file("vmi-too-big.yaml")]))
    expect(r.exitCode).toBe(1)
    const f = failing(lawOf(r, "virtualize.fitsKvmNode"))
    expect(f.counterexample.input).toBe("VirtualMachineInstance lab/huge (vmi-too-big.yaml: document 0)")
    expect(f.counterexample.message).toContain("closest KVM node kvm-1: memory")
    const [noFit] = f.counterexample.witness as ReadonlyArray<{ best: { node: string; short: ReadonlyArray<{ name: string; amount: bigint; bound: bigint }> } }>
    // plain-1 has 4 cpu and no KVM: it is not a candidate, whatever its memory
    expect(noFit!.best.node).toBe("kvm-1")
    expect(noFit!.best.short.map((e) => e.name)).toEqual(["memory"])
    expect(noFit!.best.short[0]!.bound).toBe(30n * 1024n ** 3n)
    expect(noFit!.best.short[0]!.amount > 40n * 1024n ** 3n).toBe(true) // guest memory + launcher overhead
    // the S1.4 residual is reported beside the laws, not as a failure
    const notes = r.suites.find((s) => s.verdict.suite === "footprint")!.notes
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatch(/^lab\/huge: F\(Ω′∘Φ\) − F\(Ω∘Ψ\) = cpu −3600m, memory \+\d+Mi/)
  })

  it("without a KVM node, a VMI fails Φ with 'no KVM node'", () => {
    const onlyPlain = { file: "plain.yaml", text: "apiVersion: v1\nkind: Node\nmetadata: { name: p }\nstatus: { allocatable: { cpu: '64', memory: 256Gi, pods: '110' } }" }
    const f = failing(lawOf(report(checkModel([onlyPlain, file("vmi-too-big.yaml")])), "virtualize.fitsKvmNode"))
    expect(f.counterexample.message).toContain("no KVM node to run on")
  })

  it("request > limit and extended request ≠ limit fail S2.2 with the JSON paths", () => {
    const r = report(checkModel([nodes, file("request-over-limit.yaml")]))
    const f = failing(lawOf(r, "resources.requestWithinLimit"))
    expect(f.counterexample.input).toBe("request-over-limit.yaml: document 0, Pod ci/greedy, spec.containers[0]")
    expect(f.counterexample.message).toBe(
      'spec.containers[0].resources.requests.cpu: must be less than or equal to cpu limit of 1; spec.containers[0].resources.requests["nvidia.com/gpu"]: must be equal to nvidia.com/gpu limit of 2 (cannot be overcommitted)',
    )
  })

  it("a malformed file is bad input (exit 2) naming the file, line and JSON path", () => {
    const o = checkModel([nodes, file("malformed.yaml")])
    expect(o._tag).toBe("BadInput")
    expect(o._tag === "BadInput" && o.errors).toEqual([expect.stringMatching(/^malformed\.yaml:9:\d+: document 0, spec\.containers\[0\]\.resources\.requests\.cpu: expected a quantity, got "1K"/)])
    expect(toJson(o)).toMatchObject({ exitCode: 2 })
  })

  it("files with no object are bad input (exit 2), never a vacuous pass", () => {
    const o = checkModel([{ file: "empty.yaml", text: "" }, { file: "comments.yaml", text: "# nothing\n---\n" }])
    expect(o._tag === "BadInput" && o.errors).toEqual(["no objects in empty.yaml, comments.yaml: nothing to check"])
    expect(checkModel([{ file: "empty.yaml", text: "" }, nodes])._tag).toBe("Checked")
  })

  it("a presentation: category laws, relations certified, a failing claimed equation", () => {
    const r = report(checkModel([], { presentations: [file("square.yaml")] }))
    expect(r.exitCode).toBe(1)
    expect(r.suites).toHaveLength(1)
    expect(lawOf(r, "category.associativity")._tag).toBe("Holds")
    expect(lawOf(r, "presentation.certificate")._tag).toBe("Holds")
    const relations = lawOf(r, "presentation.relations")
    expect(relations._tag === "Holds" && relations.coverage).toEqual({ mode: "exhaustive", cases: 1, discarded: 0 })
    expect(lawOf(r, "equation.square")._tag).toBe("Holds")
    expect(failing(lawOf(r, "equation.other")).counterexample.message).toBe("the normal forms differ: h∘f ≠ k2∘g")
  })

  it("an infinite presentation is a verdict saying so, and a bad one is bad input with its path", () => {
    const r = report(checkModel([], { presentations: [file("loop.yaml")] }))
    expect(r.exitCode).toBe(0)
    const finite = lawOf(r, "category.finite")
    expect(finite._tag === "NotApplicable" && finite.reason).toContain("the category is infinite: hom(A, A)")
    // a bound passed without a proof of infinity is said so too, and nothing is decided
    const bounded = report(checkModel([], { presentations: [file("square.yaml")], finCat: { maxHomSize: 1 } }))
    expect(bounded.exitCode).toBe(0)
    expect(bounded.suites[0]!.verdict.laws.map((l) => [l.law, l._tag])).toEqual([
      ["category.finite", "NotApplicable"],
      ["equation.square", "NotApplicable"],
      ["equation.other", "NotApplicable"],
    ])
    const bound = lawOf(bounded, "category.finite")
    expect(bound._tag === "NotApplicable" && bound.reason).toMatch(/hom\(A, D\)|bound|more than/)
    const bad = checkModel([], { presentations: [{ file: "bad.yaml", text: "objects: [A]\narrows: [{ name: f, dom: A, cod: B }]" }] })
    expect(bad._tag === "BadInput" && bad.errors).toEqual([expect.stringMatching(/^bad\.yaml: arrows\[0\]\.cod: .*B/)])
    const notParallel = report(checkModel([], { presentations: [{ file: "np.yaml", text: "objects: [A, B]\narrows: [{ name: f, dom: A, cod: B }]\ncheck: [{ lhs: [f], rhs: [], at: A }]" }] }))
    expect(failing(lawOf(notParallel, "equation.check[0]")).counterexample.message).toBe("ill-typed: f : A → B and id_A : A → A are not parallel")
  })

  it("the footprint laws catch a tampered model (a lost replica, a request below F)", () => {
    const decoded = decodeManifests(nodes.text + "\n---\n" + file("clean.yaml").text, "all.yaml")
    if (E.isLeft(decoded)) throw new Error("decode")
    const built = clusterFromManifests(decoded.right)
    if (E.isLeft(built)) throw new Error("model")
    const m = built.right
    const lost = { ...m, units: m.units.filter((u) => u.unit.name !== "shop/web[1]") }
    const replicas = runSuite(footprintSuite(lost, decoded.right)).laws.find((l) => l.law === "footprint.replicas")!
    expect(failing(replicas).counterexample.message).toMatch(/^cpu=500m memory=256Mi ≠ cpu=1 memory=512Mi/)
    const shrunk = { ...m, units: m.units.map((u) => (u.unit.name === "shop/cache" ? { ...u, request: resources({ cpu: 1 }) } : u)) }
    const below = runSuite(footprintSuite(shrunk, decoded.right)).laws.find((l) => l.law === "footprint.belowEffective")!
    expect(failing(below).counterexample.input).toContain("shop/cache")
  })

  it("the manifests law catches a manifest dropped without a reason", () => {
    const text = nodes.text + "\n---\n" + file("clean.yaml").text
    const decoded = decodeManifests(text, "all.yaml")
    if (E.isLeft(decoded)) throw new Error("decode")
    const built = clusterFromManifests(decoded.right)
    if (E.isLeft(built)) throw new Error("model")
    const files = [{ file: "all.yaml", text }]
    expect(runSuite(manifestSuite(files, decoded.right, built.right)).laws[0]!._tag).toBe("Holds")
    const forgetful = { ...built.right, notModelled: built.right.notModelled.filter((n) => n.kind !== "ConfigMap") }
    const f = failing(runSuite(manifestSuite(files, decoded.right, forgetful)).laws[0]!)
    expect(f.counterexample.message).toBe("dropped without a reason: document 5: ConfigMap settings")
  })

  it("the manifests law reads each manifest a bounded number of times, however many files (was a filter over all manifests per file)", () => {
    const count = 2000
    const files: ModelFile[] = [nodes, ...Array.from({ length: count }, (_, i) => ({ file: `p${i}.yaml`, text: `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec: {containers: [{name: c, image: x}]}\n` }))]
    const decoded = files.flatMap((f) => {
      const r = decodeManifests(f.text, f.file)
      if (E.isLeft(r)) throw new Error("decode")
      return r.right
    })
    const built = clusterFromManifests(decoded)
    if (E.isLeft(built)) throw new Error("model")
    // every read of an element of the list counts; a per-file filter reads it files × manifests times
    let reads = 0
    const counted = new Proxy(decoded, {
      get: (target, key, receiver) => {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++
        return Reflect.get(target, key, receiver) as unknown
      },
    })
    const lost = decoded.find((m) => m.metadata?.name === "p1234")!
    const forgetful = { ...built.right, units: built.right.units.filter((u) => u.origin.source !== lost.source) }
    const verdict = runSuite(manifestSuite(files, counted, forgetful)).laws[0]!
    expect(reads).toBeLessThanOrEqual(2 * decoded.length)
    expect(failing(verdict).counterexample.input).toBe("p1234.yaml")
    expect(failing(verdict).counterexample.message).toBe("dropped without a reason: document 0: Pod p1234")
    expect(runSuite(manifestSuite(files, decoded, built.right)).laws[0]).toMatchObject({ _tag: "Holds", coverage: { cases: count + 1 } })
  })

  it("the JSON names every suite, law, verdict, count and counterexample", () => {
    const j = toJson(checkModel([nodes, file("overcommitted.yaml")])) as { suites: Array<{ suite: string; laws: Array<Record<string, unknown>> }>; exitCode: number }
    expect(j.exitCode).toBe(1)
    expect(j.suites.map((s) => s.suite)).toEqual(["manifests", "resources", "fit", "schedule", "footprint"])
    const sched = j.suites[3]!.laws[0]!
    expect(sched).toMatchObject({ law: "schedule.respectsCapacity", verdict: "fails", checked: 1, counterexample: { message: expect.stringContaining("over by 500m") } })
    expect(j.suites[2]!.laws[0]).toMatchObject({ law: "virtualize.fitsKvmNode", verdict: "not-applicable", checked: 0, counterexample: null })
  })
})

const corpus = join(import.meta.dirname, "..", "..", "..", "..", "shared", "corpus")
const corpusFiles = (dir: string): ReadonlyArray<ModelFile> =>
  readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n)
      return statSync(p).isDirectory() ? corpusFiles(p) : /\.ya?ml$/.test(n) ? [{ file: p, text: readFileSync(p, "utf8") }] : []
    })

describe.skipIf(!existsSync(corpus))("checkModel on ../shared/corpus (skipped: absent in a user's clone)", () => {
  // the corpus is a set of independent examples: two of them name the same VMI, which one cluster cannot hold
  it("as one cluster it is refused: a VMI named twice, both places named", () => {
    const o = checkModel([nodes, ...corpusFiles(corpus)])
    expect(o._tag).toBe("BadInput")
    expect(o._tag === "BadInput" && o.errors.join("\n")).toMatch(/Duplicate value: "vmi-fedora" \(first at .*vmi-fedora/)
  })

  it("each example with the fixture nodes: every manifest modelled; S2.2 holds; the GPU VMI and the dongle pod fit no fixture node", () => {
    const reports = corpusFiles(corpus).map((f) => report(checkModel([nodes, f])))
    const laws = (name: string) => reports.flatMap((r) => r.suites.flatMap((s) => s.verdict.laws).filter((l) => l.law === name))
    const s22 = laws("resources.requestWithinLimit")
    expect(s22.filter((l) => l._tag === "Fails")).toEqual([])
    const s22Cases = s22.reduce((n, l) => n + (l._tag === "Holds" && l.coverage.mode === "exhaustive" ? l.coverage.cases : 0), 0)
    expect(s22Cases).toBeGreaterThanOrEqual(15)
    const inputsOfFailures = (name: string) => laws(name).flatMap((l) => (l._tag === "Fails" ? l.all.map((c) => c.input) : []))
    expect(inputsOfFailures("virtualize.fitsKvmNode")).toEqual([expect.stringContaining("vmi-gpu")])
    expect(laws("virtualize.fitsKvmNode").map((l) => (l._tag === "Fails" ? l.counterexample.message : "")).join("\n")).toContain("nvidia.com/GP102GL_Tesla_P40 1 > 0 (short by 1)")
    expect(inputsOfFailures("containerize.fitsNode")).toEqual([expect.stringContaining("extended-resource-demo")])
    expect(reports.flatMap((r) => r.notModelled).filter((n) => n.reason.startsWith("stopped VM")).length).toBe(3)
  })
})
