// label: vulnerable sql
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
public class JavaSpringJdbc {
  private JdbcTemplate jdbc;

  @GetMapping("/users")
  public List<Map<String, Object>> users(@RequestParam String sort) {
    String sql = String.format("SELECT * FROM users ORDER BY %s", sort);
    return jdbc.queryForList(sql);
  }
}
