// The JSON export of a deployment plan: the placement, its metrics and (if any) the run, with a schema
// so that a file read back (by Meterplan or a batch study) is checked, not trusted.
import { z } from 'zod';
import { BuildingSchema, DeviceKindSchema } from '../model/building';
import type { DeploymentReport } from './report-model';
import { ReportRunSchema } from './report-run';

export const PLAN_JSON_FORMAT = 'meterplan-deployment-plan';
export const PLAN_JSON_VERSION = 1;

const MetricSchema = z.object({ key: z.string(), label: z.string(), value: z.number().nullable(), unit: z.string(), note: z.string().optional() });

export const PlanJsonSchema = z.object({
  format: z.literal(PLAN_JSON_FORMAT),
  version: z.literal(PLAN_JSON_VERSION),
  generatedAt: z.string(),
  appVersion: z.string(),
  building: BuildingSchema,
  floor: z.object({ id: z.number().int(), name: z.string(), level: z.number().int(), widthM: z.number(), heightM: z.number(), gridPitchM: z.number() }),
  placement: z.array(
    z.object({ id: z.number().int(), label: z.string(), kind: DeviceKindSchema, type: z.string(), xM: z.number().finite(), yM: z.number().finite(), floor: z.string() }),
  ),
  billOfMaterials: z.object({
    currency: z.string(),
    rows: z.array(
      z.object({ deviceTypeId: z.number().int(), type: z.string(), kind: DeviceKindSchema, unitCost: z.number().nullable(), quantity: z.number().int(), total: z.number().nullable(), model: z.string() }),
    ),
    grandTotal: z.number().nullable(),
  }),
  metrics: z.array(z.object({ model: z.string(), title: z.string(), description: z.string(), metrics: z.array(MetricSchema) })),
  warnings: z.array(z.string()),
  run: ReportRunSchema.nullable(),
});
export type PlanJson = z.infer<typeof PlanJsonSchema>;

export function planJson(report: DeploymentReport, generatedAt: string, appVersion: string): PlanJson {
  return {
    format: PLAN_JSON_FORMAT,
    version: PLAN_JSON_VERSION,
    generatedAt,
    appVersion,
    building: report.building,
    floor: report.floor,
    placement: report.devices.map((d) => ({ ...d })),
    billOfMaterials: {
      currency: report.bom.currency,
      rows: report.bom.rows.map((r) => ({ deviceTypeId: r.deviceTypeId, type: r.type, kind: r.kind, unitCost: r.unitCost, quantity: r.quantity, total: r.total, model: r.model })),
      grandTotal: report.bom.grandTotal,
    },
    metrics: report.metricSets.map((s) => ({ ...s, metrics: s.metrics.map((m) => ({ ...m })) })),
    warnings: [...report.warnings],
    run: report.run,
  };
}

/** Pretty-printed with a final newline; key order is the construction order above, so output is stable. */
export function planJsonText(report: DeploymentReport, generatedAt: string, appVersion: string): string {
  return `${JSON.stringify(planJson(report, generatedAt, appVersion), null, 2)}\n`;
}
