// label: vulnerable path
import java.nio.file.*;
import org.springframework.web.bind.annotation.*;

@RestController
public class JavaPathsGet {
  @GetMapping("/read/{name}")
  public String read(@PathVariable String name) throws java.io.IOException {
    return Files.readString(Paths.get("/srv/data", name));
  }
}
