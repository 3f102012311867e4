// label: safe sql
import java.sql.*;
import javax.servlet.http.*;

public class JavaPrepared extends HttpServlet {
  private Connection conn;

  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
    try {
      PreparedStatement ps = conn.prepareStatement("SELECT * FROM orders WHERE id = ?");
      ps.setString(1, req.getParameter("id"));
      ps.executeQuery();
    } catch (SQLException e) {
      resp.sendError(500);
    }
  }
}
