// label: safe path
import java.nio.file.*;
import javax.servlet.http.*;

public class JavaNormalizeCheck {
  private static final Path BASE = Paths.get("/srv/data");

  public byte[] read(HttpServletRequest req) throws java.io.IOException {
    Path target = BASE.resolve(req.getParameter("f")).normalize();
    if (!target.startsWith(BASE)) {
      throw new SecurityException("outside base");
    }
    return Files.readAllBytes(target);
  }
}
