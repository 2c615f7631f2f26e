/**
 * A key given twice through the command line (issue 9): a JSON manifest, a kubectl List (which
 * the CLI streams), its standard input, a node's numa-cells annotation and a YAML file each exit 2
 * with one line naming the file, the line, the object's path and the key; no stack trace.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const tsx = join(root, "node_modules", ".bin", "tsx")
const cli = (input: string | undefined, ...args: string[]) => {
  const r = spawnSync(tsx, [join(root, "src", "cli", "main.ts"), ...args], { encoding: "utf8", cwd: root, timeout: 60_000, ...(input === undefined ? {} : { input }) })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
/** Exit 2, no stack trace, and the line of stderr naming the problem, whole. */
const refusedWith = (r: { code: number | null; stderr: string }, line: string): void => {
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  expect(r.stderr.split("\n").map((l) => l.trim())).toContain(line)
  expect(r.code).toBe(2)
}

const dir = mkdtempSync(join(tmpdir(), "catcluster-dupkeys-"))
const write = (name: string, text: string): string => {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}
const nodes = write("nodes.yaml", "apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus:\n  allocatable: {cpu: '8', memory: 16Gi, pods: '110'}\n")
const pod = (name: string, requests: string): string =>
  `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "${name}", "annotations": {"copied": "\\"cpu\\": \\"64\\""}},\n "spec": {"containers": [{"name": "c", "resources": {"requests": {${requests}}}}]}}`
const upstream = 'the API server refuses the object: strict decoding error: duplicate field "spec.containers[0].resources.requests.cpu"'

describe("duplicate keys on the command line", () => {
  it("a JSON manifest and a kubectl List (streamed, from a file and from standard input)", () => {
    const single = write("pod.json", pod("a", '"cpu": "1", "cpu": "64"'))
    refusedWith(cli(undefined, "schedule", "--nodes", nodes, "--pods", single), `${single}:2:79: document 0, spec.containers[0].resources.requests: duplicate field "cpu" (${upstream})`)
    const listText = `{"apiVersion": "v1", "kind": "List", "items": [\n${pod("a", '"cpu": "1"')},\n${pod("b", '"cpu": "1",\n  "cpu": "64"')}\n]}`
    const list = write("list.json", listText)
    const expected = (file: string) => `${file}:6:3: document 0, items[1].spec.containers[0].resources.requests: duplicate field "cpu" (${upstream})`
    refusedWith(cli(undefined, "schedule", "--nodes", nodes, "--pods", list), expected(list))
    refusedWith(cli(listText, "schedule", "--nodes", nodes, "--stdin"), expected("<stdin>"))
    // the same files without the repeat schedule (exit 0): the text of a key inside a string is no key
    expect(cli(undefined, "schedule", "--nodes", nodes, "--pods", write("ok.json", pod("a", '"cpu": "1"'))).code).toBe(0)
  }, 60_000)

  it("a YAML file and a node's numa-cells annotation", () => {
    const yaml = write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: c\n    resources:\n      requests:\n        cpu: '1'\n        cpu: '64'\n")
    refusedWith(
      cli(undefined, "schedule", "--nodes", nodes, "--pods", yaml),
      `${yaml}:10:9: document 0, spec.containers[0].resources.requests: duplicate field "cpu" (Kubernetes' strict YAML decoding refuses it: key "cpu" already set in map)`,
    )
    const numa = write("numa.yaml", `apiVersion: v1\nkind: Node\nmetadata:\n  name: kvm-1\n  annotations:\n    catcluster.io/numa-cells: '[{"cpus": 4, "memory": "8Gi", "cpus": 64}]'\nstatus:\n  allocatable: {cpu: '8', memory: 16Gi, pods: '110'}\n`)
    const r = cli(undefined, "schedule", "--nodes", numa, "--pods", write("fine.json", pod("a", '"cpu": "1"')))
    expect(r.stderr.trim()).toBe(`catcluster: ${numa}: document 0, metadata.annotations["catcluster.io/numa-cells"][0]: duplicate field "cpus" (JSON.parse would keep the last value silently)`)
    expect(r.code).toBe(2)
  }, 60_000)

  it("the readers that are not manifests: hpa --history, diagram, check --presentation (were the parser's 'Map keys must be unique', no key or path)", () => {
    const lax = "(a YAML or JSON reader would keep the last value silently)"
    const hpa = write(
      "hpa.yaml",
      "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 5\n  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}]\n",
    )
    const pods = write("pods.yaml", "apiVersion: v1\nkind: PodList\nitems: []\n")
    const metrics = write("metrics.yaml", "apiVersion: metrics.k8s.io/v1beta1\nkind: PodMetricsList\nitems: []\n")
    const hpaWith = (history: string) => cli(undefined, "hpa", "--hpa", hpa, "--pods", pods, "--metrics", metrics, "--now", "2026-01-01T00:00:00Z", "--history", history)
    const history = write("history.yaml", "recommendations:\n- {value: 3, time: '2026-01-01T00:00:00Z'}\n- {value: 4, time: '2026-01-01T00:00:00Z', value: 9}\n")
    refusedWith(hpaWith(history), `catcluster: ${history}:3:44: recommendations[1]: duplicate field "value" ${lax}`)
    const json = write("history.json", '{"scaleUpEvents": [],\n "scaleUpEvents": [{"value": 1, "time": "2026-01-01T00:00:00Z"}]}')
    refusedWith(hpaWith(json), `catcluster: ${json}:2:2: duplicate field "scaleUpEvents" ${lax}`)
    expect(hpaWith(write("history-ok.yaml", "recommendations: []\n")).code).toBe(0)

    const presentation = write("square.yaml", "name: Square\nobjects: [A, B]\narrows:\n  - {name: f, dom: A, cod: B}\n  - name: g\n    dom: A\n    cod: B\n    dom: B\n")
    const expected = `${presentation}:8:5: arrows[1]: duplicate field "dom" ${lax}`
    refusedWith(cli(undefined, "diagram", presentation), `catcluster: ${expected}`)
    refusedWith(cli(undefined, "check", "--presentation", presentation), expected)
    expect(cli(undefined, "diagram", write("ok.yaml", "name: Square\nobjects: [A, B]\narrows:\n  - {name: f, dom: A, cod: B}\n")).code).toBe(0)
  }, 60_000)
})
