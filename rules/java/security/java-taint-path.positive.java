import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class Downloads {
  public void download(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String name = request.getParameter("file");
    // expect: java-taint-path
    File file = new File("/srv/files/" + name);
    // expect: java-taint-path
    response.getOutputStream().write(Files.readAllBytes(file.toPath()));
  }
}
