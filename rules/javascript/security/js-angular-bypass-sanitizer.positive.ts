import { Component } from "@angular/core";
import { DomSanitizer, SafeHtml } from "@angular/platform-browser";

@Component({ selector: "app-comment", template: "<div [innerHTML]=\"body\"></div>" })
export class CommentComponent {
  body: SafeHtml = "";

  constructor(private sanitizer: DomSanitizer) {}

  render(comment: { text: string }): void {
    // expect: js-angular-bypass-sanitizer
    this.body = this.sanitizer.bypassSecurityTrustHtml(comment.text);
  }
}
