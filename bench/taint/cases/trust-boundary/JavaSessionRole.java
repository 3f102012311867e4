// label: vulnerable trust-boundary
import javax.servlet.http.*;

public class JavaSessionRole extends HttpServlet {
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
    HttpSession session = req.getSession();
    session.setAttribute("role", req.getParameter("role"));
  }
}
