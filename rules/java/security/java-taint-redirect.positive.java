import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class LoginFlow {
  public void done(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // expect: java-taint-redirect, java-open-redirect
    response.sendRedirect(request.getParameter("next"));
  }
}
