// label: vulnerable xss
import java.io.*;
import javax.servlet.http.*;

public class JavaWriterPrint extends HttpServlet {
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    PrintWriter out = resp.getWriter();
    out.println("<p>Search: " + req.getParameter("q") + "</p>");
  }
}
