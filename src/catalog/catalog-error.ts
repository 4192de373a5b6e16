// The error every catalog look-up throws for a caller's mistake (an unknown broker type or price
// key, a negative price, a discount out of range, an unknown assumption). The message is written
// for the user: it names the bad input and what is accepted instead.
export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogError';
  }
}
