import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.servlet.http.HttpServletRequest;

public class Preview {
  public InputStream fetch(HttpServletRequest request) throws IOException {
    // expect: java-taint-ssrf
    URL url = new URL(request.getParameter("url"));
    return url.openStream();
  }
}
