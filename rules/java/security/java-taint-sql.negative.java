import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class UserServlet extends HttpServlet {
  private Connection conn;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM users WHERE name = ?")) {
      ps.setString(1, request.getParameter("name"));
      ps.executeQuery().close();
    } catch (SQLException e) {
      response.sendError(500);
    }
  }
}
