// Inline SVG icons (no icon font, nothing fetched): 24-unit grid, drawn with currentColor so they follow
// the theme and the state of their button.
import type { ReactNode, SVGProps } from 'react';
import type { DeviceKind } from '../../../shared/model/building';
import { DEVICE_COLOURS } from '../theme/palette';

function Icon({ children, size = 20, ...rest }: SVGProps<SVGSVGElement> & { size?: number; children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.7}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

type P = { size?: number };

/** Floor plan: an outline with an inner wall and a door gap. */
export const PlanIcon = (p: P) => (
  <Icon {...p}>
    <path d="M3 4h18v16H3z" />
    <path d="M12 4v6M12 14v6M12 12h5" />
    <circle cx="7" cy="8" r="1.3" fill="currentColor" />
  </Icon>
);

/** Optimise: a Pareto front of points on a curve. */
export const OptimiseIcon = (p: P) => (
  <Icon {...p}>
    <path d="M4 4v16h16" />
    <path d="M7 7c1 6 5 10 12 10" strokeDasharray="2 2.5" />
    <circle cx="8" cy="10" r="1.5" fill="currentColor" />
    <circle cx="11.5" cy="14" r="1.5" fill="currentColor" />
    <circle cx="16.5" cy="16.2" r="1.5" fill="currentColor" />
  </Icon>
);

/** Scope: a sine wave on a screen. */
export const ScopeIcon = (p: P) => (
  <Icon {...p}>
    <rect x="3" y="4" width="18" height="14" rx="2" />
    <path d="M5 11c1.5-5 3-5 4.5 0s3 5 4.5 0 3-5 4.5 0" />
    <path d="M9 21h6" />
  </Icon>
);

/** Calibrate: a gauge with its needle. */
export const CalibrateIcon = (p: P) => (
  <Icon {...p}>
    <path d="M4 16a8 8 0 1 1 16 0" />
    <path d="M12 16l4-5" />
    <path d="M6.5 10.5l1 1M12 7v1.5M17.5 10.5l-1 1" />
    <path d="M3 19h18" />
  </Icon>
);

/** Monitor: a bar chart of energy per day. */
export const MonitorIcon = (p: P) => (
  <Icon {...p}>
    <path d="M4 20h16" />
    <path d="M6 20v-6M10 20V9M14 20v-8M18 20V5" strokeWidth={2.4} />
  </Icon>
);

export const NewIcon = (p: P) => (
  <Icon {...p}>
    <path d="M14 3H6v18h12V7z" />
    <path d="M14 3v4h4M12 11v6M9 14h6" />
  </Icon>
);

export const OpenIcon = (p: P) => (
  <Icon {...p}>
    <path d="M3 6h6l2 2h10v11H3z" />
    <path d="M3 10h18" />
  </Icon>
);

export const SaveAsIcon = (p: P) => (
  <Icon {...p}>
    <path d="M5 3h11l3 3v15H5z" />
    <path d="M8 3v5h7V3M8 21v-7h8v7" />
  </Icon>
);

export const HistoryIcon = (p: P) => (
  <Icon {...p}>
    <path d="M3 12a9 9 0 1 0 3-6.7" />
    <path d="M3 4v5h5M12 7v5l3 2" />
  </Icon>
);

export const ChevronDownIcon = (p: P) => (
  <Icon {...p}>
    <path d="M6 9l6 6 6-6" />
  </Icon>
);

export const SunIcon = (p: P) => (
  <Icon {...p}>
    <circle cx="12" cy="12" r="4" />
    <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
  </Icon>
);

export const MoonIcon = (p: P) => (
  <Icon {...p}>
    <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />
  </Icon>
);

export const CommandIcon = (p: P) => (
  <Icon {...p}>
    <path d="M4 6l5 6-5 6M11 18h9" />
  </Icon>
);

export const CloseIcon = (p: P) => (
  <Icon {...p}>
    <path d="M6 6l12 12M18 6L6 18" />
  </Icon>
);

export const FileIcon = (p: P) => (
  <Icon {...p}>
    <path d="M14 3H6v18h12V7z" />
    <path d="M14 3v4h4" />
  </Icon>
);

export const BoardIcon = (p: P) => (
  <Icon {...p}>
    <rect x="5" y="5" width="14" height="14" rx="1.5" />
    <path d="M9 2v3M15 2v3M9 19v3M15 19v3M2 9h3M2 15h3M19 9h3M19 15h3" />
  </Icon>
);

export const PlugIcon = (p: P) => (
  <Icon {...p}>
    <path d="M9 3v5M15 3v5M6 8h12v3a6 6 0 0 1-12 0zM12 17v4" />
  </Icon>
);

/** The same shapes as the canvas symbols (device-layer.tsx), for legends. */
export function DeviceGlyph({ kind, size = 12 }: { kind: DeviceKind; size?: number }) {
  const fill = DEVICE_COLOURS[kind];
  return (
    <svg width={size} height={size} viewBox="0 0 12 12" aria-hidden="true" focusable="false" className="device-glyph">
      {kind === 'sensor' && <circle cx="6" cy="6" r="5" fill={fill} />}
      {kind === 'router' && <path d="M6 0.5L11.5 6 6 11.5 0.5 6z" fill={fill} />}
      {kind === 'gateway' && <rect x="1" y="1" width="10" height="10" rx="1.5" fill={fill} />}
    </svg>
  );
}
