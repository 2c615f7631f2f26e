/**
 * Input as users have it, the same for every subcommand: directories (recursively), several
 * files per flag, standard input (`kubectl get … -o json | catcluster … --stdin`, or `-` as a
 * path), `kubectl get -o yaml` lists with status and managedFields decoded as they are, each pod
 * of a live dump counted once, a file named twice read once, and objects of kinds catcluster does
 * not model named once, by kind and count.
 */
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { parse } from "yaml"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const fixtures = join(root, "test", "fixtures", "operations")
const kubectlYaml = join(fixtures, "kubectl", "get-all.yaml")
const cli = (args: ReadonlyArray<string>, input?: string) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", cwd: root, timeout: 120_000, ...(input === undefined ? {} : { input }) })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const occurrences = (text: string, part: string): number => text.split(part).length - 1

describe("reading input", () => {
  it("a kubectl get -o yaml List (status, managedFields) decodes as is; the launcher pod and the finished Job pod are not counted again", () => {
    const r = cli(["drain", "worker-2", "--workloads", kubectlYaml, "--json"])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout) as { migrated: Array<{ name: string; from: string; to: string }>; rescheduled: unknown[]; pending: unknown[]; deleted: unknown[] }
    // worker-2 runs only vm-db (LiveMigrate, LiveMigratable=True): its launcher pod is the VMI's,
    // the 6-cpu report pod has Succeeded and holds nothing.
    expect(out.migrated).toEqual([expect.objectContaining({ name: "vm-db", kind: "VirtualMachineInstance", from: "worker-2", to: "worker-1" })])
    expect(out.rescheduled).toEqual([])
    expect(out.pending).toEqual([])
    expect(out.deleted).toEqual([])
    expect(r.stderr).toContain("virt-launcher-vm-db-h7x2l not scheduled: Pod: the virt-launcher pod of VirtualMachineInstance vm-db, which is in the input")
    expect(r.stderr).toContain("report-28891234-5zq7t not scheduled: Pod is Succeeded")
  })

  it("kinds catcluster does not model are named once, with their count", () => {
    const r = cli(["schedule", "--workloads", kubectlYaml])
    expect(r.code).toBe(0)
    const warning = "catcluster: warning: 2 objects of kinds catcluster does not model, read and left out: ConfigMap ×2"
    expect(occurrences(r.stderr, warning)).toBe(1)
    expect(r.stderr).not.toContain("kube-root-ca.crt")
  })

  it("standard input: kubectl get -o json piped into --stdin, nodes and workloads told apart by kind", () => {
    const json = JSON.stringify(parse(readFileSync(kubectlYaml, "utf8")))
    const r = cli(["drain", "worker-2", "--stdin", "--json"], json)
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as { migrated: Array<{ name: string }> }).migrated.map((m) => m.name)).toEqual(["vm-db"])
    // the same with - as a path, for schedule (which needs no other flag)
    const s = cli(["schedule", "--workloads", "-", "--json"], json)
    expect(s.code).toBe(0)
    expect(JSON.parse(s.stdout)).toEqual({ placements: [] })
  })

  it("standard input names itself in errors, and a terminal-less empty input is no cluster", () => {
    const r = cli(["schedule", "--stdin"], "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, resources: {requests: {cpu: 1K}}}]}\n")
    expect(r.code).toBe(2)
    expect(r.stderr).toContain("<stdin>:4:")
    expect(r.stderr).toContain("spec.containers[0].resources.requests.cpu")
    const empty = cli(["schedule", "--stdin"], "")
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain("no Node in the input (<stdin>)")
  })

  it("directories recursively and several files per flag, a file named twice read once", () => {
    const dir = mkdtempSync(join(tmpdir(), "catcluster-input-"))
    mkdirSync(join(dir, "apps", "team-a"), { recursive: true })
    writeFileSync(join(dir, "nodes.yaml"), readFileSync(join(fixtures, "small", "nodes.yaml"), "utf8"))
    const pod = (name: string, cpu: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: d}\nspec: {containers: [{name: c, resources: {requests: {cpu: ${cpu}, memory: 64Mi}}}]}\n`
    writeFileSync(join(dir, "apps", "one.yaml"), pod("one", "100m"))
    writeFileSync(join(dir, "apps", "team-a", "two.json"), JSON.stringify(parse(pod("two", "200m"))))
    writeFileSync(join(dir, "apps", "team-a", "notes.txt"), "not a manifest")
    const extra = join(dir, "three.yaml")
    writeFileSync(extra, pod("three", "300m"))
    const r = cli(["schedule", "--nodes", join(dir, "nodes.yaml"), "--workloads", join(dir, "apps"), extra, join(dir, "apps", "one.yaml"), "--json"])
    expect(r.code).toBe(0)
    const placed = (JSON.parse(r.stdout) as { placements: Array<{ pod: string; node: string | null }> }).placements
    expect(placed.map((p) => p.pod)).toEqual(["d/one", "d/two", "d/three"])
    expect(placed.every((p) => p.node !== null)).toBe(true)
  })

  it("run --stdin runs the main job on piped manifests", () => {
    const out = mkdtempSync(join(tmpdir(), "catcluster-run-"))
    const json = JSON.stringify(parse(readFileSync(kubectlYaml, "utf8")))
    const r = cli(["run", "--stdin", "--only", "decode,schedule", "--quiet", "--json", "--out", out], json)
    expect(r.code).toBe(0)
    const steps = (JSON.parse(r.stdout) as { steps: Array<{ step: string; summary: string }> }).steps
    expect(steps.find((s) => s.step === "decode")!.summary).toMatch(/^8 objects/)
    expect(steps.find((s) => s.step === "schedule")!.summary).toMatch(/^0\/0 placed/)
    expect(occurrences(r.stderr, "ConfigMap ×2")).toBe(1)
  })

  it("hpa reads --pods from standard input and --metrics from several files", () => {
    const f = (name: string) => join(root, "test", "dynamics", "autoscaling", "fixtures", name)
    const r = cli(["hpa", "--hpa", f("hpa.yaml"), "--pods", "-", "--metrics", f("metrics.yaml"), "--now", "2026-11-27T04:00:00Z", "--json"], readFileSync(f("pods.yaml"), "utf8"))
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as { desiredReplicas: number }).desiredReplicas).toBe(8)
    const twice = cli(["hpa", "--hpa", "-", "--pods", "-", "--metrics", f("metrics.yaml")], "")
    expect(twice.code).toBe(2)
    expect(twice.stderr).toContain("standard input can hold one of --hpa, --pods, --metrics, not two")
  })

  it("hpa refuses a pod given twice (the replica calculator would count it twice), naming both places", () => {
    const f = (name: string) => join(root, "test", "dynamics", "autoscaling", "fixtures", name)
    const copy = join(mkdtempSync(join(tmpdir(), "catcluster-hpa-pods-")), "pods-again.yaml")
    writeFileSync(copy, readFileSync(f("pods.yaml"), "utf8"))
    const r = cli(["hpa", "--hpa", f("hpa.yaml"), "--pods", f("pods.yaml"), copy, "--metrics", f("metrics.yaml"), "--now", "2026-11-27T04:00:00Z"])
    expect(r.stderr).toMatch(new RegExp(`objects are given twice[^\n]*\n  Pod [^ ]+ \\(${f("pods.yaml")}: document 0(, items\\[0\\])? and ${copy}: document 0`))
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
    expect(r.code).toBe(2)
  })
})
