// label: safe xss
import java.io.*;
import javax.servlet.http.*;
import org.apache.commons.text.StringEscapeUtils;

public class JavaEncoded extends HttpServlet {
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    PrintWriter out = resp.getWriter();
    out.println("<p>Search: " + StringEscapeUtils.escapeHtml4(req.getParameter("q")) + "</p>");
  }
}
