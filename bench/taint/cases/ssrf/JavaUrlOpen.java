// label: vulnerable ssrf
import java.io.InputStream;
import java.net.URL;
import org.springframework.web.bind.annotation.*;

@RestController
public class JavaUrlOpen {
  @GetMapping("/fetch")
  public byte[] fetch(@RequestParam String url) throws java.io.IOException {
    try (InputStream in = new URL(url).openStream()) {
      return in.readAllBytes();
    }
  }
}
