// label: safe deserialization
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import javax.servlet.http.*;

public class JavaJacksonTyped extends HttpServlet {
  private final ObjectMapper mapper = new ObjectMapper();

  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Order order = mapper.readValue(req.getInputStream(), Order.class);
    resp.setStatus(order == null ? 400 : 204);
  }

  static class Order {
    public String id;
  }
}
