import javax.servlet.http.HttpServletRequest;

public class Preferences {
  public void save(HttpServletRequest request) {
    String role = request.getParameter("role");
    // expect: java-taint-trust-boundary
    request.getSession().setAttribute("role", role);
  }
}
