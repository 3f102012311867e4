// label: vulnerable command
import javax.servlet.http.HttpServletRequest;

public class JavaRuntimeExec {
  public void convert(HttpServletRequest request) throws java.io.IOException {
    String file = request.getParameter("file");
    Runtime.getRuntime().exec("convert " + file + " /tmp/out.png");
  }
}
