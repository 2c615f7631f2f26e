/**
 * `--max-file-size` on every file a command reads, not only --nodes / --workloads / --pods: the
 * same default limit (256Mi), the same flag and the same message, exit 2.
 */
import { spawnSync } from "node:child_process"
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const cli = (...args: string[]) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", cwd: root, timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const dir = mkdtempSync(join(tmpdir(), "catcluster-maxfile-"))
const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
// the nodes file is read under a 120-byte limit; the other files are larger
const nodes = file("nodes.yaml", "kind: Node\napiVersion: v1\nmetadata: {name: n1}\nstatus: {allocatable: {cpu: '4', memory: 8Gi, pods: '110'}}\n")
const config = file("config.yaml", `apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\n# ${"padding ".repeat(20)}\n`)
const pod = file("pod.yaml", `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: default}\nspec: {containers: [{name: c, resources: {requests: {cpu: 100m}}}]}\n`)
const hpa = file(
  "hpa.yaml",
  "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 5\n  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}]\n",
)
const metrics = file("metrics.yaml", "apiVersion: metrics.k8s.io/v1beta1\nkind: PodMetricsList\nitems: []\n# " + "padding ".repeat(20) + "\n")
const history = file("history.yaml", `recommendations: []\n# ${"padding ".repeat(20)}\n`)
const presentation = file("presentation.yaml", `name: P\nobjects: [A, B]\narrows: [{name: f, dom: A, cod: B}]\n# ${"padding ".repeat(20)}\n`)
// larger than the default limit, without using the disk (sparse)
const huge = join(dir, "huge.yaml")
const fd = openSync(huge, "w")
ftruncateSync(fd, 257 * 2 ** 20)
closeSync(fd)

const overLimit = (path: string, size: number, limit = "120 bytes") => `catcluster: cannot read ${path}: ${size} bytes is over the limit of ${limit} per file (--max-file-size raises it)`
const bytes = (path: string) => Buffer.byteLength(readFileSync(path, "utf8"))

describe("--max-file-size on every file flag", () => {
  it("schedule, run and drain --config", () => {
    for (const args of [
      ["schedule", "--nodes", nodes],
      ["run", "--nodes", nodes, "--quiet", "--out", join(dir, "out")],
      ["drain", "n1", "--nodes", nodes],
    ]) {
      const r = cli(...args, "--config", config, "--max-file-size", "120")
      expect(r.code, args[0]).toBe(2)
      expect(r.stderr.trim(), args[0]).toBe(overLimit(config, bytes(config)))
    }
    expect(cli("schedule", "--nodes", nodes, "--config", config, "--max-file-size", "1Ki").code).toBe(0)
  })

  it("capacity --pod", () => {
    const r = cli("capacity", "--nodes", nodes, "--pod", pod, "--max-file-size", "120")
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe(overLimit(pod, bytes(pod)))
    expect(cli("capacity", "--nodes", nodes, "--pod", pod, "--max-file-size", "1Ki").code).toBe(0)
  })

  it("hpa: --hpa, --pods, --metrics and --history, and the default limit", () => {
    const base = ["hpa", "--hpa", hpa, "--pods", pod, "--metrics", metrics, "--now", "2026-01-01T00:00:00Z", "--history", history]
    expect(cli(...base, "--max-file-size", "1Ki").code).toBe(0)
    // each file in turn is the one over the limit (a padded copy of it)
    const padded = (path: string) => file(`big-${path.split("/").pop() ?? ""}`, `${readFileSync(path, "utf8")}# ${"padding ".repeat(200)}\n`)
    for (const path of [hpa, pod, metrics, history]) {
      const big = padded(path)
      const r = cli(...base.map((a) => (a === path ? big : a)), "--max-file-size", "1Ki")
      expect(r.code, path).toBe(2)
      expect(r.stderr.trim()).toBe(overLimit(big, bytes(big), "1Ki (1024 bytes)"))
    }
    const r = cli("hpa", "--hpa", huge, "--pods", pod, "--metrics", metrics)
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe(`catcluster: cannot read ${huge}: 257Mi (${257 * 2 ** 20} bytes) is over the limit of 256Mi (268435456 bytes) per file (--max-file-size raises it)`)
    expect(cli(...base, "--max-file-size", "lots").stderr).toContain("--max-file-size: expected a positive number of bytes (e.g. 268435456 or 512Mi), got lots")
  })

  it("diagram, and the default limit", () => {
    const r = cli("diagram", presentation, "--max-file-size", "120")
    expect(r.code).toBe(2)
    expect(r.stderr.trim()).toBe(overLimit(presentation, bytes(presentation)))
    const ok = cli("diagram", presentation, "--max-file-size", "1Ki")
    expect(ok.stderr).toBe("")
    expect(ok.code).toBe(0)
    const big = cli("diagram", huge)
    expect(big.code).toBe(2)
    expect(big.stderr.trim()).toBe(`catcluster: cannot read ${huge}: 257Mi (${257 * 2 ** 20} bytes) is over the limit of 256Mi (268435456 bytes) per file (--max-file-size raises it)`)
  })
})
