// Icons of the plan tools: 16 px line drawings in currentColor, so they follow the theme.
import type { ReactNode } from 'react';
import { DEVICE_COLOURS } from '../../../theme/palette';
import type { Tool } from '../editor/editor-store';

const svg = (children: ReactNode) => (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    {children}
  </svg>
);

export const TOOL_ICONS: Record<Tool, ReactNode> = {
  select: svg(<path d="M3 2l9 6-4 1-2 4z" />),
  wall: svg(
    <>
      <path d="M2 13V4h7v5h5" strokeWidth="2.5" />
    </>,
  ),
  zone: svg(<path d="M2.5 4.5l6-2 5 4-2 7-7-1z" strokeDasharray="2.5 1.5" />),
  gateway: svg(<rect x="3.5" y="3.5" width="9" height="9" rx="1.5" fill={DEVICE_COLOURS.gateway} stroke="none" />),
  sensor: svg(<circle cx="8" cy="8" r="4.5" fill={DEVICE_COLOURS.sensor} stroke="none" />),
  router: svg(<path d="M8 2.5l5.5 5.5L8 13.5 2.5 8z" fill={DEVICE_COLOURS.router} stroke="none" />),
  split: svg(
    <>
      <path d="M2 8h4M10 8h4" strokeWidth="2.5" />
      <path d="M8 3v10" strokeDasharray="1.5 1.5" />
    </>,
  ),
  calibrate: svg(
    <>
      <path d="M2 11h12M3 9v4M13 9v4" />
      <path d="M5 5h6M5 3.5v3M11 3.5v3" />
    </>,
  ),
};

export const UNDO_ICON = svg(<path d="M5.5 4L2.5 7l3 3M3 7h6.5a3.5 3.5 0 010 7H7" />);
export const REDO_ICON = svg(<path d="M10.5 4l3 3-3 3M13 7H6.5a3.5 3.5 0 000 7H9" />);
export const IMAGE_ICON = svg(
  <>
    <rect x="2" y="3" width="12" height="10" rx="1" />
    <path d="M2.5 11l3.5-3.5 3 3 2-2 2.5 2.5" />
  </>,
);
