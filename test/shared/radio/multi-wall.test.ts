import { describe, expect, it } from 'vitest';
import { Random } from '../../../shared/optimize/random';
import { crossedWalls, type LossyWall } from '../../../shared/radio/multi-wall';
import { WallIndex } from '../../../shared/radio/wall-index';

const P = (x: number, y: number) => ({ x, y });
const W = (ax: number, ay: number, bx: number, by: number, lossDb = 1): LossyWall => ({ a: P(ax, ay), b: P(bx, by), lossDb });

describe('walls crossed by a straight path (COST 231 multi-wall term)', () => {
  it('counts each of two parallel walls crossed, and none when running parallel to them', () => {
    const walls = [W(3, 0, 3, 10, 3.4), W(6, 0, 6, 10, 6.9)];
    expect(crossedWalls(P(0, 5), P(9, 5), walls)).toEqual({ lossDb: 3.4 + 6.9, count: 2 });
    expect(crossedWalls(P(4, 0), P(4, 10), walls)).toEqual({ lossDb: 0, count: 0 });
    expect(crossedWalls(P(0, 5), P(4, 5), walls)).toEqual({ lossDb: 3.4, count: 1 });
  });

  it('charges a joint of two walls once, with the larger loss', () => {
    // One straight partition drawn as two walls meeting at (5, 0)
    const walls = [W(0, 0, 5, 0, 3), W(5, 0, 10, 0, 12)];
    expect(crossedWalls(P(5, -3), P(5, 3), walls)).toEqual({ lossDb: 12, count: 1 });
    expect(crossedWalls(P(2, -3), P(8, 3), walls)).toEqual({ lossDb: 12, count: 1 });
    expect(crossedWalls(P(2, -3), P(2, 3), walls)).toEqual({ lossDb: 3, count: 1 });
  });

  it('charges a path entering a room through its corner once, and a path grazing the corner nothing', () => {
    // Corner of a room at (5, 0): walls go left and down from it; the room is x < 5, y > 0.
    const walls = [W(0, 0, 5, 0), W(5, 0, 5, 5)];
    expect(crossedWalls(P(6, -1), P(4, 1), walls).count).toBe(1); // outside → inside, through the joint
    expect(crossedWalls(P(4, -1), P(6, 1), walls).count).toBe(0); // stays outside, touching the corner
  });

  it('charges nothing for grazing the free end of a wall', () => {
    expect(crossedWalls(P(0, 0), P(10, 0), [W(5, 0, 5, 4)]).count).toBe(0);
    expect(crossedWalls(P(0, 0), P(10, 10), [W(5, 5, 9, 1)]).count).toBe(0);
  });

  it('charges a T junction once when the path goes through it', () => {
    // Wall A along y = 0; wall B ends on A at (5, 0) from below.
    const walls = [W(0, 0, 10, 0, 7), W(5, 0, 5, 6, 3)];
    expect(crossedWalls(P(4, 3), P(6, -3), walls)).toEqual({ lossDb: 7, count: 1 });
    expect(crossedWalls(P(4, 3), P(6, 3), walls)).toEqual({ lossDb: 3, count: 1 });
  });

  it('never charges a path running along a wall, even where it passes a wall joined to it', () => {
    const walls = [W(0, 0, 5, 0), W(5, 0, 5, 5)];
    expect(crossedWalls(P(-1, 0), P(10, 0), walls).count).toBe(0);
    // along the wall, then through a wall standing across the line further on
    expect(crossedWalls(P(-1, 0), P(10, 0), [...walls, W(8, -1, 8, 1)]).count).toBe(1);
  });

  it('ignores zero-length walls and zero-length paths', () => {
    expect(crossedWalls(P(0, 0), P(10, 0), [W(5, 0, 5, 0)]).count).toBe(0);
    expect(crossedWalls(P(5, 0), P(5, 0), [W(5, -1, 5, 1)]).count).toBe(0);
  });

  it('gives through the grid index exactly what the reference gives, joints and collinear walls included', () => {
    const rng = new Random(42);
    // Walls on a 1 m lattice (many joints, T's and collinear runs) plus free diagonal walls.
    const walls: LossyWall[] = [];
    for (let i = 0; i < 120; i++) {
      const x = rng.int(20);
      const y = rng.int(15);
      const horizontal = rng.chance(0.5);
      const len = 1 + rng.int(4);
      walls.push(W(x, y, horizontal ? x + len : x, horizontal ? y : y + len, 1 + rng.int(10)));
    }
    for (let i = 0; i < 40; i++) walls.push(W(rng.random() * 20, rng.random() * 15, rng.random() * 20, rng.random() * 15, 2.5));
    const index = new WallIndex(walls);
    let mismatches = 0;
    let crossingsSeen = 0;
    for (let i = 0; i < 3000; i++) {
      // Half the paths between lattice points (through joints and along walls), half anywhere.
      const onLattice = i % 2 === 0;
      const p = onLattice ? P(rng.int(21), rng.int(16)) : P(rng.random() * 22 - 1, rng.random() * 17 - 1);
      const q = onLattice ? P(rng.int(21), rng.int(16)) : P(rng.random() * 22 - 1, rng.random() * 17 - 1);
      const ref = crossedWalls(p, q, walls);
      const fast = index.crossing(p.x, p.y, q.x, q.y);
      crossingsSeen += ref.count;
      if (Math.abs(ref.lossDb - fast.lossDb) > 1e-9 || ref.count !== fast.count) mismatches++;
    }
    expect(crossingsSeen).toBeGreaterThan(3000);
    expect(mismatches).toBe(0);
  });

  it('stops early only once the loss is certain to exceed the bound', () => {
    const walls = Array.from({ length: 10 }, (_, i) => W(i + 0.5, -1, i + 0.5, 1, 5));
    const index = new WallIndex(walls, 1);
    expect(index.lossDb(0, 0, 10, 0)).toBe(50);
    expect(index.lossDb(0, 0, 10, 0, 12)).toBeGreaterThan(12);
    expect(index.lossDb(0, 0, 10, 0, 49)).toBe(50);
    expect(new WallIndex([]).lossDb(0, 0, 10, 0)).toBe(0);
  });
});
