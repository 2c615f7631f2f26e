/**
 * Where the input has nothing for a section, the section says so in one line instead of
 * showing anything else; and the corpus of real upstream manifests (`../shared/corpus`, when
 * present) goes through `run` with every object decoded and no failure.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parseAllDocuments } from "yaml"
import type { ModelFile } from "../../src/app/model.ts"
import { runPipeline } from "../../src/app/pipeline.ts"
import { makeProgress } from "../../src/cli/Progress.ts"

const steps = ["decode", "category", "laws", "schedule", "markov", "autoscaling", "migration", "verify"]

const run = async (model: ReadonlyArray<ModelFile>) => {
  const outDir = mkdtempSync(join(tmpdir(), "catcluster-sections-"))
  return runPipeline(model, { outDir, seed: 7, progress: makeProgress({ quiet: true }), only: steps })
}

const section = (result: Awaited<ReturnType<typeof run>>, id: string) => result.results.flatMap((r) => r.sections).find((s) => s.id === id)!

const containersOnly = `
apiVersion: v1
kind: Node
metadata: { name: solo, labels: { topology.kubernetes.io/zone: z } }
status: { allocatable: { cpu: "4", memory: 8Gi, pods: "20" } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: site, namespace: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: site } }
  template:
    metadata: { labels: { app: site } }
    spec: { containers: [{ name: nginx, image: nginx, resources: { requests: { cpu: 100m, memory: 64Mi } } }] }
`

describe("sections with nothing in the input", () => {
  it("a containers-only cluster without HPA: autoscaling and migration say so in one line; no VM side in the category", async () => {
    const result = await run([{ file: "containers.yaml", text: containersOnly }])
    expect(result.failures).toEqual([])
    expect(section(result, "autoscaling").blocks).toEqual([{ _tag: "Paragraph", text: "The input has no HorizontalPodAutoscaler: nothing to simulate." }])
    expect(section(result, "migration").blocks).toEqual([{ _tag: "Paragraph", text: "The input has no VMI (nor a running VM or VM pool): nothing to live-migrate." }])
    const category = result.results.find((r) => r.step === "category")!.json as { objects: string[]; generators: string[]; s14: string; eta: string }
    expect(category.objects).toEqual(["P", "C", "Pod"])
    expect(category.generators).toEqual(["Ψ", "Ω", "σ_pod"])
    expect(category.s14).toBe("not applicable")
    expect(category.eta).toBe("not drawn")
    const markov = result.results.find((r) => r.step === "markov")!.json as { runtimes: Array<{ runtime: string }> }
    expect(markov.runtimes.map((r) => r.runtime)).toEqual(["container"])
  })

  it("an input with no pod, VMI or node: category, state machines and health each say so in one line", async () => {
    const result = await run([{ file: "empty.yaml", text: "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n" }])
    expect(result.failures).toEqual([])
    for (const id of ["category", "state-machines", "markov", "autoscaling", "migration"]) {
      const blocks = section(result, id).blocks
      expect(blocks, id).toHaveLength(1)
      expect(blocks[0]!._tag, id).toBe("Paragraph")
    }
  })
})

const corpus = join(import.meta.dirname, "..", "..", "..", "shared", "corpus")
const hasCorpus = existsSync(join(corpus, "k8s")) && existsSync(join(corpus, "kubevirt"))
if (!hasCorpus) console.warn(`corpus test skipped: ${corpus}/{k8s,kubevirt} is absent`)

const yamlUnder = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f)
      return statSync(p).isDirectory() ? yamlUnder(p) : /\.(ya?ml|json)$/.test(f) ? [p] : []
    })

describe.skipIf(!hasCorpus)("the upstream corpus through run", () => {
  it("completes with no failure and every object in decode", async () => {
    const files = [...yamlUnder(join(corpus, "k8s")), ...yamlUnder(join(corpus, "kubevirt"))].map((f) => ({ file: f, text: readFileSync(f, "utf8") }))
    const result = await run(files)
    expect(result.failures).toEqual([])
    const decode = result.results.find((r) => r.step === "decode")!.json as { objects: Array<{ kind: string; name: string | null }> }
    // every document of every file (a List counts its items) is listed once, read here by the yaml package alone
    const expected = files.flatMap((f) =>
      parseAllDocuments(f.text)
        .map((d) => d.toJS() as { kind?: string; items?: Array<{ kind?: string }> } | null)
        .flatMap((d) => (d === null ? [] : d.kind?.endsWith("List") === true && Array.isArray(d.items) ? d.items.map((i) => i.kind ?? d.kind!.slice(0, -4)) : [d.kind ?? "?"])),
    )
    expect(expected.length).toBeGreaterThan(20)
    expect(decode.objects.map((o) => o.kind).sort()).toEqual(expected.sort())
  })
})
