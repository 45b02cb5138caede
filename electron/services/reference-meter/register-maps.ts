// Register maps of the reference meters the calibration wizard can read. Every quantity is an IEEE 754
// float32 over two consecutive 16-bit registers, high word first, big-endian bytes in each word (Modbus's
// own byte order, and the word order both vendors document).
//
// Addressing conventions differ, which is the classic source of off-by-one readings:
//
// Siemens SENTRON PAC3200 — System Manual "SENTRON PAC3200 Power Monitoring Device" (A5E01168664B),
//   chapter "Communication", the table of measured variables readable with function codes 0x03 and 0x04
//   (columns Offset, Number of registers, Name, Format, Unit). The "Offset" is the register address
//   carried in the request PDU (the protocol address, zero-based): voltage Va-n is offset 1, so the
//   request asks for address 1, count 2.
//   In Modicon notation (4xxxx reference = PDU address + 40001) offset 1 is register 40002; guides that
//   call it "40001" count from 40000. Whatever the notation, the request must carry address 1: a request
//   for address 0 reads half of one float and half of another (the tests check this cannot pass).
//   The PAC3200 answers the same offsets to 0x03 (holding) and 0x04 (input); we use 0x03.
//     offset  1  Voltage Va-n        V      offset 13  Current a          A
//     offset 25  Active Power a      W      offset 31  Reactive Power a   var
//     offset 37  Power Factor a      –      offset 55  Frequency          Hz
//
// Eastron SDM120-Modbus — Eastron's "SDM120 Modbus Protocol" implementation document, table of input
//   registers (function 0x04). The vendor lists a 3xxxx "parameter number" and the "Modbus Protocol Start
//   Address" in hex; the PDU address is parameter number − 30001:
//     30001 / 0x0000  Voltage         V      30007 / 0x0006  Current         A
//     30013 / 0x000C  Active power    W      30025 / 0x0018  Reactive power  VAr
//     30031 / 0x001E  Power factor    –      30071 / 0x0046  Frequency       Hz
//
// Eastron SDM630-Modbus — Eastron's "SDM630 Modbus Protocol" implementation document, input registers
//   (function 0x04), same convention; phase 1 quantities (the board measures one phase):
//     30001 / 0x0000  Phase 1 line to neutral volts   V     30007 / 0x0006  Phase 1 current     A
//     30013 / 0x000C  Phase 1 power                   W     30025 / 0x0018  Phase 1 volt amps reactive  VAr
//     30031 / 0x001E  Phase 1 power factor            –     30071 / 0x0046  Frequency of supply voltages Hz
import type { ReferenceMeterModel } from '../../../shared/calibration/reference-reading';

export type MeterQuantity = 'voltageV' | 'currentA' | 'activePowerW' | 'reactivePowerVar' | 'powerFactor' | 'frequencyHz';

export type RegisterTable = 'holding' | 'input';

export interface RegisterEntry {
  /** Register address as carried in the request PDU (zero-based protocol address). */
  address: number;
  /** Number as printed in the vendor's table (PAC3200 offset, Eastron 3xxxx parameter number). */
  documented: string;
  /** Name as printed in the vendor's table. */
  name: string;
}

export interface RegisterMap {
  model: ReferenceMeterModel;
  label: string;
  /** Which table and function code the quantities are read from. */
  table: RegisterTable;
  /** Words per value: float32 = 2. */
  words: 2;
  /** First word holds the high 16 bits. */
  wordOrder: 'high-first';
  /** Sign of the reported power factor is the vendor's convention (lead/lag or import/export); we use |PF|. */
  quantities: Record<MeterQuantity, RegisterEntry>;
  /** Manual the map was taken from, for the certificate and the UI. */
  source: string;
}

const eastron = (parameter: number, name: string): RegisterEntry => ({ address: parameter - 30001, documented: String(parameter), name });
const siemens = (offset: number, name: string): RegisterEntry => ({ address: offset, documented: `offset ${offset}`, name });

export const REGISTER_MAPS: Record<ReferenceMeterModel, RegisterMap> = {
  pac3200: {
    model: 'pac3200',
    label: 'Siemens SENTRON PAC3200',
    table: 'holding',
    words: 2,
    wordOrder: 'high-first',
    quantities: {
      voltageV: siemens(1, 'Voltage Va-n'),
      currentA: siemens(13, 'Current a'),
      activePowerW: siemens(25, 'Active Power a'),
      reactivePowerVar: siemens(31, 'Reactive Power a'),
      powerFactor: siemens(37, 'Power Factor a'),
      frequencyHz: siemens(55, 'Frequency'),
    },
    source: 'SENTRON PAC3200 System Manual, Communication: measured variables (function codes 0x03/0x04)',
  },
  sdm120: {
    model: 'sdm120',
    label: 'Eastron SDM120-Modbus',
    table: 'input',
    words: 2,
    wordOrder: 'high-first',
    quantities: {
      voltageV: eastron(30001, 'Voltage'),
      currentA: eastron(30007, 'Current'),
      activePowerW: eastron(30013, 'Active power'),
      reactivePowerVar: eastron(30025, 'Reactive power'),
      powerFactor: eastron(30031, 'Power factor'),
      frequencyHz: eastron(30071, 'Frequency'),
    },
    source: 'Eastron SDM120 Modbus Protocol, input registers (function code 0x04)',
  },
  sdm630: {
    model: 'sdm630',
    label: 'Eastron SDM630-Modbus',
    table: 'input',
    words: 2,
    wordOrder: 'high-first',
    quantities: {
      voltageV: eastron(30001, 'Phase 1 line to neutral volts'),
      currentA: eastron(30007, 'Phase 1 current'),
      activePowerW: eastron(30013, 'Phase 1 power'),
      reactivePowerVar: eastron(30025, 'Phase 1 volt amps reactive'),
      powerFactor: eastron(30031, 'Phase 1 power factor'),
      frequencyHz: eastron(30071, 'Frequency of supply voltages'),
    },
    source: 'Eastron SDM630 Modbus Protocol, input registers (function code 0x04)',
  },
};

/** Quantities in the order they are polled (one request each). */
export const POLLED_QUANTITIES: readonly MeterQuantity[] = ['voltageV', 'currentA', 'activePowerW', 'reactivePowerVar', 'powerFactor', 'frequencyHz'];

/** Decodes a big-endian float32 from two registers, high word first. */
export function floatFromRegisters(high: number, low: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint16(0, high & 0xffff);
  view.setUint16(2, low & 0xffff);
  return view.getFloat32(0);
}

/** The inverse, for tests and slaves: [high word, low word]. */
export function registersFromFloat(value: number): [number, number] {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, value);
  return [view.getUint16(0), view.getUint16(2)];
}
