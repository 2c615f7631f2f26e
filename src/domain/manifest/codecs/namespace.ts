/**
 * Namespace (`core/v1`): its labels are what pod affinity's `namespaceSelector` reads.
 *
 * @since 0.1.0
 */
import * as t from "io-ts"
import { ObjectMeta } from "./meta.ts"
import { OpaqueObject, struct } from "./primitives.ts"

/**
 * A Kubernetes Namespace (`v1`).
 *
 * @since 0.1.0
 * @category codecs
 */
export const Namespace = struct(
  "Namespace",
  { apiVersion: t.string, kind: t.literal("Namespace") },
  {
    metadata: ObjectMeta,
    spec: t.partial({ finalizers: t.array(t.string) }, "NamespaceSpec"),
    status: t.partial({ phase: t.string, conditions: t.array(OpaqueObject) }, "NamespaceStatus"),
  },
)

/** A decoded Namespace. @since 0.1.0 @category model */
export type Namespace = t.TypeOf<typeof Namespace>
