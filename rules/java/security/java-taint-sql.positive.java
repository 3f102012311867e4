import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class UserServlet extends HttpServlet {
  private Connection conn;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String name = request.getParameter("name");
    // expect: java-sql-string-concat
    String sql = "SELECT id FROM users WHERE name = '" + name + "'";
    try (Statement st = conn.createStatement()) {
      // expect: java-taint-sql
      ResultSet rs = st.executeQuery(sql);
      rs.close();
    } catch (SQLException e) {
      response.sendError(500);
    }
  }
}
