// label: vulnerable redirect
import javax.servlet.http.*;

public class JavaSendRedirect extends HttpServlet {
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
    String target = req.getParameter("return");
    resp.sendRedirect(target);
  }
}
