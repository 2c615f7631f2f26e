/**
 * Resource lists are validated as the API server validates them (names, non-negative amounts,
 * whole extended resources, requests ≤ limits) and within the range catcluster schedules exactly
 * (2^53 − 1; a node's pods ≤ 2^31 − 1): what Kubernetes would reject, or what the engines could
 * not count exactly, is bad input at its path — never a placement.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { runConfig } from "../../src/laws/RunConfig.ts"
import * as E from "fp-ts/lib/Either.js"
import { parseQuantity } from "../../src/domain/quantity/parse.ts"
import { amountsOf, isValidResourceName, MAX_AMOUNT, MAX_PODS, nodesFromText, workloadFromText } from "../../src/scheduler/index.ts"

const Gi = 2 ** 30
const podWith = (resources: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: d}\nspec: {containers: [{name: c, image: i, resources: ${resources}}]}\n`
const nodeWith = (allocatable: string) => `apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus: {allocatable: ${allocatable}}\n`

describe("resource amounts", () => {
  it.each([
    ["a negative request", "{requests: {cpu: '-1'}}", 'requests["cpu"]: Invalid value: "-1": must be greater than or equal to 0'],
    ["a name with a space", "{requests: {'foo bar': '1'}}", 'requests["foo bar"]: Invalid value: "foo bar": must be a standard resource type or fully qualified'],
    ["an Object.prototype name", "{requests: {toString: '5'}}", 'requests["toString"]: Invalid value: "toString": must be a standard resource type'],
    ["constructor", "{limits: {constructor: '1'}}", 'limits["constructor"]: Invalid value: "constructor"'],
    ["a request above its limit", "{requests: {memory: 2Gi}, limits: {memory: 1Gi}}", 'requests["memory"]: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi'],
    ["a fractional extended resource", "{requests: {example.com/dongle: 500m}, limits: {example.com/dongle: 500m}}", 'limits["example.com/dongle"]: Invalid value: "500m": must be an integer'],
    ["an amount beyond 2^53 − 1", "{requests: {memory: '1e400'}}", `requests["memory"]: Invalid value: "10e399": exceeds the range catcluster schedules exactly (${MAX_AMOUNT})`],
    ["cpu beyond 2^53 − 1 millicores", "{requests: {cpu: 10P}}", `exceeds the range catcluster schedules exactly (${MAX_AMOUNT} millicores)`],
  ])("%s in a pod is refused at its path", (_, resources, message) => {
    expect(() => workloadFromText(podWith(resources), "pods.yaml")).toThrow(message)
    expect(() => workloadFromText(podWith(resources), "pods.yaml")).toThrow("pods.yaml: document 0, spec.containers[0].resources.")
  })

  it.each([
    ["negative allocatable", "{cpu: '-4', memory: 4Gi, pods: '10'}", 'status.allocatable["cpu"]: Invalid value: "-4": must be greater than or equal to 0'],
    ["pods beyond 2^31 − 1", "{cpu: '4', memory: 4Gi, pods: '3e9'}", `status.allocatable["pods"]: Invalid value: "3e9": exceeds the pod count catcluster models (${MAX_PODS})`],
    ["an unqualified unknown name", "{cpu: '4', valueOf: '1'}", 'status.allocatable["valueOf"]'],
  ])("%s on a node is refused at its path", (_, allocatable, message) => {
    expect(() => nodesFromText(nodeWith(allocatable), "nodes.yaml")).toThrow(message)
  })

  it("valid lists decode to the amounts kube-scheduler counts (cpu in millicores, the rest in base units)", () => {
    const w = workloadFromText(podWith("{requests: {cpu: 250m, hugepages-2Mi: 4Mi, nvidia.com/gpu: '1'}, limits: {cpu: '1', hugepages-2Mi: 4Mi, nvidia.com/gpu: '1'}}"), "pods.yaml")
    expect(w.pending[0]?.containers?.[0]?.requests).toEqual({ cpu: 250, "hugepages-2Mi": 4 * 2 ** 20, "nvidia.com/gpu": 1 })
    const [n] = nodesFromText(nodeWith(`{cpu: '4', memory: 4Gi, pods: '${MAX_PODS}', attachable-volumes-aws-ebs: '25', devices.kubevirt.io/kvm: 1k}`), "nodes.yaml")
    expect(n?.allocatable).toMatchObject({ cpu: 4000, pods: MAX_PODS, "devices.kubevirt.io/kvm": 1000 })
  })

  it("the limits are inclusive: 2^53 − 1 and a node's 2^31 − 1 pods pass, one more does not; zero passes", () => {
    expect(workloadFromText(podWith(`{requests: {memory: '${MAX_AMOUNT}', cpu: '0'}}`), "pods.yaml").pending[0]?.containers?.[0]?.requests).toEqual({ memory: MAX_AMOUNT, cpu: 0 })
    expect(() => workloadFromText(podWith(`{requests: {memory: '${MAX_AMOUNT + 1}'}}`), "pods.yaml")).toThrow("exceeds the range")
    expect(() => nodesFromText(nodeWith(`{cpu: '4', pods: '${MAX_PODS + 1}'}`), "nodes.yaml")).toThrow("exceeds the pod count")
    // the hot path counts a node's pods in an Int32Array
    expect(MAX_PODS).toBe(2 ** 31 - 1)
    const [n] = nodesFromText(nodeWith("{cpu: '4', ephemeral-storage: 10Gi, storage: 1Ti, pods: '10'}"), "nodes.yaml")
    expect(n?.allocatable).toMatchObject({ "ephemeral-storage": 10 * Gi, storage: 2 ** 40 })
  })

  it("without a location the amounts are read as given (validation is the adapters' job); a list's owner defaults to a pod", () => {
    const q = (text: string) => {
      const r = parseQuantity(text)
      if (E.isLeft(r)) throw new Error(text)
      return r.right
    }
    expect(amountsOf({ toString: q("5") })).toEqual({ toString: 5 })
    expect(() => amountsOf({ pods: q("5") }, "here")).toThrow('here["pods"]: Invalid value: "pods"')
    expect(amountsOf({ pods: q("5") }, "here", "node")).toEqual({ pods: 5 })
  })

  it("resource names: standard, hugepages and domain-qualified names pass; anything else fails", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9]{0,10}(\.[a-z][a-z0-9]{0,10}){1,3}\/[A-Za-z][A-Za-z0-9_.-]{0,20}[A-Za-z0-9]$/), (name) => isValidResourceName(name, "pod")),
      runConfig(),
    )
    for (const name of ["cpu", "memory", "ephemeral-storage", "hugepages-1Gi", "example.com/x"]) expect(isValidResourceName(name, "pod"), name).toBe(true)
    for (const name of ["pods", "storage", "foo", "foo bar", "toString", "__proto__", "example.com/", "/x", "Example.com/x", `example.com/${"a".repeat(64)}`, "xhugepages-2Mi", "attachable-volumes-aws-ebs", "example.com/x!"]) {
      expect(isValidResourceName(name, "pod"), name).toBe(false)
    }
    expect(isValidResourceName("pods", "node")).toBe(true)
  })

  it("through the CLI: exit 2, the path and the problem, no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "catcluster-amounts-"))
    writeFileSync(join(dir, "nodes.yaml"), nodeWith("{cpu: '4', memory: 4Gi, pods: '10', toString: '1'}"))
    writeFileSync(join(dir, "pods.yaml"), podWith("{requests: {toString: '5'}}"))
    const root = join(import.meta.dirname, "..", "..")
    const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "src", "cli", "main.ts"), "schedule", "--nodes", join(dir, "nodes.yaml"), "--pods", join(dir, "pods.yaml")], { cwd: root, encoding: "utf8" })
    expect(r.status, r.stderr).toBe(2)
    expect(r.stderr).toMatch(/status\.allocatable\["toString"\]: Invalid value: "toString": must be a standard resource type or fully qualified/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.stdout).toBe("")
  })
})
