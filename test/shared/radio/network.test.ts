import { describe, expect, it } from 'vitest';
import { ROLE_GATEWAY as G, ROLE_ROUTER as R, ROLE_SENSOR as S, adjacencyFromEdges, connectivitySummary, meshHops } from '../../../shared/radio/network';

describe('network connectivity on hand-made graphs', () => {
  // 0 gateway; 1, 2 routers in a chain; 3 sensor on router 2; 4 sensor on router 1; 5 isolated sensor;
  // 6 sensor on both routers; 7 router cut off from the gateway with its sensor 8.
  const roles = Uint8Array.from([G, R, R, S, S, S, S, R, S]);
  const edges: Array<[number, number]> = [
    [0, 1],
    [1, 2],
    [2, 3],
    [1, 4],
    [1, 6],
    [2, 6],
    [7, 8],
  ];
  const net = { roles, adjacency: adjacencyFromEdges(roles.length, edges) };

  it('counts hops from the gateway by breadth-first search', () => {
    expect(Array.from(meshHops(net))).toEqual([0, 1, 2, 3, 2, -1, 2, -1, -1]);
  });

  it('gives star, mesh and k-connected shares of the sensors', () => {
    const s = connectivitySummary(net, 2);
    expect(s.sensorCount).toBe(5);
    expect(s.starShare).toBeCloseTo(4 / 5, 12); // 3, 4, 6, 8 reach a router
    expect(s.meshShare).toBeCloseTo(3 / 5, 12); // 3, 4, 6 reach the gateway
    expect(s.kShare).toBeCloseTo(1 / 5, 12); // only 6 has two connected parents
    expect(Array.from(s.parents)).toEqual([1, 2, 1, 1, 1, 0, 2, 0, 0]);
  });

  it('never relays through a sensor', () => {
    // gateway – sensor – router – sensor: the router is not reachable through the sensor
    const r = Uint8Array.from([G, S, R, S]);
    const hops = meshHops({ roles: r, adjacency: adjacencyFromEdges(4, [[0, 1], [1, 2], [2, 3]]) });
    expect(Array.from(hops)).toEqual([0, 1, -1, -1]);
  });

  it('gives zero shares for a network without sensors', () => {
    const s = connectivitySummary({ roles: Uint8Array.from([G, R]), adjacency: adjacencyFromEdges(2, [[0, 1]]) }, 1);
    expect([s.sensorCount, s.starShare, s.meshShare, s.kShare]).toEqual([0, 0, 0, 0]);
  });
});
