// The cost model of msksim: pure functions from usage quantities to a bill of line items.
export type { LineItem } from './line-item.js';
export type { Bill } from './bill.js';
export { standardBill, type StandardUsage } from './standard-bill.js';
export { expressBill, type ExpressUsage } from './express-bill.js';
export { serverlessBill, type ServerlessUsage } from './serverless-bill.js';
export { formatUsd } from './format-usd.js';
