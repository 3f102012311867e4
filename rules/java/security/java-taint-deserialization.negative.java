import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import javax.servlet.http.HttpServletRequest;

public class SessionRestore {
  private final ObjectMapper mapper = new ObjectMapper();

  public Cart restore(HttpServletRequest request) throws IOException {
    return mapper.readValue(request.getInputStream(), Cart.class);
  }

  public static class Cart {
    public String id;
  }
}
