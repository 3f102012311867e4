export class Invoice {
  constructor(number, customer) {
    this.number = number;
    // expect: js-self-assignment
    this.customer = this.customer;
    // expect: js-self-assignment
    customer = customer;
  }
}
