import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

public class HelloServlet extends HttpServlet {
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String name = Encode.forHtml(request.getParameter("name"));
    // expect: java-servlet-writer-unencoded
    response.getWriter().println("<h1>Hello " + name + "</h1>");
  }
}
