// label: safe trust-boundary
import java.util.Set;
import javax.servlet.http.*;

public class JavaSessionChecked extends HttpServlet {
  private static final Set<String> ROLES = Set.of("viewer", "editor");

  protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
    String role = req.getParameter("role");
    if (!ROLES.contains(role)) {
      return;
    }
    req.getSession().setAttribute("role", role);
  }
}
