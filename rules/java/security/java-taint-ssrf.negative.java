import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;

public class Preview {
  public InputStream fetch(HttpServletRequest request) throws IOException {
    String id = URLEncoder.encode(request.getParameter("id"), StandardCharsets.UTF_8);
    URL url = new URL("https://api.example.com/items/" + id);
    return url.openStream();
  }
}
