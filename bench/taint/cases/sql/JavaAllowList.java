// label: safe sql
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
public class JavaAllowList {
  private static final Set<String> COLUMNS = Set.of("name", "created");
  private JdbcTemplate jdbc;

  @GetMapping("/users")
  public List<Map<String, Object>> users(@RequestParam String sort) {
    String column = COLUMNS.contains(sort) ? sort : "name";
    return jdbc.queryForList("SELECT * FROM users ORDER BY " + column);
  }
}
