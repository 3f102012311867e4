// label: safe redirect
import javax.servlet.http.*;

public class JavaLocalRedirect extends HttpServlet {
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
    String page = Integer.toString(Integer.parseInt(req.getParameter("page")));
    resp.sendRedirect("/list?page=" + page);
  }
}
