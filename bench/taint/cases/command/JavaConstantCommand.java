// label: safe command
import javax.servlet.http.HttpServletRequest;

public class JavaConstantCommand {
  public void status(HttpServletRequest request) throws java.io.IOException {
    String verbose = request.getParameter("v");
    Runtime.getRuntime().exec("uptime");
    System.out.println(verbose == null ? "" : "verbose");
  }
}
