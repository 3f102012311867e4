// label: safe sql
import java.sql.*;
import javax.servlet.http.*;

public class JavaParseInt extends HttpServlet {
  private Connection conn;

  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
    int id = Integer.parseInt(req.getParameter("id"));
    try {
      conn.createStatement().executeQuery("SELECT * FROM orders WHERE id = " + id);
    } catch (SQLException e) {
      resp.sendError(500);
    }
  }
}
