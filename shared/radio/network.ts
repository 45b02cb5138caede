// Network connectivity over the links that clear their budget (thesis §2.2.6).
// Roles: the gateway (coordinator, the sink), routers (relay) and sensors (leaves: they never relay,
// as in a Zigbee network of end devices). Measures:
// - star: a sensor is connected when it links directly to a router or the gateway;
// - mesh: a sensor is connected when it reaches the gateway over routers; hop count by breadth-first
//   search from the gateway (shortest path in hops);
// - k-connectivity (thesis §2.2.6, fig. 2.6): a sensor is k-connected when it links directly to at
//   least k distinct parents able to carry its data (the gateway, or routers connected to it), so
//   it survives the loss of k − 1 of them.
import type { CsrTable } from '../optimize/problem';

export const ROLE_GATEWAY = 0;
export const ROLE_ROUTER = 1;
export const ROLE_SENSOR = 2;

export interface Network {
  /** ROLE_* per node. */
  readonly roles: Uint8Array;
  /** Undirected adjacency (each link listed in both rows). */
  readonly adjacency: CsrTable;
}

/** Builds a CSR adjacency from an undirected edge list. */
export function adjacencyFromEdges(nodeCount: number, edges: ReadonlyArray<readonly [number, number]>): CsrTable {
  const offsets = new Int32Array(nodeCount + 1);
  for (const [u, v] of edges) {
    offsets[u + 1]++;
    offsets[v + 1]++;
  }
  for (let i = 0; i < nodeCount; i++) offsets[i + 1] += offsets[i];
  const items = new Int32Array(offsets[nodeCount]);
  const fill = offsets.slice(0, nodeCount);
  for (const [u, v] of edges) {
    items[fill[u]++] = v;
    items[fill[v]++] = u;
  }
  return { offsets, items };
}

/**
 * Mesh hop counts: 0 at the gateway(s), shortest number of links through routers elsewhere, −1 when
 * unreachable. Sensors get a hop count but never relay.
 */
export function meshHops(net: Network): Int32Array {
  const n = net.roles.length;
  const hops = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (net.roles[i] === ROLE_GATEWAY) {
      hops[i] = 0;
      queue[tail++] = i;
    }
  }
  const { offsets, items } = net.adjacency;
  while (head < tail) {
    const u = queue[head++];
    if (net.roles[u] === ROLE_SENSOR) continue;
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const v = items[k];
      if (hops[v] >= 0) continue;
      hops[v] = hops[u] + 1;
      queue[tail++] = v;
    }
  }
  return hops;
}

export interface ConnectivitySummary {
  readonly sensorCount: number;
  /** Shares in [0, 1] of the sensors (0 when there are none). */
  readonly starShare: number;
  readonly meshShare: number;
  readonly kShare: number;
  /** Per node: mesh hops (−1 unreachable). */
  readonly hops: Int32Array;
  /** Per node: number of direct parents able to carry its data (gateway or connected routers). */
  readonly parents: Int32Array;
}

export function connectivitySummary(net: Network, k: number): ConnectivitySummary {
  const hops = meshHops(net);
  const n = net.roles.length;
  const parents = new Int32Array(n);
  const { offsets, items } = net.adjacency;
  let sensors = 0;
  let star = 0;
  let mesh = 0;
  let kConnected = 0;
  for (let u = 0; u < n; u++) {
    let direct = 0;
    let connectedParents = 0;
    for (let e = offsets[u]; e < offsets[u + 1]; e++) {
      const v = items[e];
      const role = net.roles[v];
      if (role === ROLE_SENSOR) continue;
      direct++;
      if (role === ROLE_GATEWAY || hops[v] >= 0) connectedParents++;
    }
    parents[u] = connectedParents;
    if (net.roles[u] !== ROLE_SENSOR) continue;
    sensors++;
    if (direct > 0) star++;
    if (hops[u] >= 0) mesh++;
    if (connectedParents >= k) kConnected++;
  }
  const share = (x: number): number => (sensors === 0 ? 0 : x / sensors);
  return { sensorCount: sensors, starShare: share(star), meshShare: share(mesh), kShare: share(kConnected), hops, parents };
}
