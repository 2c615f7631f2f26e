/**
 * Requests against limits as the API server's ValidateResourceRequirements checks them
 * (issue 14: hugepages without a limit were scheduled): resources that cannot be overcommitted
 * (hugepages, extended resources) need a limit equal to the request, hugepages are whole pages
 * and come with cpu or memory. Each case is refused at its path; the valid neighbours schedule.
 */
import { describe, expect, it } from "vitest"
import { workloadFromText } from "../../src/scheduler/index.ts"

const podWith = (resources: string, field = "containers") =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: d}\nspec: {${field === "containers" ? "" : `containers: [{name: main, image: i, resources: {requests: {cpu: 1}}}], `}${field}: [{name: c, image: i, resources: ${resources}}]}\n`
const at = "pods.yaml: document 0, spec.containers[0].resources"

describe("requests against limits (ValidateResourceRequirements)", () => {
  it.each([
    ["hugepages requested without a limit", "{requests: {memory: 1Gi, hugepages-2Mi: 4Mi}}", `${at}.limits["hugepages-2Mi"]: Required value: Limit must be set for non overcommitable resources`],
    ["hugepages request below its limit", "{requests: {memory: 1Gi, hugepages-2Mi: 4Mi}, limits: {memory: 1Gi, hugepages-2Mi: 8Mi}}", `${at}.requests["hugepages-2Mi"]: Invalid value: "4Mi": must be equal to hugepages-2Mi limit of 8Mi`],
    ["hugepages request above its limit", "{requests: {memory: 1Gi, hugepages-1Gi: 2Gi}, limits: {memory: 1Gi, hugepages-1Gi: 1Gi}}", `${at}.requests["hugepages-1Gi"]: Invalid value: "2Gi": must be equal to hugepages-1Gi limit of 1Gi`],
    ["an extended resource requested without a limit", "{requests: {nvidia.com/gpu: '1'}}", `${at}.limits["nvidia.com/gpu"]: Required value: Limit must be set for non overcommitable resources`],
    ["an extended resource request ≠ its limit", "{requests: {nvidia.com/gpu: '1'}, limits: {nvidia.com/gpu: '2'}}", `${at}.requests["nvidia.com/gpu"]: Invalid value: "1": must be equal to nvidia.com/gpu limit of 2`],
    ["hugepages not a whole number of pages", "{limits: {memory: 1Gi, hugepages-2Mi: 3Mi}}", `${at}.limits["hugepages-2Mi"]: Invalid value: "3Mi": 3Mi is not positive integer multiple of hugepages-2Mi`],
    ["a hugepages name whose page size is not a quantity", "{limits: {memory: 1Gi, hugepages-2X: 4Mi}}", `${at}.limits["hugepages-2X"]: Invalid value: "4Mi": 4Mi is not positive integer multiple of hugepages-2X`],
    ["hugepages without cpu or memory", "{limits: {hugepages-2Mi: 4Mi}}", `${at}: Forbidden: HugePages require cpu or memory`],
  ])("%s is refused at its path", (_, resources, message) => {
    expect(() => workloadFromText(podWith(resources), "pods.yaml")).toThrow(message)
  })

  it("the same rules in init containers, in a controller's template and at pod level", () => {
    expect(() => workloadFromText(podWith("{requests: {memory: 1Gi, hugepages-2Mi: 4Mi}}", "initContainers"), "pods.yaml")).toThrow(
      'spec.initContainers[0].resources.limits["hugepages-2Mi"]: Required value',
    )
    const deployment = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: d}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: i, resources: {requests: {cpu: 1, example.com/dongle: 2}, limits: {example.com/dongle: 1}}}]}\n`
    expect(() => workloadFromText(deployment, "deploy.yaml")).toThrow('spec.template.spec.containers[0].resources.requests["example.com/dongle"]: Invalid value: "2": must be equal to example.com/dongle limit of 1')
    const podLevel = `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: d}\nspec:\n  resources: {requests: {cpu: 1, hugepages-2Mi: 2Mi}}\n  containers: [{name: c, image: i}]\n`
    expect(() => workloadFromText(podLevel, "pods.yaml")).toThrow('spec.resources.limits["hugepages-2Mi"]: Required value')
  })

  it("the valid neighbours are read: a limit alone (the request defaults to it), equal request and limit, whole pages, cpu or memory only in limits; overcommittable resources may be below their limit", () => {
    const requests = (resources: string) => workloadFromText(podWith(resources), "pods.yaml").pending[0]?.containers[0]?.requests
    expect(requests("{limits: {memory: 1Gi, hugepages-2Mi: 4Mi, nvidia.com/gpu: '2'}}")).toEqual({ memory: 2 ** 30, "hugepages-2Mi": 4 * 2 ** 20, "nvidia.com/gpu": 2 })
    expect(requests("{requests: {cpu: 100m, hugepages-1Gi: 2Gi}, limits: {hugepages-1Gi: 2Gi}}")).toEqual({ cpu: 100, "hugepages-1Gi": 2 * 2 ** 30 })
    expect(requests("{requests: {cpu: 100m, memory: 1Gi, ephemeral-storage: 1Gi}, limits: {cpu: '2', memory: 2Gi, ephemeral-storage: 2Gi}}")).toEqual({ cpu: 100, memory: 2 ** 30, "ephemeral-storage": 2 ** 30 })
    // a zero amount is a whole number of pages
    expect(requests("{limits: {cpu: 1, hugepages-2Mi: '0'}}")).toEqual({ cpu: 1000, "hugepages-2Mi": 0 })
    // kubernetes.io/ extended names are native, hence overcommittable
    expect(requests("{requests: {example.kubernetes.io/thing: '1'}}")).toEqual({ "example.kubernetes.io/thing": 1 })
  })
})
