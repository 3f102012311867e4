import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Downloads {
  public void download(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // expect: java-path-traversal-request
    String name = Paths.get(request.getParameter("file")).getFileName().toString();
    File file = new File("/srv/files/", name);
    response.getOutputStream().write(Files.readAllBytes(file.toPath()));
  }
}
