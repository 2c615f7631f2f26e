/**
 * Service (`core/v1`) and EndpointSlice (`discovery.k8s.io/v1`).
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { ObjectMeta } from "./meta.ts"
import { Integer, IntOrString, oneOf, OpaqueObject, StringMap, struct } from "./primitives.ts"

const Protocol = oneOf("Protocol", ["TCP", "UDP", "SCTP"])

/**
 * A port of a Service.
 *
 * @since 0.1.0
 * @category codecs
 */
export const ServicePort = struct(
  "ServicePort",
  { port: Integer },
  { name: t.string, protocol: Protocol, targetPort: IntOrString, nodePort: Integer, appProtocol: t.string },
)

/**
 * A Kubernetes Service (`v1`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const Service = struct(
  "Service",
  { apiVersion: t.string, kind: t.literal("Service") },
  {
    metadata: ObjectMeta,
    spec: t.partial(
      {
        selector: StringMap,
        ports: t.array(ServicePort),
        type: oneOf("ServiceType", ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]),
        clusterIP: t.string,
        clusterIPs: t.array(t.string),
        externalIPs: t.array(t.string),
        externalName: t.string,
        sessionAffinity: oneOf("ServiceAffinity", ["None", "ClientIP"]),
        sessionAffinityConfig: OpaqueObject,
        externalTrafficPolicy: oneOf("TrafficPolicy", ["Cluster", "Local"]),
        internalTrafficPolicy: oneOf("TrafficPolicy", ["Cluster", "Local"]),
        ipFamilies: t.array(t.string),
        ipFamilyPolicy: t.string,
        loadBalancerIP: t.string,
        loadBalancerClass: t.string,
        loadBalancerSourceRanges: t.array(t.string),
        allocateLoadBalancerNodePorts: t.boolean,
        healthCheckNodePort: Integer,
        publishNotReadyAddresses: t.boolean,
        trafficDistribution: t.string,
      },
      "ServiceSpec",
    ),
    status: OpaqueObject,
  },
)

/**
 * One endpoint of an EndpointSlice: its addresses and conditions.
 *
 * @since 0.1.0
 * @category codecs
 */
export const Endpoint = struct(
  "Endpoint",
  { addresses: t.array(t.string) },
  {
    conditions: t.partial({ ready: t.boolean, serving: t.boolean, terminating: t.boolean }, "EndpointConditions"),
    hostname: t.string,
    nodeName: t.string,
    zone: t.string,
    targetRef: OpaqueObject,
    hints: OpaqueObject,
    deprecatedTopology: StringMap,
  },
)

/**
 * A Kubernetes EndpointSlice (`discovery.k8s.io/v1`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const EndpointSlice = struct(
  "EndpointSlice",
  {
    apiVersion: t.string,
    kind: t.literal("EndpointSlice"),
    addressType: oneOf("AddressType", ["IPv4", "IPv6", "FQDN"]),
  },
  {
    metadata: ObjectMeta,
    endpoints: t.array(Endpoint),
    ports: t.array(t.partial({ name: t.string, port: Integer, protocol: Protocol, appProtocol: t.string }, "EndpointPort")),
  },
)

/** A decoded Service. @since 0.1.0 @category model */
export type Service = t.TypeOf<typeof Service>
/** A decoded EndpointSlice. @since 0.1.0 @category model */
export type EndpointSlice = t.TypeOf<typeof EndpointSlice>
