import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class LoginFlow {
  public void done(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String user = URLEncoder.encode(request.getParameter("user"), StandardCharsets.UTF_8);
    response.sendRedirect("/profile/" + user);
  }
}
