import java.util.Set;
import javax.servlet.http.HttpServletRequest;

public class Preferences {
  private static final Set<String> THEMES = Set.of("light", "dark");

  public void save(HttpServletRequest request) {
    String theme = request.getParameter("theme");
    if (THEMES.contains(theme)) {
      request.getSession().setAttribute("theme", theme);
    }
  }
}
