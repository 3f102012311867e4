// label: vulnerable command
import org.springframework.web.bind.annotation.*;

@RestController
public class JavaHelperCommand {
  private String script(String host) {
    return "nslookup " + host;
  }

  @GetMapping("/dns")
  public String dns(@RequestParam String host) throws java.io.IOException {
    Runtime.getRuntime().exec(new String[] {"sh", "-c", script(host)});
    return "ok";
  }
}
