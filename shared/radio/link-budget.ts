// Link budget (thesis eq. 2.15, in dB form of Friis eq. 2.13):
//   received power = transmit power + transmit gain + receive gain − path loss,
//   path loss = distance term + multi-wall term (COST 231 multi-wall model).
// A link exists when the received power clears the receiver's sensitivity plus a fade margin that
// absorbs shadowing and multipath (10 dB is a common indoor planning margin for 2.4 GHz).

export interface RadioEnd {
  readonly txPowerDbm: number;
  readonly antennaGainDbi: number;
  readonly rxSensitivityDbm: number;
}

export function receivedPowerDbm(txPowerDbm: number, txGainDbi: number, rxGainDbi: number, pathLossDb: number): number {
  return txPowerDbm + txGainDbi + rxGainDbi - pathLossDb;
}

export function linkClears(receivedDbm: number, rxSensitivityDbm: number, fadeMarginDb: number): boolean {
  return receivedDbm >= rxSensitivityDbm + fadeMarginDb;
}

/** The largest path loss the link tx → rx survives with the margin, dB. */
export function maxPathLossDb(tx: RadioEnd, rx: RadioEnd, fadeMarginDb: number): number {
  return tx.txPowerDbm + tx.antennaGainDbi + rx.antennaGainDbi - rx.rxSensitivityDbm - fadeMarginDb;
}

/**
 * Index of the lowest transmit level (levels sorted by ascending power) that still closes a link of
 * `pathLossDb` with the margin, or −1 when even the highest does not.
 */
export function lowestClosingLevel(
  levelsDbm: ArrayLike<number>,
  txGainDbi: number,
  rx: RadioEnd,
  pathLossDb: number,
  fadeMarginDb: number,
): number {
  for (let i = 0; i < levelsDbm.length; i++) {
    if (linkClears(receivedPowerDbm(levelsDbm[i], txGainDbi, rx.antennaGainDbi, pathLossDb), rx.rxSensitivityDbm, fadeMarginDb)) return i;
  }
  return -1;
}
