// The panel's checks mirror the back end's (shared/optimize/validate.ts): every value the back end
// refuses is flagged under its field, and what passes here passes there.
import { describe, expect, it } from 'vitest';
import { THESIS_PARAMETERS } from '../../../shared/optimize/problems/thesis-office';
import { validateOptimizationRequest } from '../../../shared/optimize/validate';
import { checkForm, DEFAULT_FORM, isThesisPreset, parseNumber, randomSeed, thesisPreset, type OptimizerForm } from '../../../renderer/src/features/optimizer/form';

const form = (patch: Partial<OptimizerForm>): OptimizerForm => ({ ...DEFAULT_FORM, ...patch });

describe('optimisation panel settings', () => {
  it('start from the thesis preset (§4.7.2: 80, 100, 0.9, 0.1) and pass as the exact numbers', () => {
    expect(isThesisPreset(DEFAULT_FORM)).toBe(true);
    const r = checkForm(DEFAULT_FORM);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.args).toMatchObject({
      populationSize: THESIS_PARAMETERS.populationSize,
      generations: THESIS_PARAMETERS.generations,
      crossoverProbability: THESIS_PARAMETERS.crossoverProbability,
      mutationProbability: THESIS_PARAMETERS.mutationProbability,
      seed: 1,
    });
    expect(isThesisPreset(form({ generations: '101' }))).toBe(false);
    expect(isThesisPreset(form({ ...thesisPreset(), crossoverProbability: '0,9' }))).toBe(true);
  });

  it('flag an odd population with the two even neighbours, and the bounds of each field', () => {
    const r = checkForm(form({ populationSize: '81', generations: '0', crossoverProbability: '1.2', mutationProbability: '-0.1', seed: '4294967296' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.populationSize).toEqual({ key: 'populationEven', values: { below: 80, above: 82 } });
    expect(r.errors.generations).toEqual({ key: 'outOfRange', values: { min: 1, max: 1_000_000 } });
    expect(r.errors.crossoverProbability).toEqual({ key: 'probability' });
    expect(r.errors.mutationProbability).toEqual({ key: 'probability' });
    expect(r.errors.seed).toEqual({ key: 'outOfRange', values: { min: 0, max: 4294967295 } });
  });

  it('refuse blanks, words and fractions where a whole number is needed; accept a decimal comma', () => {
    const r = checkForm(form({ populationSize: '', generations: '12.5', crossoverProbability: 'abc', algorithms: [] }));
    if (r.ok) throw new Error('should fail');
    expect(r.errors.populationSize?.key).toBe('notANumber');
    expect(r.errors.generations?.key).toBe('notInteger');
    expect(r.errors.crossoverProbability?.key).toBe('notANumber');
    expect(r.errors.algorithms?.key).toBe('noAlgorithm');
    expect(parseNumber('0,25')).toBe(0.25);
    expect(parseNumber(' 1e2 ')).toBe(100);
    expect(Number.isNaN(parseNumber('1,2,3'))).toBe(true);
    expect(Number.isNaN(parseNumber('0x10'))).toBe(true);
  });

  it('send the algorithms in the panel order, whatever order they were ticked in', () => {
    const r = checkForm(form({ algorithms: ['nsga3', 'nsga2', 'spea2'] }));
    expect(r.ok && r.args.algorithms).toEqual(['nsga2', 'spea2', 'nsga3']);
  });

  it('agree with the back end on the boundary values', () => {
    const cases: [Partial<OptimizerForm>, boolean][] = [
      [{ populationSize: '2' }, true],
      [{ populationSize: '0' }, false],
      [{ populationSize: '3' }, false],
      [{ crossoverProbability: '0', mutationProbability: '1' }, true],
      [{ crossoverProbability: '1.0001' }, false],
      [{ seed: '0' }, true],
      [{ seed: '4294967295' }, true],
      [{ seed: '-1' }, false],
    ];
    for (const [patch, expected] of cases) {
      const f = form(patch);
      const mine = checkForm(f).ok;
      const n = (s: string) => parseNumber(s);
      const theirs = validateOptimizationRequest({
        algorithm: 'nsga2',
        problem: { kind: 'zdt1' },
        parameters: { populationSize: n(f.populationSize), generations: n(f.generations), crossoverProbability: n(f.crossoverProbability), mutationProbability: n(f.mutationProbability), seed: n(f.seed) },
      }).ok;
      expect({ patch, mine }).toEqual({ patch, mine: expected });
      expect({ patch, theirs }).toEqual({ patch, theirs: expected });
    }
  });

  it('roll seeds over the back end range, ends included', () => {
    expect(randomSeed(() => 0)).toBe(0);
    expect(randomSeed(() => 0.999999999999)).toBe(4294967295);
    expect(randomSeed(() => 0.5)).toBe(2147483648);
  });
});
