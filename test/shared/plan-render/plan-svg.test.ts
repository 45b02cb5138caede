import { describe, expect, it } from 'vitest';
import { renderPlanSvg, type PlanSvgOptions } from '../../../shared/plan-render/plan-svg';
import { escapeXml, num, xmlSafe } from '../../../shared/plan-render/svg-text';
import { checkXmlNesting, decoratedSnapshot, thesisOfficeSnapshot } from './fixtures';

function svgOf(options: PlanSvgOptions = {}, snapshot = thesisOfficeSnapshot(), floorId?: number): string {
  const r = renderPlanSvg(snapshot, floorId, options);
  if (!r.ok) throw new Error(r.message);
  return r.value.svg;
}

describe('plan SVG', () => {
  it('is well-formed and draws one device element per placement', () => {
    const svg = svgOf();
    const check = checkXmlNesting(svg);
    expect(check.problem).toBeUndefined();
    expect(check.ok).toBe(true);
    expect(svg.match(/<g class="device (sensor|router|gateway)"/g)?.length).toBe(15);
    expect(svg.match(/<g class="device sensor"/g)?.length).toBe(12);
    expect(svg.match(/<g class="device router"/g)?.length).toBe(2);
    expect(svg.match(/<g class="device gateway"/g)?.length).toBe(1);
    // Sensors are circles: 12 device circles inside the devices layer (plus the co-location dot).
    const devices = svg.slice(svg.indexOf('<g class="devices">'), svg.indexOf('<g class="rulers">'));
    expect(devices.match(/<circle [^>]*fill="#00838f"/g)?.length).toBe(12);
  });

  it('gives the same bytes for the same input', () => {
    expect(svgOf()).toBe(svgOf());
    expect(svgOf({ pxPerM: 33.3, legendPosition: 'bottom' }, decoratedSnapshot())).toBe(svgOf({ pxPerM: 33.3, legendPosition: 'bottom' }, decoratedSnapshot()));
  });

  it('escapes every user text (building, zone names) and stays well-formed', () => {
    const svg = svgOf({}, decoratedSnapshot());
    expect(checkXmlNesting(svg).ok).toBe(true);
    expect(svg).toContain('Lab &lt;A&amp;B&gt; &quot;North&quot; &apos;wing&apos;');
    expect(svg).toContain('Server &lt;rack&gt;');
    expect(svg).toContain('Door &amp; hall');
    expect(svg).not.toContain('<A&B>');
    expect(svg).not.toContain('<rack>');
  });

  it('draws walls to scale in their material colour', () => {
    const svg = svgOf({ pxPerM: 50 });
    const walls = svg.slice(svg.indexOf('<g class="walls"'), svg.indexOf('</g>', svg.indexOf('<g class="walls"')));
    // Brick 0.2 m at 50 px/m = 10 px (6 brick walls); glass 0.05 m = 2.5 px; the wooden door 0.05 m = 2.5 px.
    expect(walls.match(/stroke="#c0392b" stroke-width="10"/g)?.length).toBe(6);
    expect(walls).toContain('stroke="#5dade2" stroke-width="2.5"');
    expect(walls).toContain('stroke="#a0522d" stroke-width="2.5"');
  });

  it('switches overlays on and off', () => {
    const all = svgOf();
    const none = svgOf({ coverage: false, links: false, legend: false, scaleBar: false, axes: false, labels: false, grid: false, title: false });
    for (const cls of ['coverage', 'links', 'legend', 'scale-bar', 'rulers', 'axes', 'grid']) {
      expect(all).toContain(`class="${cls}"`);
      expect(none).not.toContain(`class="${cls}"`);
    }
    expect(none.match(/<g class="device /g)?.length).toBe(15);
    expect(none).not.toContain('>S12<');
    expect(all).toContain('>S12<');
    expect(svgOf({ detectionDisks: true })).toContain('class="detection-disks"');
  });

  it('colours cells by detection count: 5 uncovered and 11 over-covered cells on the thesis office', () => {
    const svg = svgOf({ pxPerM: 40 });
    const coverage = svg.slice(svg.indexOf('<g class="coverage"'), svg.indexOf('</g>', svg.indexOf('<g class="coverage"')));
    const cellsOf = (colour: string) => (coverage.match(new RegExp(`<path d="([^"]*)" fill="${colour}"`))?.[1].match(/M/g) ?? []).length;
    expect(cellsOf('#f9d9d6')).toBe(5);
    expect(cellsOf('#dcefd3')).toBe(64);
    expect(cellsOf('#ffe6a8') + cellsOf('#ffc46b')).toBe(11);
  });

  it('scales the drawing: width and height follow pxPerM', () => {
    const a = renderPlanSvg(thesisOfficeSnapshot(), undefined, { pxPerM: 40, legend: false });
    const b = renderPlanSvg(thesisOfficeSnapshot(), undefined, { pxPerM: 80, legend: false });
    if (!a.ok || !b.ok) throw new Error('render failed');
    // The floor is 10 m wide: 400 px more at twice the scale; 8 m high: 320 px more.
    expect(b.value.widthPx - a.value.widthPx).toBe(400);
    expect(b.value.heightPx - a.value.heightPx).toBe(320);
    expect(a.value.svg).toContain(`width="${a.value.widthPx}" height="${a.value.heightPx}"`);
  });

  it('draws exclusions hatched, points of interest, and refuses an unknown floor', () => {
    const svg = svgOf({}, decoratedSnapshot());
    expect(svg).toContain('class="zone exclusion"');
    expect(svg).toContain('class="zone poi"');
    expect(svg).toContain('Safe &quot;A&quot;');
    const r = renderPlanSvg(thesisOfficeSnapshot(), 7, {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('unknown-floor');
      expect(r.message).toContain('1 (Office)');
    }
  });

  it('fans out devices sharing a spot and names them in one label', () => {
    // The gateway and S2 share the cell (0.5, 1.5): one label names both.
    expect(svgOf()).toContain('>GW · S2<');
  });
});

describe('svg text', () => {
  it('escapes the five XML characters and drops what XML forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(xmlSafe('a\u0000b\u0007c\td\ud800e')).toBe('abc\tde');
  });
  it('formats numbers without -0 or trailing zeros', () => {
    expect(num(-0.0001)).toBe('0');
    expect(num(1.5)).toBe('1.5');
    expect(num(2)).toBe('2');
    expect(num(1.005, 3)).toBe('1.005');
  });
});
