// label: safe path
import java.nio.file.*;
import org.springframework.web.bind.annotation.*;

@RestController
public class JavaFileName {
  @GetMapping("/read/{name}")
  public String read(@PathVariable String name) throws java.io.IOException {
    String safe = Paths.get(name).getFileName().toString();
    return Files.readString(Paths.get("/srv/data", safe));
  }
}
