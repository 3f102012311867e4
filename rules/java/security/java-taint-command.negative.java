import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PingController {
  @GetMapping("/ping")
  public String ping(@RequestParam String host) throws IOException {
    Process p = new ProcessBuilder("ping", "-c", "1", host).start();
    return "started " + p.pid();
  }
}
