/**
 * Resource vectors, container and pod requirements, QoS, and the preorder as a thin category.
 *
 * @since 0.1.0
 */
export * from "./ResourceName.ts"
export * from "./ResourceVector.ts"
export * from "./ResourceError.ts"
export * from "./ResourceRequirements.ts"
export * from "./PodRequests.ts"
export * from "./QosClass.ts"
export * from "./ResourceOrder.ts"
export * from "./arbitrary.ts"
