import * as E from "fp-ts/lib/Either.js"
import { different, equal, type Category } from "../Category.ts"
import { buildFinCat, type FinCat } from "./FinCat.ts"
import { parsePresentation, showPath, typePath, type GeneratorInput, type Presentation, type TypedPath } from "./Presentation.ts"
import { PresentationError } from "./PresentationError.ts"

/**
 * The free category on a directed graph: objects are vertices, arrows are paths, composition
 * is concatenation, and two paths are equal only when they are the same path. This is the
 * category of a state machine: states, transitions, and runs.
 *
 * An acyclic graph gives a finite category, built by the same machinery as any presentation
 * (a presentation with no equations: completion is trivial, enumeration is the FinCat search),
 * so it comes with hom-set counts and a composition table. A graph with a cycle gives an
 * infinite category: it is reported with the cycle as witness, and its paths are enumerated
 * only up to a length bound.
 *
 * @since 0.1.0
 */

/** A directed graph: vertices and named edges. @since 0.1.0 @category model */
export interface GraphInput {
  readonly name?: string
  readonly objects: ReadonlyArray<string>
  readonly arrows: ReadonlyArray<GeneratorInput>
}

/** Paths between two objects up to a length, and whether the list is all of them. @since 0.1.0 @category model */
export interface PathEnumeration {
  readonly paths: ReadonlyArray<TypedPath>
  /** False when the `limit` on the number of paths stopped the enumeration. */
  readonly complete: boolean
}

/**
 * The free category on a graph; arrows are typed paths.
 *
 * @since 0.1.0
 * @category model
 */
export interface FreeCategory extends Category<number, TypedPath> {
  readonly presentation: Presentation
  /**
   * `finite` (acyclic, enumerated), `infinite` (a cycle) or `too-large` (acyclic, but more
   * paths than the FinCat bounds allow: a large DAG can have exponentially many).
   */
  readonly size: "finite" | "infinite" | "too-large"
  /** A cycle (generator names, diagram order) when the graph has one: the category is infinite. */
  readonly cycle: ReadonlyArray<string> | undefined
  /** The finite category when the graph is acyclic. */
  readonly finite: FinCat | undefined
  /** The object id of a name. */
  readonly objectId: (name: string) => number
  /** Types a path of edge names (an empty path needs `at`). Throws {@link PresentationError}. */
  readonly path: (names: ReadonlyArray<string>, at?: string) => TypedPath
  /** Every path `x → y` of length ≤ `maxLength` in shortlex order, at most `limit` of them. */
  readonly paths: (x: number, y: number, maxLength: number, limit?: number) => PathEnumeration
  /** The objects reachable from `x` by some path (including `x`). */
  readonly reachable: (x: number) => ReadonlyArray<number>
}

/** A cycle of the graph by depth-first search, as edge ids in order, or undefined. */
const findCycle = (p: Presentation): number[] | undefined => {
  const nObj = p.objects.length
  const state = new Int8Array(nObj) // 0 new, 1 on the stack, 2 done
  const viaEdge = new Int32Array(nObj).fill(-1)
  const outEdges: number[][] = Array.from({ length: nObj }, () => [])
  p.generators.forEach((_, a) => outEdges[p.generatorDom[a] as number]!.push(a))
  for (let root = 0; root < nObj; root++) {
    if (state[root] !== 0) continue
    // Iterative DFS: a stack of (vertex, next edge index).
    const stack: Array<[number, number]> = [[root, 0]]
    state[root] = 1
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number]
      const [v, i] = top
      const edges = outEdges[v] as number[]
      if (i >= edges.length) {
        state[v] = 2
        stack.pop()
        continue
      }
      top[1] = i + 1
      const a = edges[i] as number
      const w = p.generatorCod[a] as number
      if (state[w] === 1) {
        // Walk back along the stack from v to w.
        const cycle = [a]
        let u = v
        while (u !== w) {
          const e = viaEdge[u] as number
          cycle.push(e)
          u = p.generatorDom[e] as number
        }
        return cycle.reverse()
      }
      if (state[w] === 0) {
        state[w] = 1
        viaEdge[w] = a
        stack.push([w, 0])
      }
    }
  }
  return undefined
}

/**
 * The free category on a graph. Throws {@link PresentationError} for an invalid graph.
 *
 * @example
 * import { freeCategory } from "catcluster/category/fincat"
 * const pod = freeCategory({
 *   objects: ["Pending", "Running", "Succeeded"],
 *   arrows: [{ name: "start", dom: "Pending", cod: "Running" }, { name: "exit0", dom: "Running", cod: "Succeeded" }],
 * })
 * pod.finite?.homCount(0, 2) // 1: start;exit0
 *
 * @since 0.1.0
 * @category constructors
 */
export const freeCategory = (graph: GraphInput): FreeCategory => {
  const parsed = parsePresentation({ ...graph, name: graph.name ?? "Free", equations: [] })
  if (E.isLeft(parsed)) throw parsed.left
  const p = parsed.right
  const cycleIds = findCycle(p)
  const built = cycleIds === undefined ? buildFinCat(p) : undefined
  const finite = built?._tag === "Finite" ? built.category : undefined
  const outEdges: number[][] = Array.from({ length: p.objects.length }, () => [])
  p.generators.forEach((_, a) => outEdges[p.generatorDom[a] as number]!.push(a))
  const objectId = (name: string): number => {
    const x = p.objectIndex.get(name)
    if (x === undefined) throw new PresentationError("object", { _tag: "UnknownObject", name })
    return x
  }
  return {
    name: p.name,
    presentation: p,
    size: cycleIds !== undefined ? "infinite" : finite !== undefined ? "finite" : "too-large",
    cycle: cycleIds?.map((a) => p.generators[a] as string),
    finite,
    objectId,
    dom: (f) => f.dom,
    cod: (f) => f.cod,
    id: (x) => ({ dom: x, cod: x, word: [] }),
    compose: (g, f) => ({ dom: f.dom, cod: g.cod, word: [...f.word, ...g.word] }),
    equalObjects: (x, y) => x === y,
    equalArrows: (f, g) =>
      f.dom === g.dom && f.cod === g.cod && f.word.length === g.word.length && f.word.every((a, i) => a === g.word[i])
        ? equal
        : different(`${showPath(p, f)} ≠ ${showPath(p, g)} (different paths)`, { left: f, right: g }),
    showObject: (x) => p.objects[x] as string,
    showArrow: (f) => showPath(p, f, false),
    path: (names, at) => {
      const typed = typePath(p, names, at)
      if (E.isLeft(typed)) throw typed.left
      return typed.right
    },
    paths: (x, y, maxLength, limit = 100_000) => {
      // Breadth-first by length; edges in id order, so the list is in shortlex order.
      const found: TypedPath[] = []
      let layer: TypedPath[] = [{ dom: x, cod: x, word: [] }]
      for (let length = 0; length <= maxLength && layer.length > 0; length++) {
        const next: TypedPath[] = []
        for (const q of layer) {
          if (q.cod === y) {
            if (found.length >= limit) return { paths: found, complete: false }
            found.push(q)
          }
          if (length < maxLength) {
            for (const a of outEdges[q.cod] as number[]) {
              next.push({ dom: x, cod: p.generatorCod[a] as number, word: [...q.word, a] })
            }
          }
        }
        layer = next
        if (layer.length > limit * 64) return { paths: found, complete: false }
      }
      return { paths: found, complete: true }
    },
    reachable: (x) => {
      const seen = new Uint8Array(p.objects.length)
      const queue = [x]
      seen[x] = 1
      for (let i = 0; i < queue.length; i++) {
        for (const a of outEdges[queue[i] as number] as number[]) {
          const w = p.generatorCod[a] as number
          if (seen[w] === 0) {
            seen[w] = 1
            queue.push(w)
          }
        }
      }
      return queue.sort((a, b) => a - b)
    },
  }
}
