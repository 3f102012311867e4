import java.io.IOException;
import java.io.ObjectInputStream;
import javax.servlet.http.HttpServletRequest;

public class SessionRestore {
  public Object restore(HttpServletRequest request) throws IOException, ClassNotFoundException {
    // expect: java-taint-deserialization
    ObjectInputStream in = new ObjectInputStream(request.getInputStream());
    // expect: java-unsafe-deserialization
    return in.readObject();
  }
}
