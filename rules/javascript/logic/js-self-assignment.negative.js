export class Invoice {
  constructor(number, customer, lines) {
    this.number = number;
    this.customer = customer;
    this.lines = [...lines];
    this.lines[0] = this.lines[this.lines.length - 1];
  }
}
