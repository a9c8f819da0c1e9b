import { add, cents, subtract, type Cents } from '../money.js';

/** The cash that went through a till session, as its ledger lines say. */
export interface TillCashFlow {
  openingFloat: Cents;
  cashReceived: Cents;
  changeGiven: Cents;
  cashIn: Cents;
  cashOut: Cents;
  cashRefunds: Cents;
}

/** Expected cash = opening float + cash received − change given + cash in − cash out − cash refunds. */
export function expectedCash(flow: TillCashFlow): Cents {
  return subtract(add(flow.openingFloat, flow.cashReceived, flow.cashIn), add(flow.changeGiven, flow.cashOut, flow.cashRefunds));
}

/** Counted minus expected: negative is a shortage, positive an overage. */
export function variance(expected: Cents, counted: Cents): Cents {
  return cents(counted - expected);
}
