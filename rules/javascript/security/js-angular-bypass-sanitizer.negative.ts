import { Component, SecurityContext } from "@angular/core";
import { DomSanitizer, SafeResourceUrl } from "@angular/platform-browser";

@Component({ selector: "app-video", template: "<iframe [src]=\"url\"></iframe>" })
export class VideoComponent {
  url: SafeResourceUrl;

  constructor(private sanitizer: DomSanitizer) {
    this.url = this.sanitizer.bypassSecurityTrustResourceUrl("https://player.example.com/embed");
  }

  clean(html: string): string | null {
    return this.sanitizer.sanitize(SecurityContext.HTML, html);
  }
}
