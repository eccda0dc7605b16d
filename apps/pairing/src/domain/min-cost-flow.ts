/**
 * Minimum-cost maximum flow by successive shortest paths (Dijkstra on reduced costs, with
 * Bellman–Ford potentials first so edges may carry negative costs as long as the graph has
 * no negative cycle). Integer capacities and costs. The result is a maximum flow whose total
 * cost is the least among all maximum flows — the textbook optimality guarantee.
 */
export class MinCostFlow {
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly next: number[] = [];
  private readonly head: number[];

  constructor(private readonly nodeCount: number) {
    this.head = new Array(nodeCount).fill(-1);
  }

  /** Adds an edge and returns its index, whose flow `flowOn` reads after solving. */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    const index = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return index;
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  /** Flow on an edge returned by `addEdge` (what its reverse edge holds). */
  flowOn(edge: number): number {
    return this.cap[edge ^ 1];
  }

  solve(source: number, sink: number): { flow: number; cost: number } {
    const n = this.nodeCount;
    const potential = this.initialPotentials(source);
    const dist = new Float64Array(n);
    const prevEdge = new Int32Array(n);
    let flow = 0;
    let cost = 0;
    for (;;) {
      dist.fill(Infinity);
      prevEdge.fill(-1);
      dist[source] = 0;
      const heap = new BinaryHeap();
      heap.push(0, source);
      while (heap.size > 0) {
        const [d, u] = heap.pop();
        if (d > dist[u]) continue;
        for (let e = this.head[u]; e !== -1; e = this.next[e]) {
          if (this.cap[e] <= 0) continue;
          const v = this.to[e];
          const nd = d + this.cost[e] + potential[u] - potential[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            prevEdge[v] = e;
            heap.push(nd, v);
          }
        }
      }
      if (dist[sink] === Infinity) break;
      for (let v = 0; v < n; v++) if (dist[v] < Infinity) potential[v] += dist[v];
      let push = Infinity;
      for (let v = sink; v !== source; v = this.to[prevEdge[v] ^ 1]) push = Math.min(push, this.cap[prevEdge[v]]);
      for (let v = sink; v !== source; v = this.to[prevEdge[v] ^ 1]) {
        const e = prevEdge[v];
        this.cap[e] -= push;
        this.cap[e ^ 1] += push;
        cost += push * this.cost[e];
      }
      flow += push;
    }
    return { flow, cost };
  }

  /** Shortest distances from the source over edges with capacity (Bellman–Ford), 0 where unreachable. */
  private initialPotentials(source: number): Float64Array {
    const n = this.nodeCount;
    const dist = new Float64Array(n).fill(Infinity);
    dist[source] = 0;
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        if (dist[u] === Infinity) continue;
        for (let e = this.head[u]; e !== -1; e = this.next[e]) {
          if (this.cap[e] > 0 && dist[u] + this.cost[e] < dist[this.to[e]]) {
            dist[this.to[e]] = dist[u] + this.cost[e];
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    for (let v = 0; v < n; v++) if (dist[v] === Infinity) dist[v] = 0;
    return dist;
  }
}

/** A binary min-heap of (priority, node) pairs. */
class BinaryHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    const keys = this.keys;
    const values = this.values;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      values[i] = values[parent];
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  pop(): [number, number] {
    const keys = this.keys;
    const values = this.values;
    const top: [number, number] = [keys[0], values[0]];
    const lastKey = keys.pop() as number;
    const lastValue = values.pop() as number;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= lastKey) break;
        keys[i] = keys[child];
        values[i] = values[child];
        i = child;
      }
      keys[i] = lastKey;
      values[i] = lastValue;
    }
    return top;
  }
}
