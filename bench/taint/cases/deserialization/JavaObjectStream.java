// label: vulnerable deserialization
import java.io.*;
import javax.servlet.http.*;

public class JavaObjectStream extends HttpServlet {
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try (ObjectInputStream in = new ObjectInputStream(req.getInputStream())) {
      Object state = in.readObject();
      resp.setStatus(state == null ? 400 : 204);
    } catch (ClassNotFoundException e) {
      resp.sendError(400);
    }
  }
}
