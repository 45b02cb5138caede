// A reference meter read over Modbus RTU (serial) or Modbus TCP. The only module that imports
// `modbus-serial` (STYLE.md: one owner per infrastructure library). Requests go one at a time — a
// Modbus RTU bus is half-duplex with one master, and many TCP gateways serialise anyway — so calls made
// concurrently are queued, never interleaved.
import ModbusRTU from 'modbus-serial';
import type { Result } from '../../../shared/api/result';
import { ok } from '../../../shared/api/result';
import type { ModbusLink, ReferenceMeterModel } from '../../../shared/calibration/reference-reading';
import { connectFailure, modbusFailure } from './modbus-errors';
import type { MeterQuantity, RegisterMap } from './register-maps';
import { floatFromRegisters, POLLED_QUANTITIES, REGISTER_MAPS } from './register-maps';

const CLOSE_TIMEOUT_MS = 500;

export type MeterValues = Partial<Record<MeterQuantity, number>>;

/** What the calibration session needs from a polled reference. */
export interface PolledReference {
  readonly description: string;
  /** Reads every quantity of the map once, one request after the other. */
  poll(): Promise<Result<MeterValues>>;
  close(): Promise<void>;
}

export interface ModbusMeterOptions {
  model: ReferenceMeterModel;
  link: ModbusLink;
  unitId: number;
  timeoutMs: number;
  /** Quantities to poll; default all of the map's. */
  quantities?: readonly MeterQuantity[];
  /**
   * Further tries after a request that got no answer or a garbled one (an RS-485 line drops a frame now
   * and then; masters commonly retry once). Exception responses are answers and are never retried.
   */
  retries?: number;
}

function linkText(link: ModbusLink): string {
  return link.transport === 'rtu' ? `${link.path} (RTU ${link.baudRate} baud, parity ${link.parity})` : `${link.host}:${link.port}`;
}

export class ModbusReferenceMeter implements PolledReference {
  readonly description: string;
  readonly map: RegisterMap;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly client: ModbusRTU,
    private readonly options: ModbusMeterOptions,
  ) {
    this.map = REGISTER_MAPS[options.model];
    this.description = `${this.map.label} at ${linkText(options.link)} (unit ${options.unitId})`;
  }

  /** Opens the serial port or the TCP connection; a failure is a result, not an exception. */
  static async open(options: ModbusMeterOptions): Promise<Result<ModbusReferenceMeter>> {
    const client = new ModbusRTU();
    const label = `${REGISTER_MAPS[options.model].label} at ${linkText(options.link)}`;
    try {
      if (options.link.transport === 'rtu') {
        await client.connectRTUBuffered(options.link.path, { baudRate: options.link.baudRate, parity: options.link.parity, stopBits: options.link.stopBits, dataBits: 8 });
      } else {
        await client.connectTCP(options.link.host, { port: options.link.port, timeout: options.timeoutMs });
      }
    } catch (e) {
      closeQuietly(client);
      return connectFailure(e, label);
    }
    client.setID(options.unitId);
    client.setTimeout(options.timeoutMs);
    return ok(new ModbusReferenceMeter(client, options));
  }

  /** Reads one quantity (one request for its two registers, tried again after a lost or garbled answer). */
  async read(quantity: MeterQuantity): Promise<Result<number>> {
    let r = await this.readOnce(quantity);
    for (let k = 0; k < (this.options.retries ?? 1) && !r.ok && (r.code === 'modbus-timeout' || r.code === 'modbus-error'); k++) r = await this.readOnce(quantity);
    return r;
  }

  private readOnce(quantity: MeterQuantity): Promise<Result<number>> {
    return this.enqueue(async () => {
      const entry = this.map.quantities[quantity];
      const what = `${entry.name} (${entry.documented})`;
      const ctx = { meter: this.description, what, timeoutMs: this.options.timeoutMs };
      if (this.closed) return modbusFailure({ errno: 'ECONNREFUSED', name: 'PortNotOpenError' }, ctx);
      try {
        const res = this.map.table === 'holding' ? await this.client.readHoldingRegisters(entry.address, 2) : await this.client.readInputRegisters(entry.address, 2);
        const [high, low] = res.data;
        if (high === undefined || low === undefined) return modbusFailure({ message: `short answer (${res.data.length} registers)` }, ctx);
        const value = floatFromRegisters(high, low);
        if (!Number.isFinite(value)) return modbusFailure({ message: `the value is not a number (registers 0x${high.toString(16)} 0x${low.toString(16)})` }, ctx);
        // Vendors sign the power factor by lead/lag or import/export: the calibration uses |PF| and Q's sign.
        return ok(quantity === 'powerFactor' ? Math.abs(value) : value);
      } catch (e) {
        return modbusFailure(e, ctx);
      }
    });
  }

  async poll(): Promise<Result<MeterValues>> {
    const values: MeterValues = {};
    for (const q of this.options.quantities ?? POLLED_QUANTITIES) {
      const r = await this.read(q);
      if (!r.ok) return r;
      values[q] = r.value;
    }
    return ok(values);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.catch(() => undefined);
    await new Promise<void>((resolve) => {
      // A connection the far end already dropped may never call back: do not wait for it forever.
      const timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      try {
        if (this.client.isOpen) this.client.close(done);
        else done();
      } catch {
        done();
      }
    });
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function closeQuietly(client: ModbusRTU): void {
  try {
    client.close(() => undefined);
  } catch {
    // The port never opened: nothing to close.
  }
}
