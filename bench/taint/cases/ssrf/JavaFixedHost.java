// label: safe ssrf
import java.io.InputStream;
import java.net.URL;
import org.springframework.web.bind.annotation.*;

@RestController
public class JavaFixedHost {
  @GetMapping("/item")
  public byte[] item(@RequestParam String id) throws java.io.IOException {
    try (InputStream in = new URL("https://api.example.com/items/" + Long.parseLong(id)).openStream()) {
      return in.readAllBytes();
    }
  }
}
