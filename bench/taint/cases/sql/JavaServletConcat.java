// label: vulnerable sql
import java.sql.*;
import javax.servlet.http.*;

public class JavaServletConcat extends HttpServlet {
  private Connection conn;

  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
    String id = req.getParameter("id");
    try {
      Statement st = conn.createStatement();
      st.executeQuery("SELECT * FROM orders WHERE id = " + id);
    } catch (SQLException e) {
      resp.sendError(500);
    }
  }
}
