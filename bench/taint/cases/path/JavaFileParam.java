// label: vulnerable path
import java.io.*;
import javax.servlet.http.*;

public class JavaFileParam extends HttpServlet {
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    FileInputStream in = new FileInputStream("/srv/docs/" + req.getParameter("doc"));
    in.transferTo(resp.getOutputStream());
  }
}
