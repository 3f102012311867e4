// label: safe command
import javax.servlet.http.HttpServletRequest;

public class JavaProcessBuilderList {
  public void convert(HttpServletRequest request) throws java.io.IOException {
    new ProcessBuilder("convert", request.getParameter("file"), "/tmp/out.png").start();
  }
}
