// Placeholder until shared/model/materials.ts lands; replaced by its cited table.
export const DEFAULT_MATERIALS = [
  { name: 'Concrete', attenuationDb: 12, colour: '#7f8c8d' },
  { name: 'Brick', attenuationDb: 8, colour: '#c0392b' },
  { name: 'Plasterboard', attenuationDb: 3, colour: '#bdc3c7' },
  { name: 'Glass', attenuationDb: 2, colour: '#5dade2' },
  { name: 'Wooden door', attenuationDb: 3, colour: '#a0522d' },
  { name: 'Metal', attenuationDb: 26, colour: '#34495e' },
  { name: 'Floor slab', attenuationDb: 18, colour: '#566573' },
] as const;
