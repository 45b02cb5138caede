// "12 sensors, 2 routers": a solution's devices counted by kind, in words (zero kinds left out).
import type { TFunction } from 'i18next';
import type { PreviewDevice } from './preview-store';

export function describeDevices(t: TFunction, devices: readonly Pick<PreviewDevice, 'kind'>[]): string {
  const sensors = devices.filter((d) => d.kind === 'sensor').length;
  const routers = devices.filter((d) => d.kind === 'router').length;
  const parts = [
    ...(sensors > 0 ? [t('optimizer.devices.sensor', { count: sensors })] : []),
    ...(routers > 0 ? [t('optimizer.devices.router', { count: routers })] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : t('optimizer.devices.none');
}
